"""An easy-to-read summary of an event, in the spirit of FALC (facile à lire et à comprendre): who, what,
when, where, what to bring, how to register, in short sentences built from the structured fields.

The article each event type takes ("un job dating", "une réunion") is French grammar, not data of the
vocabulary: it lives here, next to the only sentences that need it.
"""

from __future__ import annotations

from datetime import datetime

from catalogue import french
from catalogue.model import Event

ARTICLE = {"job-dating": "un", "forum": "un", "information": "une", "workshop": "un", "recruitment": "une",
           "company-visit": "une", "online-fair": "un", "other": "un"}
NEEDS_CV = {"job-dating", "forum", "recruitment", "online-fair"}


def summary(event: Event, now: datetime) -> list[tuple[str, str]]:
    """(question, short sentence) pairs: Pour qui ? Quoi ? Quand ? Où ? À apporter ? Comment s'inscrire ?"""
    others = [term.label.lower() for term in event.audience_terms if term.key != "tous"]
    if not event.audience or len(others) < len(event.audience):  # open to all, perhaps with a detail
        who = "Pour tout le monde" + (f" ({', '.join(others)})." if others else ".")
    else:
        who = f"Pour : {', '.join(others)}."
    lines = [("Pour qui ?", who),
             ("Quoi ?", f"C'est {ARTICLE[event.type]} {event.type_term.label.lower()}, organisé par {event.organizer}.")]
    lines.append(("Quand ?", f"Le {french.span(event)}."))
    where = []
    if event.commune is not None:
        place = ", ".join(part for part in (event.venue, event.address) if part)
        where.append(f"À {event.commune.name}" + (f" : {place}" if place else "") + ".")
    if event.is_online:
        where.append("Sur internet : le lien pour participer est sur cette page.")
    lines.append(("Où ?", " ".join(where)))
    if event.type in NEEDS_CV:
        lines.append(("À apporter ?", "Votre CV, en plusieurs exemplaires."))
    lines.append(("Comment s'inscrire ?", _registration(event, now)))
    return lines


def _registration(event: Event, now: datetime) -> str:
    availability = event.availability(now)
    if availability in {"cancelled", "postponed", "past", "full", "closed"}:
        return {"cancelled": "Ce n'est plus possible : l'événement est annulé.",
                "postponed": "Pas encore : l'événement aura lieu à une autre date.",
                "past": "Ce n'est plus possible : l'événement est passé.",
                "full": "Ce n'est plus possible : c'est complet.",
                "closed": "Ce n'est plus possible : les inscriptions sont fermées."}[availability]
    if not event.registration_required:
        return "Pas besoin de vous inscrire : venez directement."
    deadline = f" avant le {french.day(event.registration_end)}" if event.registration_end else ""
    kind = event.registration_kind
    if kind == "web":
        return f"Inscrivez-vous sur internet{deadline} : bouton « S'inscrire »."
    if kind == "email":
        return f"Écrivez à {event.registration_shown}{deadline}."
    if kind == "phone":
        return f"Appelez le {event.registration_shown}{deadline}."
    if event.contact_phone:
        return f"Appelez le {event.contact_phone_shown}{deadline}."
    if event.contact_email:
        return f"Écrivez à {event.contact_email}{deadline}."
    return f"Demandez à l'organisateur, {event.organizer}{deadline}."
