"""Pelican plugin: the parts of the State design system (DSFR) the theme uses, bundled and slimmed."""

from pelican import signals

from .generator import DsfrGenerator


def get_generators(pelican):
    return DsfrGenerator


def register():
    signals.get_generators.connect(get_generators)
