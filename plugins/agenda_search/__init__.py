"""Pelican plugin: the prebuilt search index (JSON shards for the browser and the staff CLI) and /recherche/."""

import agenda_core
from pelican import signals

from .generator import SearchGenerator


def get_generators(pelican):
    return SearchGenerator


def register():
    agenda_core.connect()
    signals.get_generators.connect(get_generators)
