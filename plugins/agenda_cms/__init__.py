"""Pelican plugin: the agencies' back office, Decap CMS self-hosted under /admin/ with a configuration made from
the catalogue's vocabulary, a commune field checked against the official geography, and the editorial workflow."""

import agenda_core
from pelican import signals

from .generator import DEFAULTS, CmsGenerator


def get_generators(pelican):
    return CmsGenerator


def check_settings(pelican):
    pelican.settings["AGENDA_CMS"] = agenda_core.merged(pelican.settings, "AGENDA_CMS", DEFAULTS)


def register():
    agenda_core.connect()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
