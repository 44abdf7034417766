"""One organiser however its name is written: the rule that merges spellings, and what is known of each.

The rule (docs/partners.md, "Organisers"): two names are one organiser when they are equal once
lower-cased, stripped of accents and punctuation, with « Pôle emploi » read as « France Travail » (the same
network, renamed on 1 January 2024), a leading « Agence » dropped and the small words de, du, des, d', la,
le, les, l' left out. « FRANCE TRAVAIL – Toulouse-Matabiau », « France Travail Toulouse Matabiau » and
« Agence Pôle emploi de Toulouse Matabiau » are one organiser, ``france-travail-toulouse-matabiau``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from catalogue.contact import shown
from catalogue.text import fold

RENAMED = (("pole emploi", "france travail"),)  # old name -> current name, on folded text
SMALL_WORDS = {"de", "du", "des", "d", "la", "le", "les", "l"}
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)  # a few thousand organisers, each named by many events
def organiser_key(name: str) -> str:
    """The organiser's key and address slug: ``france-travail-toulouse-matabiau``."""
    text = f" {_NOT_WORD.sub(' ', fold(name))} "
    for old, new in RENAMED:
        text = text.replace(f" {old} ", f" {new} ")
    words = text.split()
    if words[:1] == ["agence"] and len(words) > 1:
        words = words[1:]
    return "-".join(word for word in words if word not in SMALL_WORDS) or "-".join(words) or "organisateur"


def _preferred(spellings: Counter) -> str:
    """The spelling most events use; on a tie, the one with accents and lower-case letters (« Mission locale de
    Nîmes » over « MISSION LOCALE DE NIMES »), then the first alphabetically."""
    return max(spellings, key=lambda name: (spellings[name], name != name.upper(), name != fold(name), name))


@dataclass
class Organiser:
    key: str
    spellings: Counter = field(default_factory=Counter)  # name as written -> events
    websites: Counter = field(default_factory=Counter)
    contacts: Counter = field(default_factory=Counter)  # (phone, e-mail) of its events
    places: Counter = field(default_factory=Counter)  # (venue, address, postcode and commune) of in-person events
    departments: Counter = field(default_factory=Counter)  # department code -> events

    @property
    def name(self) -> str:
        return _preferred(self.spellings)

    @property
    def merged(self) -> list[str]:
        """The other spellings merged into this organiser, most used first."""
        shown = self.name
        return [name for name, _ in self.spellings.most_common() if name != shown]

    @property
    def website(self) -> str:
        return _most_common(self.websites)

    @property
    def contact(self) -> tuple[str, str]:
        return _most_common(self.contacts) or ("", "")

    @property
    def phone_shown(self) -> str:
        return shown(self.contact[0]) if self.contact[0] else ""

    @property
    def address(self) -> tuple[str, ...]:
        """Where most of its in-person events take place, when more than half of them do: its address."""
        found = self.places.most_common(1)
        return found[0][0] if found and found[0][1] * 2 > sum(self.places.values()) else ()

    @property
    def department(self) -> str:
        """The department of most of its events; '' when all are online."""
        return _most_common(self.departments)

    def add(self, event) -> None:
        self.spellings[event.organizer] += 1
        if event.organizer_url:
            self.websites[event.organizer_url] += 1
        if event.has_contact:
            self.contacts[(event.contact_phone, event.contact_email)] += 1
        if event.commune is not None:
            self.departments[event.commune.department.code] += 1
            if event.mode != "online":
                where = f"{event.postal_code} {event.commune.name}"
                self.places[tuple(part for part in (event.venue, event.address, where) if part)] += 1


def _most_common(counts: Counter):
    found = counts.most_common(1)
    return found[0][0] if found else ""


def organisers(events: Iterable) -> dict[str, Organiser]:
    """Every organiser of these events, by key."""
    found: dict[str, Organiser] = {}
    for event in events:
        key = organiser_key(event.organizer)
        found.setdefault(key, Organiser(key)).add(event)
    return found
