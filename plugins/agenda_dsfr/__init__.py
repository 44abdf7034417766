"""Pelican plugin: the parts of the State design system (DSFR) the theme uses, bundled and slimmed."""

import agenda_core
from pelican import signals

from .generator import DEFAULTS, DsfrGenerator


def get_generators(pelican):
    return DsfrGenerator


def check_settings(pelican):
    pelican.settings["DSFR"] = agenda_core.merged(pelican.settings, "DSFR", DEFAULTS)


def register():
    agenda_core.connect()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
