"""What the widget and the iframe know of an event: a record of the embed files (documented in docs/partners.md).
Labels are written in French by the build, so the partner's page needs no table of its own."""

from __future__ import annotations

from catalogue.model import AVAILABILITY
from catalogue.organisers import organiser_key
from catalogue.search.documents import when
from catalogue.vocabulary import AUDIENCE_TAGGING, AUDIENCES


def record(article, page_url: str, now) -> dict:
    event = article.event
    commune = event.commune
    found = {
        "titre": event.title, "url": page_url, "quand": when(event), "debut": event.start.isoformat(),
        "lieu": f"{commune.name} ({commune.department.code})" if commune else "À distance",
        "type": event.type_term.slug, "type_libelle": event.type_term.label, "modalite": event.mode_term.label,
        "publics": [term.slug for term in event.audience_terms], "organisateur": organiser_key(event.organizer),
        "organisateur_nom": event.organizer,
    }
    if event.campaign:
        found["operation"] = event.campaign_slug
    availability = event.availability(now)
    if availability != "open":
        found["statut"] = AVAILABILITY[availability]
    return found


def embed_file(title: str, page_url: str, records: list[dict]) -> dict:
    """One department's or organiser's upcoming events, nearest first; ``public_inclusif``: the audience every
    audience filter also accepts (an event open to all is for young people too)."""
    return {"titre": title, "page": page_url, "public_inclusif": AUDIENCES[AUDIENCE_TAGGING.inclusive].slug,
            "evenements": records}
