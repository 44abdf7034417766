"""Pelican plugin: RSS, Atom and iCalendar feeds per scope, one .ics per event, add-to-calendar links."""

import logging

import agenda_core
from pelican import signals

from .folding import install
from .generator import DEFAULTS, FeedsGenerator

logger = logging.getLogger(__name__)


def get_generators(pelican):
    return FeedsGenerator


def check_settings(pelican):
    """``AGENDA_FEEDS`` over its defaults; its former "revisions" key is now ``AGENDA_REVISIONS``."""
    feeds = dict(pelican.settings.get("AGENDA_FEEDS") or {})
    if "revisions" in feeds:
        logger.warning("agenda_feeds: AGENDA_FEEDS['revisions'] is now AGENDA_REVISIONS")
        pelican.settings["AGENDA_REVISIONS"] = feeds.pop("revisions")
    pelican.settings["AGENDA_FEEDS"] = agenda_core.merged({"AGENDA_FEEDS": feeds}, "AGENDA_FEEDS", DEFAULTS)


def register():
    install()  # icalendar folds lines with folding.fold: the same bytes, faster
    agenda_core.connect()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
