"""Validation of agency files: one place that turns a file into an Event or Service, or French problems."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from catalogue import contact, dates, zones
from catalogue.codes import naf_code, rome_code
from catalogue.frontmatter import Document, Field, parse
from catalogue.geography import Commune, CommuneError, Geography
from catalogue.keys import FRENCH_NAMES, english_key, french_name
from catalogue.model import Event, Service
from catalogue.problems import Problem
from catalogue.text import fold, slugify
from catalogue.vocabulary import (
    AUDIENCES,
    BENEFITS,
    CHANNELS,
    EVENT_TYPES,
    MODES,
    NO_REGISTRATION,
    OBJECTIVES,
    PREREQUISITE_GROUPS,
    STATUSES,
    YES_NO,
    Vocabulary,
)

MAX_FILE_BYTES = 512 * 1024
MAX_TITLE = 200
MAX_TEXT = 500
MAX_LIST_ITEMS = 20
_UID = re.compile(r"^[\w.@:/\-]{1,200}$")

# Canonical key -> how the field is named in messages and docs.
EVENT_FIELDS = {
    key.lower(): key
    for key in (
        "Title", "Start", "End", "Type", "Mode", "Organizer", "Organizer_url", "Commune", "Url", "Venue", "Address",
        "Audience", "Sectors", "Benefits", "Objectives", "Campaign", "Prerequisites", "Program", "Speakers",
        "Job_offers", "Rome", "Naf", "Registration", "Registration_end", "Contact", "Places_onsite", "Places_online",
        "Places_left", "Status", "Summary", "Uid", "Updated", "Source", "Geo", "Timezone",
    )
}
FORMER_NAMES = {"capacity": "places_onsite"}  # files written before a field was renamed stay valid
SERVICE_FIELDS = {
    key.lower(): key
    for key in ("Title", "Provider", "Category", "Audience", "Url", "Channels", "Free", "Summary", "Uid", "Source")
}


@dataclass
class Result:
    """What reading one agency file gave: the item when valid, and every problem found."""

    item: Event | Service | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # worth fixing, but the item is published


class _Fields:
    """Reads typed values out of a parsed header, collecting a Problem for each bad one."""

    def __init__(self, document: Document, path: str, known: dict[str, str]):
        self.document = document
        self.path = path
        self.known = known
        self.problems: list[Problem] = [Problem(path, line, "en-tête", message) for line, message in document.malformed]
        fields: dict[str, Field] = {}
        # a file written with the French names (Titre, Début…) hears of its missing fields by their French names
        self.french = any(english_key(found.name) not in ("", key) for key, found in document.fields.items())
        for key, found in document.fields.items():  # French names and former ones stand for a key
            key = english_key(found.name) or (FORMER_NAMES[key] if FORMER_NAMES.get(key) in known else key)
            if key in fields:
                self.problems.append(Problem(path, found.line, found.name,
                                             f"même champ que {fields[key].name}, ligne {fields[key].line}"))
            elif key not in known:
                names = {**{name.lower(): name for name in known.values()},
                         **{name.lower(): name for name, key in FRENCH_NAMES.items() if key in known}}
                guess = difflib.get_close_matches(found.name.lower(), names, n=1)
                hint = f", vouliez-vous dire {names[guess[0]]} ?" if guess else ""
                listed = [self._name(key) for key in known]
                self.problems.append(Problem(path, found.line, found.name, f"champ inconnu{hint}", f"un de {', '.join(listed)}"))
            else:
                fields[key] = found
        document.fields = fields

    def add(self, key: str, message: str, expected: str = "") -> None:
        found = self.document.fields.get(key)
        line = found.line if found else 1
        name = found.name if found and found.name else self.document.labels.get(key) or self._name(key)  # as written
        self.problems.append(Problem(self.path, line, name, message, expected))

    def _name(self, key: str) -> str:
        return french_name(key) if self.french else self.known[key]

    def raw(self, key: str, *, required: bool = False) -> str:
        """The value on one line: the lines of a continued value are joined by spaces."""
        value = " ".join(self._lines(key))
        if required and not value:
            found = self.document.fields.get(key)
            self.add(key, "champ obligatoire absent" if not found else "champ obligatoire vide")
        return value

    def _lines(self, key: str) -> list[str]:
        found = self.document.fields.get(key)
        return [line for line in (line.strip() for line in found.value.splitlines()) if line] if found else []

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

    def items(self, key: str, separators: str = ",;") -> tuple[str, ...]:
        parts = (re.split(f"[{separators}]", line) for line in self._lines(key))  # a line is an item too
        values = [part.strip() for line in parts for part in line if part.strip()]
        if len(values) > MAX_LIST_ITEMS:
            self.add(key, f"trop de valeurs ({len(values)})", f"au plus {MAX_LIST_ITEMS}, séparées par des virgules")
            return ()
        if any(len(value) > 200 for value in values):
            self.add(key, "valeur trop longue", "des valeurs de 200 caractères au plus")
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
    mode = fields.term("mode", MODES, required=True)
    commune, postcode = _commune(fields, geo, required=mode in {"onsite", "hybrid"})
    timezone = _timezone(fields, commune)
    zone = zones.zone(timezone)
    start = fields.when("start", lambda text: dates.parse_datetime(text, zone=zone), required=True)
    if start is None and dates.is_time(fields.raw("end")):
        end = None  # a bare end time depends on the start, whose problem is already reported
    else:
        end = fields.when("end", lambda text: dates.parse_end(text, start) if start else
                          dates.parse_datetime(text, end_of_day=True, zone=zone), required=True)
    if start and end and end < start:
        fields.add("end", "la fin est avant le début", f"une fin après le {dates.format_iso(start)}")
    elif start and end and end == start:
        fields.add("end", "la fin est à la même heure que le début", f"une fin après le {dates.format_iso(start)}")
    url = fields.url("url", required=mode in {"online", "hybrid"})
    registration, required = _registration(fields)
    registration_end = fields.when("registration_end",
                                   lambda text: dates.parse_datetime(text, end_of_day=True, zone=zone))
    if registration_end and end and registration_end > end:
        fields.add("registration_end", "la clôture des inscriptions est après la fin", "une date avant la fin")
    if registration_end and not required:
        fields.add("registration_end", "une clôture des inscriptions pour un événement sans inscription",
                   "retirez la clôture, ou indiquez comment s'inscrire")
    event = Event(
        uid=_uid(fields, default_uid),
        slug=slug,
        title=fields.text("title", required=True, limit=MAX_TITLE),
        start=start,
        end=end,
        type=fields.term("type", EVENT_TYPES, required=True),
        mode=mode,
        organizer=fields.text("organizer", required=True, limit=MAX_TITLE),
        organizer_url=fields.url("organizer_url"),
        commune=commune,
        url=url,
        venue=fields.text("venue", limit=MAX_TITLE),
        address=fields.text("address", limit=MAX_TITLE),
        audience=fields.terms("audience", AUDIENCES),
        sectors=fields.items("sectors"),
        benefits=fields.terms("benefits", BENEFITS),
        objectives=fields.terms("objectives", OBJECTIVES),
        campaign=fields.text("campaign", limit=120),
        prerequisites=_prerequisites(fields),
        program=_program(fields),
        speakers=_speakers(fields),
        **_job_offers(fields),
        rome=_codes(fields, "rome", rome_code, "des codes ROME, par exemple G1602 Personnel de cuisine"),
        naf=_codes(fields, "naf", naf_code, "des codes NAF, par exemple 56.10A"),
        registration=registration,
        registration_required=required,
        registration_end=registration_end,
        **_contact(fields),
        **_places(fields, mode),
        status=_status(fields),
        summary=fields.text("summary"),
        updated=fields.when("updated", lambda text: dates.parse_datetime(text, zone=zone)),
        source=fields.text("source", limit=80),
        geo=_geo(fields),
        timezone=timezone,
        postcode=postcode,
        body=document.body.strip(),
        source_path=path,
    )
    warnings = []
    if required and not registration and not event.has_contact and event.status != "cancelled":
        found = document.fields.get("registration")
        warnings.append(Problem(path, found.line if found else 1, "Registration",
                                "inscription demandée, mais aucun moyen de s'inscrire n'est indiqué",
                                "un lien, une adresse e-mail ou un téléphone dans Registration, ou un Contact"))
    return Result(None if fields.problems else event, fields.problems, warnings)


def _contact(fields: _Fields) -> dict[str, str]:
    """``05 61 00 00 00, agence@example.org``: a phone number, an e-mail address, or both."""
    found = {"contact_phone": "", "contact_email": ""}
    for part in re.split(r"[,;/]|\bou\b", fields.raw("contact")):
        part = part.strip()
        if not part:
            continue
        number = contact.phone(part)
        if contact.is_email(part) and not found["contact_email"]:
            found["contact_email"] = part
        elif number and not found["contact_phone"]:
            found["contact_phone"] = number
        else:
            fields.add("contact", f"contact illisible « {part[:60]} »",
                       "un numéro de téléphone et/ou une adresse e-mail, séparés par une virgule")
    return found


def _commune(fields: _Fields, geo: Geography, *, required: bool) -> tuple[Commune | None, str]:
    """The commune, and the postcode the file wrote when it is one of the commune's."""
    place = fields.raw("commune", required=required)
    if not place:
        return None, ""
    try:
        commune = geo.resolve(place)
    except CommuneError as error:
        fields.add("commune", str(error), "un code INSEE (31555) ou un code postal et un nom (31000 Toulouse)")
        return None, ""
    written = place.split()[0]
    return commune, written if written in commune.postcodes and written != commune.postcode else ""


def _timezone(fields: _Fields, commune: Commune | None) -> str:
    """The commune's zone; an online event's is the file's ``Timezone``, else Paris."""
    written = fields.raw("timezone")
    if written and not zones.is_known(written):
        fields.add("timezone", f"fuseau horaire inconnu « {written[:40]} »",
                   f"un de {', '.join(sorted(zones.LABELS))}")
        written = ""
    if commune is None:
        return written or zones.PARIS_ZONE
    if written and written != commune.timezone:
        fields.add("timezone", f"le fuseau {written} ne correspond pas à la commune {commune.name} "
                   f"({zones.label(commune.timezone)})", f"{commune.timezone}, ou retirez ce champ")
    return commune.timezone


def _status(fields: _Fields) -> str:
    """The status; "complet" with places left contradicts itself and is refused."""
    status = fields.term("status", STATUSES, default="scheduled")
    left = fields.raw("places_left")
    if status == "full" and left.isascii() and left.isdigit() and int(left) > 0:
        fields.add("status", f"statut « complet » alors qu'il reste {left} place(s)",
                   "retirez le statut, ou indiquez Places_left: 0")
    return status


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
    if contact.is_email(value):
        return f"mailto:{value}", True
    if is_web_url(value):
        return value, True
    number = contact.phone(value)
    if number:
        return f"tel:{number}", True
    fields.add("registration", f"inscription illisible « {value[:60]} »",
               "une adresse https://, une adresse e-mail, un numéro de téléphone ou « sans inscription »")
    return "", True


def _count(fields: _Fields, key: str, *, zero: bool = False) -> int | None:
    value = fields.raw(key)
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 6 or (int(value) == 0 and not zero):
        fields.add(key, f"nombre invalide « {value[:20]} »",
                   "un nombre entier, par exemple 40" if zero else "un nombre entier positif, par exemple 40")
        return None
    return int(value)


def _places(fields: _Fields, mode: str | None) -> dict[str, int | None]:
    """The places; a plain ``Places`` (French) counts where the event happens: online for an online event."""
    places = {"places_onsite": _count(fields, "places_onsite"), "places_online": _count(fields, "places_online"),
              "places_left": _count(fields, "places_left", zero=True)}
    written = fields.document.fields.get("places_onsite")
    if mode == "online" and written and fold(written.name) == "places" and places["places_online"] is None:
        places["places_online"], places["places_onsite"] = places["places_onsite"], None
    total = sum(n for n in (places["places_onsite"], places["places_online"]) if n)
    if places["places_left"] and total and places["places_left"] > total:
        fields.add("places_left", f"plus de places restantes ({places['places_left']}) que de places ({total})",
                   f"au plus {total}")
    return places


def _prerequisites(fields: _Fields) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``Permis : B, CACES R489 ; Âge : 18 ans minimum`` -> (("permis", ("B", "CACES R489")), ("age", …)); a
    plain list (``Permis B, Travailler le dimanche``) puts each item in the group its first word names,
    else in ``autres``."""
    groups: dict[str, list[str]] = {}
    for part in fields.items("prerequisites", ";"):
        name, colon, items = part.partition(":")
        if not colon:
            for item in filter(None, (item.strip() for item in part.split(","))):
                key, text = _prerequisite_group(item)
                groups.setdefault(key, []).append(text)
            continue
        group = PREREQUISITE_GROUPS.find(name.strip()) if items else None
        if group is None:
            fields.add("prerequisites", f"groupe inconnu dans « {part[:60]} »",
                       f"« groupe : éléments » séparés par des points-virgules, groupe parmi "
                       f"{', '.join(term.label for term in PREREQUISITE_GROUPS)}, ou une simple liste")
            continue
        groups.setdefault(group.key, []).extend(item.strip() for item in items.split(",") if item.strip())
    return tuple((key, tuple(items)) for key, items in groups.items())


def _prerequisite_group(item: str) -> tuple[str, str]:
    """``Permis B`` -> ("permis", "B"); ``CACES R489`` -> ("permis", "CACES R489"); else ("autres", item)."""
    first, _, rest = item.partition(" ")
    group = PREREQUISITE_GROUPS.find(first)
    if group is None or group.key == "autres":
        return "autres", item
    named = fold(first) in (fold(group.key), fold(group.label))  # the group's own word is not repeated
    return group.key, rest.strip() if named and rest.strip() else item


_STEP = re.compile(r"^(\d{1,2})[:h](\d{2})?(?:\s*[-–à]\s*(\d{1,2})[:h](\d{2})?)?\s*[-–:]?\s+(\S.*)$")


def program_step(text: str) -> tuple[str, str] | None:
    """``9h30-12h00 Entretiens`` -> ("09:30–12:00", "Entretiens"); None when it is not a timed step."""
    match = _STEP.match(text.strip())
    if not match:
        return None
    hours = [(int(hour), int(minute or 0)) for hour, minute in (match.group(1, 2), match.group(3, 4)) if hour]
    if any(hour > 23 or minute > 59 for hour, minute in hours):
        return None
    times = [f"{hour:02d}:{minute:02d}" for hour, minute in hours]
    return "–".join(times), match.group(5).strip()


def _program(fields: _Fields) -> tuple[tuple[str, str], ...]:
    steps = []
    for part in fields.items("program", ";"):
        step = program_step(part)
        if step is None:
            fields.add("program", f"étape illisible « {part[:60]} »",
                       "« heure étape », une par ligne ou séparées par des points-virgules, par exemple "
                       "9h00 Accueil ; 9h30-12h00 Entretiens")
        else:
            steps.append(step)
    return tuple(steps)


def _speakers(fields: _Fields) -> tuple[tuple[str, str], ...]:
    """``Mairie de Toulouse https://www.toulouse.fr ; Adecco`` -> organisation and optional website."""
    speakers = []
    for part in fields.items("speakers", ";"):
        name, _, last = part.rpartition(" ")
        if last.startswith(("http://", "https://")) and name.strip():
            if not is_web_url(last):
                fields.add("speakers", f"adresse web invalide « {last[:80]} »", "une adresse commençant par https://")
                continue
            speakers.append((name.strip(), last))
        else:
            speakers.append((part, ""))
    return tuple(speakers)


def _job_offers(fields: _Fields) -> dict:
    """``25``, ``https://…`` or both: how many offers, and where to read them."""
    count, url = None, ""
    for part in fields.raw("job_offers").replace(",", " ").split():
        if part.isascii() and part.isdigit() and len(part) < 7 and count is None:
            count = int(part)
        elif is_web_url(part) and not url:
            url = part
        else:
            fields.add("job_offers", f"valeur illisible « {part[:60]} »",
                       "un nombre d'offres et/ou l'adresse https:// où les lire")
    return {"job_offers": count, "job_offers_url": url}


_NEXT_CODE = re.compile(r",(?=\s*[A-Za-z]?\s?\d)")


def _codes(fields: _Fields, key: str, reader: Callable, expected: str) -> tuple:
    found = []
    # a comma separates codes, except inside a ROME label: "G1602 Personnel de cuisine, M1607 Secrétariat"
    parts = [piece for part in fields.items(key, ";") for piece in _NEXT_CODE.split(part) if piece.strip()]
    for part in parts:
        code = reader(part.strip())
        if code is None:
            fields.add(key, f"code inconnu « {part[:40]} »", expected)
        elif code not in found:
            found.append(code)
    return tuple(found)


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
