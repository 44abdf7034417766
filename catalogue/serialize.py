"""Write an Event back as an agency Markdown file, in canonical spelling (the inverse of validation)."""

from __future__ import annotations

from catalogue.dates import format_iso
from catalogue.model import Event, Service
from catalogue.validation import EVENT_FIELDS, SERVICE_FIELDS


def event_fields(event: Event) -> dict[str, str]:
    """Canonical text of every set field, keyed like ``EVENT_FIELDS``."""
    commune = f"{event.commune.postcode} {event.commune.name}" if event.commune else ""
    registration = event.registration.removeprefix("mailto:") if event.registration_required else "sans inscription"
    values = {
        "title": event.title,
        "start": format_iso(event.start),
        "end": format_iso(event.end),
        "type": event.type,
        "mode": event.mode,
        "organizer": event.organizer,
        "commune": commune,
        "url": event.url,
        "venue": event.venue,
        "address": event.address,
        "audience": ", ".join(event.audience),
        "sectors": ", ".join(event.sectors),
        "registration": registration,
        "registration_end": format_iso(event.registration_end) if event.registration_end else "",
        "capacity": str(event.capacity) if event.capacity else "",
        "status": event.status if event.status != "scheduled" else "",
        "summary": event.summary,
        "uid": event.uid,
        "updated": format_iso(event.updated) if event.updated else "",
        "source": event.source,
        "geo": f"{event.geo[0]:.5f}, {event.geo[1]:.5f}" if event.geo else "",
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
