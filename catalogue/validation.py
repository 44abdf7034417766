"""Validation of agency files: one place that turns a file into an Event or Service, or French problems."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from catalogue import dates
from catalogue.frontmatter import Document, parse
from catalogue.geography import CommuneError, Geography
from catalogue.model import Event, Service
from catalogue.problems import Problem
from catalogue.text import fold, slugify
from catalogue.vocabulary import CHANNELS, EVENT_TYPES, MODES, NO_REGISTRATION, STATUSES, YES_NO, Vocabulary

MAX_FILE_BYTES = 512 * 1024
MAX_TITLE = 200
MAX_TEXT = 500
MAX_LIST_ITEMS = 20
_UID = re.compile(r"^[\w.@:/\-]{1,200}$")
_EMAIL = re.compile(r"^[\w.+\-]+@[\w\-]+(\.[\w\-]+)+$")

# Canonical key -> how the field is named in messages and docs.
EVENT_FIELDS = {
    key.lower(): key
    for key in (
        "Title", "Start", "End", "Type", "Mode", "Organizer", "Commune", "Url", "Venue", "Address",
        "Audience", "Sectors", "Registration", "Registration_end", "Capacity", "Status", "Summary",
        "Uid", "Updated", "Source", "Geo",
    )
}
SERVICE_FIELDS = {
    key.lower(): key
    for key in ("Title", "Provider", "Category", "Audience", "Url", "Channels", "Free", "Summary", "Uid", "Source")
}


@dataclass
class Result:
    """What reading one agency file gave: the item when valid, and every problem found."""

    item: Event | Service | None
    problems: list[Problem] = field(default_factory=list)


class _Fields:
    """Reads typed values out of a parsed header, collecting a Problem for each bad one."""

    def __init__(self, document: Document, path: str, known: dict[str, str]):
        self.document = document
        self.path = path
        self.known = known
        self.problems: list[Problem] = [Problem(path, line, "en-tête", message) for line, message in document.malformed]
        for key, found in document.fields.items():
            if key not in known:
                guess = difflib.get_close_matches(key, known, n=1)
                hint = f", vouliez-vous dire {known[guess[0]]} ?" if guess else ""
                self.problems.append(
                    Problem(path, found.line, found.name, f"champ inconnu{hint}", f"un de {', '.join(known.values())}")
                )

    def add(self, key: str, message: str, expected: str = "") -> None:
        found = self.document.fields.get(key)
        line = found.line if found else 1
        self.problems.append(Problem(self.path, line, self.known[key], message, expected))

    def raw(self, key: str, *, required: bool = False) -> str:
        found = self.document.fields.get(key)
        value = found.value.strip() if found else ""
        if required and not value:
            self.add(key, "champ obligatoire absent" if not found else "champ obligatoire vide")
        return value

    def text(self, key: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
        value = self.raw(key, required=required)
        if len(value) > limit:
            self.add(key, f"texte trop long ({len(value)} caractères)", f"au plus {limit} caractères")
            return ""
        return value

    def term(self, key: str, vocabulary: Vocabulary, *, required: bool = False, default: str = "") -> str:
        value = self.raw(key, required=required)
        if not value:
            return default
        term = vocabulary.find(value)
        if term is None:
            self.add(key, f"valeur inconnue « {value[:60]} »", vocabulary.expected())
            return ""
        return term.key

    def terms(self, key: str, vocabulary: Vocabulary) -> tuple[str, ...]:
        keys = []
        for value in self.items(key):
            term = vocabulary.find(value)
            if term is None:
                self.add(key, f"valeur inconnue « {value[:60]} »", vocabulary.expected())
            elif term.key not in keys:
                keys.append(term.key)
        return tuple(keys)

    def items(self, key: str) -> tuple[str, ...]:
        values = [part.strip() for part in re.split(r"[,;]", self.raw(key)) if part.strip()]
        if len(values) > MAX_LIST_ITEMS:
            self.add(key, f"trop de valeurs ({len(values)})", f"au plus {MAX_LIST_ITEMS}, séparées par des virgules")
            return ()
        if any(len(value) > 80 for value in values):
            self.add(key, "valeur trop longue", "des valeurs de 80 caractères au plus")
            return ()
        return tuple(values)

    def when(self, key: str, parser: Callable[[str], datetime], *, required: bool = False) -> datetime | None:
        value = self.raw(key, required=required)
        if not value:
            return None
        try:
            return parser(value)
        except dates.DateError as error:
            self.add(key, str(error), dates.EXPECTED)
            return None

    def url(self, key: str, *, required: bool = False) -> str:
        value = self.raw(key, required=required)
        if value and not is_web_url(value):
            self.add(key, f"adresse web invalide « {value[:80]} »", "une adresse commençant par https://")
            return ""
        return value


def is_web_url(value: str) -> bool:
    if any(ch.isspace() for ch in value) or len(value) > 2000:
        return False
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem when it is too large, binary or not UTF-8."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(display, 1, "fichier", f"fichier trop volumineux ({size // 1024} Ko)", "au plus 512 Ko")]
    data = path.read_bytes()
    if b"\x00" in data:
        return None, [Problem(display, 1, "fichier", "fichier binaire, pas un texte", "un fichier texte Markdown (.md)")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [
            Problem(display, line, "fichier", "le fichier n'est pas encodé en UTF-8", "enregistrez-le en UTF-8")
        ]


def identity(relative: PurePosixPath) -> tuple[str, str]:
    """Default uid and slug of a file from its path under ``content/``: stable while the file keeps its name."""
    stem = relative.with_suffix("")
    return str(stem), slugify(stem.name) or slugify(str(stem)) or "sans-titre"


def _uid(fields: _Fields, default: str) -> str:
    uid = fields.raw("uid") or default
    if not _UID.match(uid) or ".." in uid.split("/"):
        fields.add("uid", f"identifiant invalide « {uid[:60]} »", "lettres, chiffres et . _ - : / @, 200 signes au plus")
    return uid


def validate_event(document: Document, *, path: str, relative: PurePosixPath, geo: Geography) -> Result:
    fields = _Fields(document, path, EVENT_FIELDS)
    default_uid, slug = identity(relative)
    start = fields.when("start", dates.parse_datetime, required=True)
    if start is None and dates.is_time(fields.raw("end")):
        end = None  # a bare end time depends on the start, whose problem is already reported
    else:
        end = fields.when("end", lambda text: dates.parse_end(text, start), required=True)
    if start and end and end <= start:
        fields.add("end", "la fin est avant le début", f"une fin après le {dates.format_iso(start)}")
    mode = fields.term("mode", MODES, required=True)
    commune = None
    if mode in {"onsite", "hybrid"} or fields.raw("commune"):
        place = fields.raw("commune", required=mode in {"onsite", "hybrid"})
        if place:
            try:
                commune = geo.resolve(place)
            except CommuneError as error:
                fields.add("commune", str(error), "un code INSEE (31555) ou un code postal et un nom (31000 Toulouse)")
    url = fields.url("url", required=mode in {"online", "hybrid"})
    registration, required = _registration(fields)
    registration_end = fields.when("registration_end", lambda text: dates.parse_datetime(text, end_of_day=True))
    if registration_end and end and registration_end > end:
        fields.add("registration_end", "la clôture des inscriptions est après la fin", "une date avant la fin")
    event = Event(
        uid=_uid(fields, default_uid),
        slug=slug,
        title=fields.text("title", required=True, limit=MAX_TITLE),
        start=start,
        end=end,
        type=fields.term("type", EVENT_TYPES, required=True),
        mode=mode,
        organizer=fields.text("organizer", required=True, limit=MAX_TITLE),
        commune=commune,
        url=url,
        venue=fields.text("venue", limit=MAX_TITLE),
        address=fields.text("address", limit=MAX_TITLE),
        audience=fields.items("audience"),
        sectors=fields.items("sectors"),
        registration=registration,
        registration_required=required,
        registration_end=registration_end,
        capacity=_capacity(fields),
        status=fields.term("status", STATUSES, default="scheduled"),
        summary=fields.text("summary"),
        updated=fields.when("updated", dates.parse_datetime),
        source=fields.text("source", limit=80),
        geo=_geo(fields),
        body=document.body.strip(),
        source_path=path,
    )
    return Result(None if fields.problems else event, fields.problems)


def _geo(fields: _Fields) -> tuple[float, float] | None:
    value = fields.raw("geo")
    if not value:
        return None
    try:
        latitude, longitude = (float(part) for part in value.replace(";", ",").split(","))
    except ValueError:
        latitude = longitude = float("nan")
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        fields.add("geo", f"coordonnées illisibles « {value[:40]} »",
                   "latitude, longitude en degrés, par exemple 43.6045, 1.4440")
        return None
    return latitude, longitude


def _registration(fields: _Fields) -> tuple[str, bool]:
    value = fields.raw("registration")
    if not value:
        return "", True
    if fold(value) in NO_REGISTRATION:
        return "", False
    if _EMAIL.match(value):
        return f"mailto:{value}", True
    if is_web_url(value):
        return value, True
    fields.add("registration", f"inscription illisible « {value[:60]} »",
               "une adresse https://, une adresse e-mail ou « sans inscription »")
    return "", True


def _capacity(fields: _Fields) -> int | None:
    value = fields.raw("capacity")
    if not value:
        return None
    if not value.isdigit() or int(value) == 0 or len(value) > 6:
        fields.add("capacity", f"nombre de places invalide « {value[:20]} »", "un nombre entier positif, par exemple 40")
        return None
    return int(value)


def validate_service(document: Document, *, path: str, relative: PurePosixPath) -> Result:
    fields = _Fields(document, path, SERVICE_FIELDS)
    default_uid, slug = identity(relative)
    free_text = fields.raw("free")
    free = YES_NO.get(fold(free_text), None) if free_text else True
    if free is None:
        fields.add("free", f"valeur inconnue « {free_text[:20]} »", "oui ou non")
    service = Service(
        uid=_uid(fields, default_uid),
        slug=slug,
        title=fields.text("title", required=True, limit=MAX_TITLE),
        provider=fields.text("provider", required=True, limit=MAX_TITLE),
        category=fields.text("category", required=True, limit=80),
        url=fields.url("url", required=True),
        summary=fields.text("summary", required=True),
        audience=fields.items("audience"),
        channels=fields.terms("channels", CHANNELS),
        free=bool(free),
        source=fields.text("source", limit=80),
        body=document.body.strip(),
        source_path=path,
    )
    return Result(None if fields.problems else service, fields.problems)


def load(path: Path, content_root: Path, geo: Geography, display: str | None = None) -> Result:
    """Read and validate one file under ``content/events`` or ``content/services``."""
    relative = PurePosixPath(path.resolve().relative_to(content_root.resolve()).as_posix())
    display = display or str(path)
    text, problems = read_text(path, display)
    if text is None:
        return Result(None, problems)
    document = parse(text)
    if relative.parts[0] == "services":
        return validate_service(document, path=display, relative=relative)
    return validate_event(document, path=display, relative=relative, geo=geo)


def duplicates(items: list[Event | Service]) -> list[Problem]:
    """A uid or page address used by two files: the second file gets a problem (files in path order)."""
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for item in sorted(items, key=lambda item: item.source_path):
        kind = type(item).__name__
        for label, value in (("Uid", item.uid), ("fichier", item.slug)):
            first = seen.setdefault((kind, label + value), item.source_path)
            if first != item.source_path:
                what = f"identifiant « {item.uid} » déjà utilisé" if label == "Uid" else \
                    f"adresse de page « {item.slug} » déjà utilisée"
                problems.append(Problem(item.source_path, 1, label, f"{what} par {first}",
                                        "un identifiant et un nom de fichier uniques"))
    return problems
