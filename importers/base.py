"""Shared machinery of importers: source settings, record -> agency Markdown, validation, atomic writes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path, PurePosixPath

from catalogue.frontmatter import Document, Field
from catalogue.geography import Geography
from catalogue.model import Event
from catalogue.serialize import render_event
from catalogue.text import slugify
from catalogue.validation import EVENT_FIELDS, validate_event

IMPORT_FOLDER = PurePosixPath("events/imports")
DATE_FIELDS = ("start", "end", "registration_end", "updated")


@dataclass(frozen=True)
class SourceConfig:
    """One entry of ``sources.toml``."""

    name: str
    kind: str
    location: str  # a path relative to the project, or a URL
    organizer: str = ""
    rebase_from: date | None = None  # sample sources: this Monday moves to the current week's Monday


@dataclass
class Record:
    """One event as a source gives it, mapped to the agency fields (canonical keys, text values)."""

    key: str  # the source's own identifier, stable across imports
    fields: dict[str, str]
    body: str = ""
    origin: str = ""  # where in the source, for messages: "ligne 12"


@dataclass
class Summary:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[str] = field(default_factory=list)
    error: str = ""


def rebase_shift(rebase_from: date | None, today: date) -> timedelta:
    """Whole weeks from ``rebase_from`` to the Monday of ``today``'s week, so weekdays stay right."""
    if rebase_from is None:
        return timedelta(0)
    monday = today - timedelta(days=today.weekday())
    return timedelta(weeks=(monday - rebase_from).days // 7)


def shift_event(event: Event, shift: timedelta) -> Event:
    moved = {name: getattr(event, name) + shift for name in DATE_FIELDS if getattr(event, name) is not None}
    return replace(event, **moved)


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Importer:
    """Base of every source kind: subclasses yield Records, this class validates and writes them."""

    def __init__(self, source: SourceConfig, project_root: Path, content_root: Path, geo: Geography, today: date):
        self.source = source
        self.project_root = project_root
        self.content_root = content_root
        self.geo = geo
        self.shift = rebase_shift(source.rebase_from, today)

    def records(self) -> Iterable[Record]:
        raise NotImplementedError

    def run(self) -> Summary:
        summary = Summary(self.source.name)
        folder = IMPORT_FOLDER / slugify(self.source.name)
        for record in self.records():
            relative = folder / f"{slugify(record.key)}.md"
            where = f"{self.source.name} ({record.origin})" if record.origin else self.source.name
            result = validate_event(self._document(record), path=where, relative=relative, geo=self.geo)
            if result.item is None:
                summary.rejected += 1
                summary.problems += [f"{where}: {problem.detail()}" for problem in result.problems]
                continue
            event = shift_event(result.item, self.shift) if self.shift else result.item
            self._write(self.content_root / relative, render_event(event), summary)
        return summary

    def _document(self, record: Record) -> Document:
        """The record as a parsed agency file, completed with the source's defaults."""
        document = Document(body=record.body)
        values = {key: value for key, value in record.fields.items() if value}
        values.setdefault("organizer", self.source.organizer)
        values.setdefault("uid", f"{slugify(self.source.name)}:{slugify(record.key)}")
        values["source"] = self.source.name
        for line, (key, value) in enumerate(values.items(), start=1):
            document.fields[key] = Field(key, EVENT_FIELDS.get(key, key), " ".join(value.split()), line)
        return document

    @staticmethod
    def _write(path: Path, text: str, summary: Summary) -> None:
        if path.exists():
            if path.read_text(encoding="utf-8") == text:
                summary.unchanged += 1
                return
            summary.updated += 1
        else:
            summary.created += 1
        write_atomic(path, text)
