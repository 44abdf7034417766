"""Write an Event back as an agency Markdown file, in canonical spelling (the inverse of validation)."""

from __future__ import annotations

from catalogue.dates import format_iso
from catalogue.model import Event
from catalogue.validation import EVENT_FIELDS


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
    }
    return {key: value for key, value in values.items() if value}


def render_event(event: Event) -> str:
    """The file's text: header in the documented order, a blank line, the Markdown body."""
    fields = event_fields(event)
    header = "\n".join(f"{EVENT_FIELDS[key]}: {' '.join(fields[key].split())}" for key in EVENT_FIELDS if key in fields)
    return f"{header}\n\n{event.body.strip()}\n"
