"""Pelican plugin: listing pages by region, department, type, month, and the services catalogue."""

import agenda_core
from pelican import signals

from .generator import ListingsGenerator


def get_generators(pelican):
    return ListingsGenerator


def register():
    agenda_core.connect()
    signals.get_generators.connect(get_generators)
