"""What the search knows of an event or a service: what a result shows, and weighted terms."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from catalogue import french
from catalogue.model import AVAILABILITY, Event, Service

from .analysis import index_words, stem
from .facets import MODES
from .families import related


class Entry(NamedTuple):
    """An event or a service to index: the item, its page's address, its description as plain text; ``key``, when
    given, a digest of all three (and of the time, for an event's availability) under which its document is kept
    from one build to the next (``index.build_index``)."""

    item: Event | Service
    url: str
    text: str
    key: str = ""

# Field weights: a word in the title counts five times a word of the description.
WEIGHTS = {"title": 5, "type": 3, "place": 2, "organizer": 2, "sectors": 2, "tags": 2, "audience": 1, "summary": 1,
           "body": 1}


def weighted_terms(fields: dict[str, str], vocabulary: dict[str, str]) -> dict[str, int]:
    """Stem -> posting weight; ``vocabulary`` collects word -> stem for prefix and typo matching.

    A word counts its field's weight twice for its own stem (summed over its occurrences), and once for each stem
    of its family (``families.related``: the best field it is met in, the description left out: a subject is
    named in the title, summary, type or tags), so a family match ranks below the word itself. A hyphenated word
    also counts joined (``micro-entreprise`` for ``microentreprise``). The weight is written doubled, plus one when
    the stem is in the title, for the title bonus."""
    own: Counter[str] = Counter()
    family: dict[str, int] = {}
    title: set[str] = set()
    for name, text in fields.items():
        for word in index_words(text):
            term = vocabulary.get(word) or vocabulary.setdefault(word, stem(word))
            own[term] += 2 * WEIGHTS[name]
            kin = related(word) if name != "body" else frozenset()
            for other in kin:
                family[other] = max(family.get(other, 0), WEIGHTS[name])
            if name == "title":
                title.update(kin, [term])
    weights = {**family, **own}
    return {term: 2 * weight + (term in title) for term, weight in weights.items()}


def event_fields(event, body_text: str) -> dict[str, str]:
    """The searchable text of an event, by weighted field (the benchmark gives the same to lunr)."""
    commune = event.commune
    place = (" ".join(filter(None, [commune.name, commune.department.name, commune.region.name, event.venue]))
             if commune else "à distance en ligne")
    return {
        "title": event.title, "type": event.type_term.label,
        "organizer": " ".join([event.organizer, *(name for name, _ in event.speakers)]),
        "place": place, "sectors": " ".join(event.sectors),
        "audience": " ".join(term.label for term in event.audience_terms),
        "tags": " ".join([*(term.label for term in event.benefit_terms + event.objective_terms), event.campaign,
                          *(label for _, label in event.rome_jobs + event.naf_sectors)]),
        "summary": event.summary, "body": body_text,
    }


def when(event) -> str:
    """``mercredi 3 décembre 2026, 9 h``, with the local zone named when it is not Paris's."""
    if event.all_day:
        return f"{french.day(event.start)}, toute la journée"
    zone = f" ({event.zone_label})" if event.zone_label else ""
    return f"{french.day(event.start)}, {french.clock(event.start)}{zone}"


def event_document(entry: Entry, number: int, vocabulary: dict[str, str], now) -> tuple[dict, dict[str, int]]:
    """``ml``: the mode's label; ``st`` and ``sl``: the availability and its label, only when registration
    is not open. Labels come from the vocabulary, so the browser keeps no table of its own."""
    event = entry.item
    commune = event.commune
    availability = event.availability(now)
    document = {
        "n": number, "k": "e", "t": event.title, "u": entry.url, "w": when(event),
        "p": f"{commune.name} ({commune.department.code})" if commune else "À distance",
        "ty": event.type_term.label, "mo": MODES[event.mode], "ml": event.mode_term.label,
    }
    if availability != "open":
        document.update(st=availability, sl=AVAILABILITY[availability])
    return document, weighted_terms(event_fields(event, entry.text), vocabulary)


def service_document(entry: Entry, number: int, vocabulary: dict[str, str]) -> tuple[dict, dict[str, int]]:
    service = entry.item
    document = {"n": number, "k": "s", "t": service.title, "u": entry.url, "p": service.provider,
                "c": service.category}
    fields = {"title": service.title, "type": service.category, "organizer": service.provider,
              "place": "", "sectors": "", "tags": "", "audience": " ".join(service.audience), "summary": service.summary,
              "body": entry.text}
    return document, weighted_terms(fields, vocabulary)
