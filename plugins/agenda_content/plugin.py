"""Swap Pelican's Markdown reader for ours, log problems in French, drop duplicate identifiers."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

import agenda_core
from agenda_core import settings as core_settings
from agenda_core import site_geography
from pelican import signals

from catalogue import easy_read, french
from catalogue.dedup import duplicate_groups
from catalogue.model import AVAILABILITY
from catalogue.validation import duplicates
from importers.dropped import import_dropped

from .reader import PROBLEMS_KEY, WARNINGS_KEY, AgendaReader
from .report import ReportGenerator, record

logger = logging.getLogger(__name__)


def add_reader(readers) -> None:
    for extension in AgendaReader.file_extensions:
        readers.reader_classes[extension] = AgendaReader


def report(sender, metadata) -> None:
    """Runs for every file, cached or not, so each build lists every problem, in the log and in the
    publishing report. Warnings (the item is published) are information: a strict build fails on problems only."""
    for problem in metadata.get(PROBLEMS_KEY, ()):
        logger.warning("%s", problem)
    for warning in metadata.get(WARNINGS_KEY, ()):
        logger.info("%s:%s: avertissement : %s", warning.path, warning.line, warning.detail())
    record(sender.context, "refused", metadata.get(PROBLEMS_KEY, ()))
    record(sender.context, "warning", metadata.get(WARNINGS_KEY, ()))


def _drop_duplicates(generator, documents: list, attribute: str) -> None:
    """A second file reusing a uid or page address is reported and left out."""
    items = [getattr(doc, attribute) for doc in documents if hasattr(doc, attribute)]
    rejected = set()
    for problem in duplicates(items):
        logger.warning("%s", problem)
        record(generator.context, "refused", [problem])
        rejected.add(problem.path)
    if rejected:
        documents[:] = [doc for doc in documents if getattr(doc, attribute, None) is None
                        or getattr(doc, attribute).source_path not in rejected]


def drop_duplicate_events(generator) -> None:
    _drop_duplicates(generator, generator.articles, "event")
    merge_copies(generator)


def merge_copies(generator) -> None:
    """One page for an event several sources publish; it names every source (``article.sources``)."""
    by_event = {id(article.event): article for article in generator.articles if hasattr(article, "event")}
    for article in by_event.values():
        article.sources = []  # articles may come from Pelican's content cache with last build's value
    dropped = set()
    for group in duplicate_groups([article.event for article in by_event.values()]):
        by_event[id(group[0])].sources = [event.source or "dépôt direct de l'agence" for event in group]
        dropped.update(id(event) for event in group[1:])
    if dropped:
        generator.articles[:] = [a for a in generator.articles if id(getattr(a, "event", None)) not in dropped]


def drop_duplicate_services(generator) -> None:
    _drop_duplicates(generator, generator.pages, "service")


def import_dropped_spreadsheets(pelican) -> None:
    """An agency's spreadsheet in its folder becomes Markdown before the content is read; what each import
    refused goes to the log and to the publishing report."""
    settings = pelican.settings
    geo = partial(site_geography, settings)  # loaded only if there is a spreadsheet
    for summary in import_dropped(Path(settings["PATH"]), geo, core_settings.now(settings)):
        if summary.error:
            logger.warning("%s : %s (contenu déjà publié conservé)", summary.source, summary.error)
        for entry in summary.entries:
            (logger.info if entry.level == "note" else logger.warning)("%s", entry)


def add_filters(generator) -> None:
    generator.env.filters.update(french_day=french.day, french_clock=french.clock, french_zone_note=french.zone_note,
                                 plural=french.count, by_day=french.by_day)
    generator.env.globals.update(availabilities=AVAILABILITY, easy_read=easy_read.summary)


def get_generators(pelican):
    return ReportGenerator


def register() -> None:
    agenda_core.connect()
    signals.initialized.connect(import_dropped_spreadsheets)
    signals.readers_init.connect(add_reader)
    signals.article_generator_context.connect(report)
    signals.page_generator_context.connect(report)
    signals.article_generator_pretaxonomy.connect(drop_duplicate_events)
    signals.page_generator_finalized.connect(drop_duplicate_services)
    signals.generator_init.connect(add_filters)
    signals.get_generators.connect(get_generators)
