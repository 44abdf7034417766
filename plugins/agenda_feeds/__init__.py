"""Pelican plugin: RSS, Atom and iCalendar feeds per scope, one .ics per event, add-to-calendar links."""

from pelican import signals

from .generator import FeedsGenerator


def get_generators(pelican):
    return FeedsGenerator


def register():
    signals.get_generators.connect(get_generators)
