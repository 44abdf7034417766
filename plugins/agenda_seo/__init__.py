"""Pelican plugin: schema.org JSON-LD per event, sitemap.xml, robots.txt, _headers and the 404 page."""

import agenda_core
from pelican import signals

from .generator import SeoGenerator, sitemap, write_sitemap


def get_generators(pelican):
    return SeoGenerator


def page_written(path, context):
    sitemap.page_written(path, context)


def register():
    agenda_core.connect()
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(page_written)
    signals.finalized.connect(write_sitemap)
