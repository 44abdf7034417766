"""Spreadsheets an agency drops in its own folder under ``content/events/`` (``content/events/cap-emploi-31/
agenda.xlsx``): each is imported like a declared spreadsheet source, before the build reads the content, into
``content/events/imports/<folder>-<file name>/``, with the same messages in the publishing report. A spreadsheet
taken away takes its upcoming events with it: they are marked cancelled (past ones stay in the archives)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from catalogue.files import write_atomic
from catalogue.geography import Geography
from catalogue.text import slugify

from .base import Context, Importer, Record, SourceConfig, Summary
from .fetch import Fetcher
from .spreadsheet import SpreadsheetImporter

SUFFIXES = (".xlsx", ".csv")
MARK = ".dropped-from"  # beside an import of a dropped spreadsheet: the spreadsheet's path under content/


class TakenAway(Importer):
    """A dropped spreadsheet that is no longer there: it lists nothing, so its upcoming events are cancelled."""

    def records(self) -> list[Record]:
        return []


def dropped_spreadsheets(content: Path) -> list[Path]:
    """The spreadsheets in agency folders, in one walk that skips the imports' own folder; hidden files and
    Excel's lock files (``~$agenda.xlsx``, there while the file is open) are left alone."""
    events, found = content / "events", []
    for folder, subfolders, names in os.walk(events):
        if Path(folder) == events and "imports" in subfolders:
            subfolders.remove("imports")
        found += [Path(folder, name) for name in names
                  if name.lower().endswith(SUFFIXES) and not name.startswith((".", "~$"))]
    return sorted(found)


def source_name(content: Path, path: Path) -> str:
    """``content/events/cap-emploi-31/Agenda décembre.xlsx`` -> ``cap-emploi-31-agenda-decembre``."""
    return slugify("-".join(path.relative_to(content / "events").with_suffix("").parts))


def import_dropped(content: Path, geo: Callable[[], Geography], now: datetime) -> list[Summary]:
    """``geo`` gives the geography, loaded only when there is a spreadsheet to import or one was taken away."""
    paths = dropped_spreadsheets(content)
    imports = content / "events" / "imports"
    gone = sorted(mark.parent for mark in imports.glob(f"*/{MARK}")
                  if not (content / mark.read_text(encoding="utf-8").strip()).is_file()) if imports.is_dir() else []
    if not paths and not gone:
        return []
    context = Context(project_root=content, content_root=content, geo=geo(), now=now, fetcher=Fetcher())
    summaries = []
    for path in paths:
        importer = SpreadsheetImporter(SourceConfig(source_name(content, path), "spreadsheet",
                                                    str(path.relative_to(content))), context)
        summaries.append(importer.run())
        if not (importer.target / MARK).is_file():
            write_atomic(importer.target / MARK, f"{path.relative_to(content)}\n")
    summaries += [TakenAway(SourceConfig(folder.name, "spreadsheet", ""), context).run() for folder in gone]
    return summaries
