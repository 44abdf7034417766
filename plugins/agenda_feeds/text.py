"""Plain-text renderings of an event shared by RSS/Atom, iCalendar and the add-to-calendar links."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from catalogue import french
from catalogue.model import Event


def location(event: Event) -> str:
    if event.commune is None:
        return "À distance"
    commune = f"{event.postal_code} {event.commune.name}"
    return ", ".join(part for part in (event.venue, event.address, commune) if part)


def registration(event: Event) -> str:
    if not event.registration_required:
        return "sans inscription"
    return event.registration_shown or "auprès de l'organisateur"


def categories(event: Event) -> list[tuple[str, str]]:
    """(term, label) of the event's type, audience, benefits, objectives and campaign, for feed readers."""
    terms = [event.type_term, *event.audience_terms, *event.benefit_terms, *event.objective_terms]
    found = [(term.slug, term.label) for term in terms]
    return found + ([(event.campaign_slug, event.campaign)] if event.campaign else [])


def places(event: Event) -> str:
    given = [f"{event.places_onsite} sur place" if event.places_onsite else "",
             f"{event.places_online} à distance" if event.places_online else ""]
    left = "" if event.places_left is None else "complet" if event.places_left == 0 else f"{event.places_left} restantes"
    return ", ".join(filter(None, [*given, left]))


def plain_description(event: Event, page_url: str) -> str:
    """What a calendar or a feed reader shows: the essentials (when, where, how to register, who for, what to
    bring, the programme…), then the page's address for the description itself. A calendar of 500 events stays
    light to fetch every few hours on a phone, and the site small at national scale (docs/partners.md)."""
    lines = [event.summary] if event.summary else []
    if event.status != "scheduled":
        lines.append(f"Statut : {event.status_term.label}")
    lines += [
        f"Quand : {french.span(event)}",
        f"Où : {location(event)}" + (" et à distance" if event.mode == "hybrid" else ""),
        f"Type : {event.type_term.label} ({event.mode_term.label.lower()})",
        f"Organisateur : {event.organizer}",
        f"Inscription : {registration(event)}",
        *([f"Contact : {event.contact_text}"] if event.has_contact else []),
    ]
    optional = {
        "Public": ", ".join(term.label for term in event.audience_terms),
        "Avantages": ", ".join(term.label for term in event.benefit_terms),
        "Objectifs": ", ".join(term.label for term in event.objective_terms),
        "Opération": event.campaign,
        "Places": places(event),
        "Offres d'emploi": " ".join(filter(None, [str(event.job_offers or ""), event.job_offers_url])),
        "Avant de vous inscrire": " ; ".join(event.prerequisite_lines),
        "Déroulement": " ; ".join(event.program_lines),
    }
    lines += [f"{name} : {value}" for name, value in optional.items() if value]
    if event.url:
        lines.append(f"Pour participer à distance : {event.url}")
    lines += ["", f"Plus d'informations : {page_url}"]
    return "\n".join(lines).replace("\u00a0", " ")


def link_description(event: Event, page_url: str) -> str:
    """The details an add-to-calendar link carries: the summary, how to register and the page (a link's address
    stays short: a few hundred characters, not the event's whole text, on every event page)."""
    lines = [event.summary] if event.summary else []
    lines += [f"Inscription : {registration(event)}", f"Plus d'informations : {page_url}"]
    return "\n".join(lines).replace("\u00a0", " ")


def google_calendar_link(event: Event, description: str) -> str:
    """Times in the event's zone, named by ``ctz``; an all-day event as dates (the end day excluded)."""
    if event.all_day:
        dates = f"{event.start:%Y%m%d}/{event.last_day + timedelta(days=1):%Y%m%d}"
    else:
        dates = "/".join(moment.strftime("%Y%m%dT%H%M%S") for moment in (event.start, event.end))
    query = {"action": "TEMPLATE", "text": event.title, "dates": dates, "ctz": event.timezone,
             "details": description[:1500], "location": location(event)}
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_link(event: Event, description: str) -> str:
    """Times with their offset; an all-day event as its first and last dates with ``allday``."""
    when = ({"startdt": event.start.date().isoformat(), "enddt": event.last_day.isoformat(), "allday": "true"}
            if event.all_day else {"startdt": event.start.isoformat(), "enddt": event.end.isoformat()})
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": event.title, **when,
             "body": description[:1500], "location": location(event)}
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(query)
