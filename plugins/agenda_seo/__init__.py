"""Pelican plugin: schema.org JSON-LD per event, sitemap.xml, robots.txt, _headers and the 404 page."""

from pelican import signals

from .generator import SeoGenerator


def get_generators(pelican):
    return SeoGenerator


def register():
    signals.get_generators.connect(get_generators)
