"""Pelican plugin: listing pages by region, department, type, month, and the services catalogue."""

from pelican import signals

from .generator import ListingsGenerator


def get_generators(pelican):
    return ListingsGenerator


def register():
    signals.get_generators.connect(get_generators)
