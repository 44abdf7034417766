"""Pelican plugin: open data exports (JSON, CSV, JSON Schema) of events and services, and their page."""

import agenda_core
from pelican import signals

from .generator import OpenDataGenerator


def get_generators(pelican):
    return OpenDataGenerator


def register():
    agenda_core.connect()
    signals.get_generators.connect(get_generators)
