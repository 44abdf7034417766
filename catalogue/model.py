"""The event and service model, shared by readers, importers and plugins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from catalogue.geography import Commune, Department, Region
from catalogue.vocabulary import CHANNELS, EVENT_TYPES, MODES, STATUSES, Term


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
    commune: Commune | None = None
    url: str = ""  # where to join an online or hybrid event
    venue: str = ""
    address: str = ""
    audience: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    registration: str = ""  # URL (or mailto:) to register; empty with registration_required False
    registration_required: bool = True
    registration_end: datetime | None = None
    capacity: int | None = None
    status: str = "scheduled"  # key in STATUSES
    summary: str = ""
    updated: datetime | None = None
    source: str = ""  # name of the import source that wrote the file, empty for hand-written files
    geo: tuple[float, float] | None = None  # latitude, longitude of the venue when the source gives them
    body: str = ""  # Markdown description
    source_path: str = ""

    @property
    def type_term(self) -> Term:
        return EVENT_TYPES[self.type]

    @property
    def mode_term(self) -> Term:
        return MODES[self.mode]

    @property
    def status_term(self) -> Term:
        return STATUSES[self.status]

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
