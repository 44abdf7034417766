"""Write an Event back as an agency Markdown file, in canonical spelling (the inverse of validation)."""

from __future__ import annotations

from catalogue.dates import format_iso
from catalogue.model import Event, Service
from catalogue.validation import EVENT_FIELDS, SERVICE_FIELDS


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def event_fields(event: Event) -> dict[str, str]:
    """Canonical text of every set field, keyed like ``EVENT_FIELDS``."""
    commune = f"{event.postal_code} {event.commune.name}" if event.commune else ""
    registration = event.registration_shown if event.registration_required else "sans inscription"
    values = {
        "title": event.title,
        "start": format_iso(event.start),
        "end": format_iso(event.end),
        "type": event.type,
        "mode": event.mode,
        "organizer": event.organizer,
        "organizer_url": event.organizer_url,
        "commune": commune,
        "url": event.url,
        "venue": event.venue,
        "address": event.address,
        "audience": ", ".join(term.label for term in event.audience_terms),
        "sectors": ", ".join(event.sectors),
        "benefits": ", ".join(term.label for term in event.benefit_terms),
        "objectives": ", ".join(term.label for term in event.objective_terms),
        "campaign": event.campaign,
        "prerequisites": "; ".join(event.prerequisite_lines),
        "program": "; ".join(event.program_lines),
        "speakers": "; ".join(f"{name} {url}".strip() for name, url in event.speakers),
        "job_offers": " ".join(filter(None, [str(event.job_offers) if event.job_offers is not None else "",
                                             event.job_offers_url])),
        "rome": "; ".join(f"{code} {label}".strip() for code, label in event.rome),
        "naf": ", ".join(event.naf),
        "registration": registration,
        "registration_end": format_iso(event.registration_end) if event.registration_end else "",
        "contact": event.contact_text,
        "places_onsite": _number(event.places_onsite),
        "places_online": _number(event.places_online),
        "places_left": _number(event.places_left),
        "status": event.status if event.status != "scheduled" else "",
        "summary": event.summary,
        "uid": event.uid,
        "updated": format_iso(event.updated) if event.updated else "",
        "source": event.source,
        "geo": f"{event.geo[0]:.5f}, {event.geo[1]:.5f}" if event.geo else "",
        "timezone": event.timezone if event.commune is None and event.zone_label else "",
    }
    return {key: value for key, value in values.items() if value}


def service_fields(service: Service) -> dict[str, str]:
    values = {
        "title": service.title,
        "provider": service.provider,
        "category": service.category,
        "audience": ", ".join(service.audience),
        "url": service.url,
        "channels": ", ".join(service.channels),
        "free": "oui" if service.free else "non",
        "summary": service.summary,
        "uid": service.uid,
        "source": service.source,
    }
    return {key: value for key, value in values.items() if value}


def _render(fields: dict[str, str], order: dict[str, str], body: str) -> str:
    """Header in the documented order, a blank line, the Markdown body."""
    header = "\n".join(f"{order[key]}: {' '.join(fields[key].split())}" for key in order if key in fields)
    return f"{header}\n\n{body.strip()}\n"


def render_event(event: Event) -> str:
    return _render(event_fields(event), EVENT_FIELDS, event.body)


def render_service(service: Service) -> str:
    return _render(service_fields(service), SERVICE_FIELDS, service.body)
