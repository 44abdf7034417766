"""The event and service model, shared by readers, importers and plugins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from catalogue import zones
from catalogue.codes import naf_labels, rome_label
from catalogue.contact import shown
from catalogue.geography import Commune, Department, Region
from catalogue.text import slugify
from catalogue.vocabulary import (
    AUDIENCES,
    BENEFITS,
    CHANNELS,
    EVENT_TYPES,
    MODES,
    OBJECTIVES,
    PREREQUISITE_GROUPS,
    STATUSES,
    Term,
)

# What a job seeker can do about an event, derived once from its status, dates and places.
AVAILABILITY = {
    "open": "Inscriptions ouvertes",
    "closed": "Inscriptions closes",
    "full": "Complet",
    "cancelled": "Annulé",
    "postponed": "Reporté",
    "past": "Passé",
}


@dataclass(frozen=True)
class Event:
    uid: str
    slug: str
    title: str
    start: datetime
    end: datetime
    type: str  # key in EVENT_TYPES
    mode: str  # key in MODES
    organizer: str
    organizer_url: str = ""  # the organiser's website
    commune: Commune | None = None
    url: str = ""  # where to join an online or hybrid event
    venue: str = ""
    address: str = ""
    audience: tuple[str, ...] = ()  # keys in AUDIENCES
    sectors: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()  # keys in BENEFITS
    objectives: tuple[str, ...] = ()  # keys in OBJECTIVES
    campaign: str = ""  # the national or regional operation the event belongs to, as written
    prerequisites: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (key in PREREQUISITE_GROUPS, items)
    program: tuple[tuple[str, str], ...] = ()  # (time "09:30" or "10:00–12:00", step)
    speakers: tuple[tuple[str, str], ...] = ()  # (organisation, website or "")
    job_offers: int | None = None  # number of job offers on offer
    job_offers_url: str = ""  # where to read them
    rome: tuple[tuple[str, str], ...] = ()  # (ROME code, label given by the source or "")
    naf: tuple[str, ...] = ()  # NAF codes, as catalogue.codes.naf_code writes them
    registration: str = ""  # https:, mailto: or tel: address to register; empty with registration_required False
    registration_required: bool = True
    registration_end: datetime | None = None
    contact_phone: str = ""  # E.164 (+33561000000) or a French short number (3949)
    contact_email: str = ""
    places_onsite: int | None = None
    places_online: int | None = None
    places_left: int | None = None  # when the source says how many remain
    status: str = "scheduled"  # key in STATUSES
    summary: str = ""
    updated: datetime | None = None
    source: str = ""  # name of the import source that wrote the file, empty for hand-written files
    geo: tuple[float, float] | None = None  # latitude, longitude of the venue when the source gives them
    timezone: str = zones.PARIS_ZONE  # IANA zone of start and end: the commune's, or the organiser's when online
    postcode: str = ""  # the postcode the source wrote, when it is one of the commune's
    body: str = ""  # Markdown description
    source_path: str = ""

    @property
    def type_term(self) -> Term:
        return EVENT_TYPES[self.type]

    @property
    def position(self) -> tuple[float, float] | None:
        """Where to measure distances from: the source's own coordinates of the venue, else its commune's centre;
        None for an event with no place (online only)."""
        if self.commune is None or self.mode == "online":
            return None
        return self.geo or self.commune.position

    @property
    def mode_term(self) -> Term:
        return MODES[self.mode]

    @property
    def status_term(self) -> Term:
        return STATUSES[self.status]

    @property
    def audience_terms(self) -> list[Term]:
        return [AUDIENCES[key] for key in self.audience]

    @property
    def benefit_terms(self) -> list[Term]:
        return [BENEFITS[key] for key in self.benefits]

    @property
    def objective_terms(self) -> list[Term]:
        return [OBJECTIVES[key] for key in self.objectives]

    @property
    def prerequisite_groups(self) -> list[tuple[Term, tuple[str, ...]]]:
        return [(PREREQUISITE_GROUPS[key], items) for key, items in self.prerequisites]

    @property
    def prerequisite_lines(self) -> list[str]:
        """``Permis : B, CACES R489``: one line per group, as files, feeds and exports write them."""
        return [f"{group.label} : {', '.join(items)}" for group, items in self.prerequisite_groups]

    @property
    def program_lines(self) -> list[str]:
        """``09:30–12:00 Entretiens``: one line per step."""
        return [f"{time} {step}" for time, step in self.program]

    @property
    def campaign_slug(self) -> str:
        return slugify(self.campaign) or "operation"

    @property
    def rome_jobs(self) -> list[tuple[str, str]]:
        return [(code, rome_label(code, label)) for code, label in self.rome]

    @property
    def naf_sectors(self) -> list[tuple[str, str]]:
        return [(code, naf_labels()[code]) for code in self.naf]

    @property
    def places(self) -> int | None:
        """All places, on site and online, when the source gives any."""
        given = [n for n in (self.places_onsite, self.places_online) if n is not None]
        return sum(given) if given else None

    @property
    def is_full(self) -> bool:
        return self.status == "full" or self.places_left == 0

    @property
    def zone(self) -> ZoneInfo:
        return zones.zone(self.timezone)

    @property
    def zone_label(self) -> str:
        """``heure de la Guadeloupe`` when the event is not on Paris time, else empty."""
        return "" if self.timezone == zones.PARIS_ZONE else zones.label(self.timezone)

    @property
    def postal_code(self) -> str:
        """The postcode as the source wrote it, else the commune's first one."""
        return self.postcode or (self.commune.postcode if self.commune else "")

    @property
    def all_day(self) -> bool:
        """From midnight to 23:59 (or the next midnight), local time: shown as "toute la journée"."""
        start, end = self.start.astimezone(self.zone), self.end.astimezone(self.zone)
        return start.time() == time(0) and (end.time() == time(23, 59) or (end.time() == time(0) and end > start))

    @property
    def last_day(self):
        """The local date of the event's last day (an end at midnight belongs to the day before)."""
        end = self.end.astimezone(self.zone)
        return (end - timedelta(minutes=1)).date() if end.time() == time(0) else end.date()

    def availability(self, now: datetime) -> str:
        """One of ``AVAILABILITY``: cancelled and postponed first, then past, full, registration closed, open."""
        if self.status in {"cancelled", "postponed"}:
            return self.status
        if self.is_past(now):
            return "past"
        if self.is_full:
            return "full"
        return "closed" if self.registration_closed(now) else "open"

    @property
    def department(self) -> Department | None:
        return self.commune.department if self.commune else None

    @property
    def region(self) -> Region | None:
        return self.commune.region if self.commune else None

    @property
    def is_online(self) -> bool:
        return self.mode in {"online", "hybrid"}

    def is_past(self, now: datetime) -> bool:
        return self.end < now

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_phone or self.contact_email)

    @property
    def registration_shown(self) -> str:
        """The registration address as a reader writes it: the link, the e-mail, ``05 61 00 00 00``."""
        kind, _, value = self.registration.partition(":")
        return {"mailto": value, "tel": shown(value) if kind == "tel" else ""}.get(kind, self.registration)

    @property
    def contact_phone_shown(self) -> str:
        return shown(self.contact_phone) if self.contact_phone else ""

    @property
    def contact_text(self) -> str:
        """``05 61 00 00 00, agence@example.org``: the contact as files, feeds and pages write it."""
        return ", ".join(filter(None, [self.contact_phone_shown, self.contact_email]))

    @property
    def registration_kind(self) -> str:
        """``web``, ``email``, ``phone`` or ``""``: how the registration address is reached."""
        return {"https": "web", "http": "web", "mailto": "email", "tel": "phone"}.get(
            self.registration.split(":", 1)[0], "") if self.registration else ""

    def registration_closed(self, now: datetime) -> bool:
        return self.registration_end is not None and self.registration_end < now


@dataclass(frozen=True)
class Service:
    uid: str
    slug: str
    title: str
    provider: str
    category: str
    url: str
    summary: str
    audience: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()  # keys in CHANNELS
    free: bool = True
    source: str = ""  # import source that wrote the file, empty for hand-written files
    body: str = ""
    source_path: str = ""

    @property
    def channel_terms(self) -> list[Term]:
        return [CHANNELS[key] for key in self.channels]
