"""Pelican plugin: the events on partners' sites. A script (``integrer/agenda-emploi.js``) that shows a
department's or an organiser's upcoming events from a JSON file, an iframe page for sites that strip scripts,
and the page (``/integrer/``) where a partner chooses, previews and copies the snippet."""

import agenda_core
from pelican import signals

from .generator import EmbedGenerator


def get_generators(pelican):
    return EmbedGenerator


def register():
    agenda_core.connect()
    signals.get_generators.connect(get_generators)
