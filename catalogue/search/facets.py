"""The search facets: their URL parameter, French label and the values an event or a service takes.

One list drives the index columns (facets.json), the search page's selects and the staff CLI, so a new
facet is one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from catalogue.text import fold
from catalogue.vocabulary import AUDIENCES, CAMPAIGN_PATH, EVENT_TYPES, TAGGINGS, Vocabulary
from catalogue.vocabulary import MODES as MODE_TERMS

# The search parameter asking for items targeted at the chosen audience only, not those open to all.
TARGETED_ONLY = "cible"
# A hybrid event is both on site and online: the mode facet offers those two values (their slugs).
_ON_SITE, _ONLINE = MODE_TERMS["onsite"], MODE_TERMS["online"]
MODES = {"onsite": [_ON_SITE.slug], "online": [_ONLINE.slug], "hybrid": [_ON_SITE.slug, _ONLINE.slug]}
MODE_LABELS = {_ON_SITE.slug: _ON_SITE.label, _ONLINE.slug: _ONLINE.label}
ONLINE = _ONLINE.slug  # the mode value of events one can follow from anywhere


@dataclass(frozen=True)
class Facet:
    name: str  # URL parameter
    label: str
    event: Callable  # event -> list of (key, label) pairs
    service: Callable = lambda service: []
    many: bool = False  # an item may take several values (the column then holds lists)
    inclusive: str = ""  # a value every filter of this facet accepts too, unless only targeted items are asked


def _region(event):
    return [(event.commune.region.code, event.commune.region.name)] if event.commune else []


def _department(event):
    department = event.commune.department if event.commune else None
    return [(department.code, f"{department.name} ({department.code})")] if department else []


def _plain(values):
    return [(value, value) for value in values]


def _terms(vocabulary: Vocabulary, attribute: str):
    return lambda item: [(term.key, term.label) for term in map(vocabulary.find, getattr(item, attribute)) if term]


def _campaign(event):
    return [(event.campaign_slug, event.campaign)] if event.campaign else []


FACETS = [
    Facet("region", "Région", _region),
    Facet("departement", "Département", _department),
    Facet("type", "Type d'événement", lambda event: [(event.type, event.type_term.label)]),
    Facet("mode", "Comment y participer", lambda event: [(key, MODE_LABELS[key]) for key in MODES[event.mode]], many=True),
    *(Facet(tag.path, tag.title, _terms(tag.vocabulary, tag.attribute),
            # services have an audience too: free text, kept when the vocabulary knows it
            _terms(tag.vocabulary, tag.attribute) if tag.vocabulary is AUDIENCES else lambda service: [],
            many=True, inclusive=tag.inclusive) for tag in TAGGINGS),
    Facet("secteur", "Secteur", lambda event: _plain(event.sectors), many=True),
    Facet(CAMPAIGN_PATH, "Opération", _campaign),
]
VOCABULARY_ORDER = {"type": EVENT_TYPES, **{tag.path: tag.vocabulary for tag in TAGGINGS}}


def value_order(facet: Facet, labels: dict[str, str]) -> list[str]:
    """Vocabularies keep their order, departments their code, everything else French alphabetical
    (accents and case aside: "Île-de-France" among the I's)."""
    if facet.name in VOCABULARY_ORDER:
        return [term.key for term in VOCABULARY_ORDER[facet.name] if term.key in labels]
    if facet.name == "departement":
        return sorted(labels)
    return sorted(labels, key=lambda key: fold(labels[key]))
