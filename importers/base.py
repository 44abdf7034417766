"""Shared machinery of importers: record -> validated model -> agency Markdown, written safely.

A run reads the whole source first; if that fails, nothing is written. Then every record is
validated by the catalogue, rendered in canonical form and written atomically, only when it
changed. Files the importer wrote are tracked in a state file with their hash, so a file edited
by hand is never overwritten, and an upcoming event that vanished from its source is cancelled.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath

from catalogue.files import IMPORT_REPORT, write_atomic
from catalogue.frontmatter import Document, Field, parse
from catalogue.geography import Geography
from catalogue.model import Event, Service
from catalogue.serialize import render_event, render_service
from catalogue.text import fold, slugify
from catalogue.validation import EVENT_FIELDS, SERVICE_FIELDS, Result, validate_event, validate_service
from catalogue.vocabulary import TAGGINGS, Vocabulary, mode_for, says_online

from .fetch import Fetcher, SourceError
from .places import Place, find_place

STATE_FILE = ".import-state.json"
DEFAULT_DURATION = timedelta(hours=2)  # an event a source gives no end for (sources may set ``default_duration``)
DATE_FIELDS = ("start", "end", "registration_end", "updated")


@dataclass(frozen=True)
class SourceConfig:
    """One entry of ``sources.toml``."""

    name: str
    kind: str
    location: str  # a path relative to the project, or a URL
    organizer: str = ""
    organizer_url: str = ""  # the default organiser's website, given with it
    contact: str = ""  # the default organiser's phone and/or e-mail, given with it
    timezone: str = ""  # the organiser's IANA zone: online events' times (default Europe/Paris)
    region: str = ""  # default region (code or name): settles commune names shared across regions
    rebase_from: date | None = None  # sample sources: this Monday moves to the current week's Monday
    options: dict = field(default_factory=dict)  # kind-specific settings (selectors, horizon, credentials…)


@dataclass
class Context:
    """What every importer of a run shares."""

    project_root: Path
    content_root: Path
    geo: Geography
    now: datetime
    fetcher: Fetcher
    progress: Callable[[list, str], Iterable] = lambda items, _label: items
    secrets: Mapping[str, str] = field(default_factory=dict)  # credentials by name (the CLI: its environment)


@dataclass
class Record:
    """One item as a source gives it, mapped to the agency fields (canonical keys, text values)."""

    key: str  # the source's own identifier, stable across imports
    fields: dict[str, str]
    body: str = ""
    origin: str = ""  # where in the source, for messages: "ligne 12"
    warnings: list[str] = field(default_factory=list)
    place: str = ""  # the place as the source wrote it, free text: the importer finds its commune once
    error: str = ""  # why the source's item cannot be published (French); it is reported, never written
    names: dict[str, str] = field(default_factory=dict)  # field -> its name in the source, for messages


@dataclass
class Entry:
    """One thing a run says: an item refused, a warning, or a note on the source as a whole."""

    where: str  # the source, and where in it: "agence (ligne 12)"
    message: str
    level: str = "refusé"  # "refusé", "avertissement" or "note"

    def __str__(self) -> str:
        return f"{self.where}: avertissement : {self.message}" if self.level == "avertissement" else \
            f"{self.where}: {self.message}"


@dataclass
class Summary:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    rejected: int = 0
    conflicts: int = 0
    entries: list[Entry] = field(default_factory=list)
    error: str = ""

    @property
    def problems(self) -> list[str]:
        """The entries as the command line prints them."""
        return [str(entry) for entry in self.entries]

    def add(self, where: str, messages: Iterable[str], level: str = "refusé") -> None:
        self.entries += [Entry(where, message, level) for message in messages]

    def as_json(self, now: datetime) -> dict:
        """The publishing report's view of the run (French keys, like the report's own JSON)."""
        return {"source": self.source, "importe_le": now.isoformat(timespec="seconds"), "echec": self.error,
                "crees": self.created, "mis_a_jour": self.updated, "inchanges": self.unchanged,
                "annules": self.cancelled, "rejetes": self.rejected, "conflits": self.conflicts,
                "problemes": [{"ou": entry.where, "niveau": entry.level, "message": entry.message}
                              for entry in self.entries]}


def rebase_shift(rebase_from: date | None, today: date) -> timedelta:
    """Whole weeks from ``rebase_from`` to the Monday of ``today``'s week, so weekdays stay right."""
    if rebase_from is None:
        return timedelta(0)
    monday = today - timedelta(days=today.weekday())
    return timedelta(weeks=(monday - rebase_from).days // 7)


def shift_event(event: Event, shift: timedelta) -> Event:
    moved = {name: getattr(event, name) + shift for name in DATE_FIELDS if getattr(event, name) is not None}
    return replace(event, **moved)


def default_end(start: datetime, options: dict, warnings: list[str]) -> datetime:
    """The end of an event whose source gives none: ``default_duration`` minutes later, with a warning."""
    duration = timedelta(minutes=int(options["default_duration"])) if "default_duration" in options else DEFAULT_DURATION
    warnings.append(f"heure de fin absente : fin {_hours(duration)} après le début, à vérifier")
    return start + duration


def _hours(duration: timedelta) -> str:
    minutes = int(duration.total_seconds()) // 60
    return f"{minutes // 60} h {minutes % 60:02d}" if minutes % 60 else f"{minutes // 60} h"


def known_labels(values: Iterable, vocabulary: Vocabulary, what: str, warnings: list[str]) -> str:
    """A source's list of labels, kept when the vocabulary knows them; the others are reported and left out."""
    found = []
    for value in values:
        term = vocabulary.find(str(value))
        if term is None:
            warnings.append(f"{what} « {str(value)[:60]} » inconnu, ignoré ({vocabulary.name})")
        elif term.label not in found:
            found.append(term.label)
    return ", ".join(found)




def sort_categories(values: Iterable[str]) -> dict[str, str]:
    """Free categories (iCalendar CATEGORIES) sorted into audience, benefits and objectives; others are left."""
    fields: dict[str, list[str]] = {}
    for value in values:
        for tag in TAGGINGS:
            term = tag.vocabulary.find(value)
            if term is not None:
                fields.setdefault(tag.attribute, []).append(term.label)
                break
    return {key: ", ".join(dict.fromkeys(labels)) for key, labels in fields.items()}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_slug(key: str) -> str:
    """A record's key as a short, unique file and uid part: its slug, or when that is long (Outlook and
    Exchange UIDs are about 112 characters, and a series' occurrences share all but their end) its first
    32 characters and 12 hex digits of the whole key's SHA-256."""
    slug = slugify(key)
    if not slug:
        return digest(key)[:12]
    return slug if len(slug) <= 48 else f"{slug[:32].rstrip('-')}-{digest(key)[:12]}"


class Importer:
    """Base of every source kind: subclasses yield Records from ``records()``; this class does the rest."""

    folder = PurePosixPath("events/imports")
    known_fields = EVENT_FIELDS

    def __init__(self, source: SourceConfig, context: Context):
        self.source = source
        self.context = context
        self.shift = rebase_shift(source.rebase_from, context.now.date())
        self.complete_fetch = True  # records() sets False when the source had items it could not list
        self.notes: list[str] = []  # what records() says of the source as a whole (columns ignored…)

    # -- to implement -------------------------------------------------------------------------
    def records(self) -> Iterable[Record]:
        raise NotImplementedError

    def find_place(self, text: str) -> Place:
        """The commune in a place text, preferring the source's default region when a name is shared."""
        region = self.context.geo.region(self.source.region) if self.source.region else None
        return find_place(text, self.context.geo, region) if text.strip() else Place()

    # -- the run ------------------------------------------------------------------------------
    @property
    def target(self) -> Path:
        return self.context.content_root / self.folder / slugify(self.source.name)

    def read(self) -> bytes:
        return self.context.fetcher.read(self.source.location, self.context.project_root)

    def run(self) -> Summary:
        """Import the source, then keep what the run said beside its files for the publishing report."""
        summary = Summary(self.source.name)
        try:
            self._import(summary)
        except SourceError as error:
            summary.error = str(error)
        self._save_report(summary)
        return summary

    def _save_report(self, summary: Summary) -> None:
        """Rewritten only when the run said something new: a build that imports never touches content for nothing."""
        report = summary.as_json(self.context.now)
        try:
            known = json.loads((self.target / IMPORT_REPORT).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        if {**known, "importe_le": ""} != {**report, "importe_le": ""}:
            write_atomic(self.target / IMPORT_REPORT, json.dumps(report, ensure_ascii=False, indent=1) + "\n")

    def _import(self, summary: Summary) -> None:
        records = list(self.records())
        summary.add(self.source.name, self.notes, "note")
        state = self._load_state()
        written: dict[str, str] = {}
        for record in self.context.progress(records, self.source.name):
            where = f"{self.source.name} ({record.origin})" if record.origin else self.source.name
            # the file name is the page address: prefixed with the source so two sources never collide
            name = f"{slugify(self.source.name)}-{record_slug(record.key)}.md"
            document = None if record.error else self._document(record)  # may add a warning or an error
            summary.add(where, record.warnings, "avertissement")
            result = None if record.error else self.validate(document, where, self.folder / slugify(self.source.name) / name)
            if result is None or result.item is None:
                summary.rejected += 1
                errors = [record.error] if record.error else [problem.detail() for problem in result.problems]
                summary.add(where, errors)
                if name in state and name not in written:  # still in the source: its last good version stays
                    written[name] = state[name]
                    summary.add(where, ["la version déjà publiée est gardée"], "note")
                continue
            summary.add(where, [warning.detail() for warning in result.warnings], "avertissement")
            if name in written:
                summary.rejected += 1
                summary.add(where, [f"identifiant « {record.key} » en double dans la source"])
                continue
            text = self.render(result.item)
            written[name] = self._write(name, text, state, summary)
        if self.complete_fetch:
            self._retire_vanished(state, written, summary)
        else:  # some items could not be listed (a broken series): nothing is taken for gone
            written = state | written
        self._save_state(state, {name: value for name, value in written.items() if value})

    def defaults(self) -> dict[str, str]:
        """Values for fields a record leaves empty: the source's organiser, its website and contact go together."""
        return {"organizer": self.source.organizer, "organizer_url": self.source.organizer_url,
                "contact": self.source.contact}

    def is_source_organizer(self, organizer: str) -> bool:
        """No organiser, the source's, or one of its branches ("France Travail Nantes Est" under "France Travail")."""
        own = fold(self.source.organizer)
        return not organizer or (bool(own) and (fold(organizer) + " ").startswith(own + " "))

    def complete(self, values: dict[str, str], record: Record) -> None:
        """The record's commune, looked up once (the source's region settles shared names), then the one
        mode rule, and the organiser's zone for an event without a commune.

        A place that names no commune (``Salle 3``), or no place and no link, is the source's usual
        ``place`` when it has one (an agency's calendar of its own workshops); a foreign address is refused."""
        written, link = record.place or values.get("commune", ""), bool(values.get("url"))
        place = self.find_place(written)
        usual = self.source.options.get("place", "")
        if place.problem:
            record.error = f"lieu refusé, {place.problem}"
            return
        if place.commune is None and not link and says_online(written):
            record.error = f"lieu « {written[:80]} » : en ligne, mais sans lien pour se connecter"
            return
        if place.commune is None and not link and usual:
            place = self.find_place(usual)
            if written:
                record.warnings.append(f"lieu « {written[:80]} » : aucune commune reconnue, lieu habituel "
                                       f"de la source retenu ({place.field})")
        elif place.commune is None and not link and written:
            record.error = f"lieu « {written[:80]} » : commune introuvable (ajoutez le code postal et la commune)"
            return
        if place.commune is not None:
            values["commune"] = place.field
        values.setdefault("mode", mode_for(place=place.commune is not None, link=link))
        if place.commune is None and self.source.timezone:
            values.setdefault("timezone", self.source.timezone)

    def validate(self, document: Document, where: str, relative: PurePosixPath) -> Result:
        return validate_event(document, path=where, relative=relative, geo=self.context.geo)

    def render(self, item: Event | Service) -> str:
        return render_event(shift_event(item, self.shift) if self.shift else item)

    def _document(self, record: Record) -> Document:
        """The record as a parsed agency file, completed with the source's defaults."""
        document = Document(body=record.body, labels=record.names)
        values = {key: " ".join(value.split()) for key, value in record.fields.items() if value and value.strip()}
        defaults = self.defaults()
        if not self.is_source_organizer(values.get("organizer", "")):
            for key in ("organizer_url", "contact"):  # another organiser's website and contact are not the source's
                defaults.pop(key, None)
        for key, value in defaults.items():
            values.setdefault(key, value)
        self.complete(values, record)
        if record.error:
            return document
        values["source"] = self.source.name
        values.setdefault("uid", f"{slugify(self.source.name)}:{record_slug(record.key)}")
        for line, (key, value) in enumerate(values.items(), start=1):
            document.fields[key] = Field(key, record.names.get(key) or self.known_fields.get(key, key), value, line)
        return document

    # -- writing safely -----------------------------------------------------------------------
    def _write(self, name: str, text: str, state: dict[str, str], summary: Summary) -> str:
        """Write one file unless it is unchanged or was edited by hand; returns the hash to remember."""
        path = self.target / name
        if path.exists():
            current = path.read_text(encoding="utf-8", errors="replace")
            if current == text:
                summary.unchanged += 1
                return digest(text)
            if state.get(name) != digest(current):
                summary.conflicts += 1
                summary.add(self.source.name, [f"{path} a été modifié à la main : il n'est pas écrasé"], "note")
                return state.get(name, "")
            summary.updated += 1
        else:
            summary.created += 1
        write_atomic(path, text)
        return digest(text)

    def _retire_vanished(self, state: dict[str, str], written: dict[str, str], summary: Summary) -> None:
        """Upcoming events gone from the source are marked cancelled; past ones are kept as they are."""
        for name, known in state.items():
            path = self.target / name
            if name in written or not path.exists():
                continue
            current = path.read_text(encoding="utf-8", errors="replace")
            if digest(current) != known:
                written[name] = known  # edited by hand since: leave it, keep tracking it
                continue
            retired = self.retire(current, name)
            if retired is None:
                written[name] = known
            elif retired == "":
                path.unlink()
                summary.cancelled += 1
            else:
                write_atomic(path, retired)
                written[name] = digest(retired)
                summary.cancelled += 1

    def retire(self, text: str, name: str) -> str | None:
        """New text for a file whose item left the source; None keeps it as is, '' removes it."""
        result = self.validate(parse(text), name, self.folder / name)
        event = result.item
        if event is None or event.is_past(self.context.now) or event.status == "cancelled":
            return None
        return render_event(replace(event, status="cancelled"))

    def _load_state(self) -> dict[str, str]:
        try:
            return json.loads((self.target / STATE_FILE).read_text(encoding="utf-8"))["files"]
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def _save_state(self, known: dict[str, str], files: dict[str, str]) -> None:
        """Written only when it changed, and not at all for a source that never wrote anything."""
        if files != known and (files or (self.target / STATE_FILE).exists()):
            write_atomic(self.target / STATE_FILE, json.dumps({"files": dict(sorted(files.items()))}, indent=1) + "\n")


class BaseServiceImporter(Importer):
    """Base of service catalogue sources: same run, written under ``content/services/imports``."""

    folder = PurePosixPath("services/imports")
    known_fields = SERVICE_FIELDS

    def defaults(self) -> dict[str, str]:
        return {"provider": self.source.organizer}

    def complete(self, values: dict[str, str], record: Record) -> None:
        """Services have no place, mode or zone."""

    def validate(self, document: Document, where: str, relative: PurePosixPath) -> Result:
        return validate_service(document, path=where, relative=relative)

    def render(self, item: Event | Service) -> str:
        return render_service(item)

    def retire(self, text: str, name: str) -> str | None:
        return ""  # a service no longer offered leaves the catalogue
