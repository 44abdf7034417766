"""iCalendar output (RFC 5545) with the icalendar library: one VEVENT per event, reused by every calendar."""

from __future__ import annotations

from datetime import UTC, timedelta

from icalendar import Calendar, Timezone, vDuration
from icalendar import Event as VEvent

from catalogue.dates import PARIS
from catalogue.model import Event
from catalogue.revisions import Revision

from .text import categories, location

# Europe/Paris with the EU rules in force since 1996: compact and exact for every event we publish.
PARIS_TIMEZONE = Timezone.from_ical(
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)
TIMEZONE_BYTES = PARIS_TIMEZONE.to_ical()
STATUS = {"scheduled": "CONFIRMED", "full": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def vevent(event: Event, revision: Revision, page_url: str, uid_domain: str, description: str) -> bytes:
    """The event's VEVENT, folded and CRLF-terminated: serialised once, reused by every calendar."""
    component = VEvent()
    component.add("uid", f"{event.uid}@{uid_domain}")
    component.add("dtstamp", revision.updated.astimezone(UTC))
    component.add("last-modified", revision.updated.astimezone(UTC))
    component.add("sequence", revision.sequence)
    component.add("dtstart", event.start.astimezone(PARIS))
    component.add("dtend", event.end.astimezone(PARIS))
    component.add("summary", event.title)
    component.add("status", STATUS[event.status])
    where = location(event)
    if where:
        component.add("location", where)
    if event.geo:
        component.add("geo", event.geo)
    component.add("url", page_url)
    component.add("description", description)
    # one CATEGORIES line each, without commas: calendar apps split on them, escaped or not
    for _, label in categories(event):
        component.add("categories", [label.replace(", ", " / ")])
    return component.to_ical()


def calendar(name: str, description: str, events: list[bytes], refresh: timedelta) -> bytes:
    """A subscribable calendar: X-WR-CALNAME, refresh hints, Europe/Paris VTIMEZONE; CRLF, folded at 75 octets.

    The calendar's own properties are written by icalendar; the time zone and the VEVENTs, serialised
    once (``vevent``, ``TIMEZONE_BYTES``), are placed before its closing line.
    """
    result = Calendar()
    result.add("prodid", "-//agenda-emploi//Agenda de l'emploi//FR")
    result.add("version", "2.0")
    result.add("calscale", "GREGORIAN")
    result.add("method", "PUBLISH")
    result.add("x-wr-calname", name)
    result.add("x-wr-caldesc", description)
    result.add("x-wr-timezone", "Europe/Paris")
    result.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    result.add("x-published-ttl", vDuration(refresh))
    head = result.to_ical()
    closing = b"END:VCALENDAR\r\n"
    return head[: -len(closing)] + TIMEZONE_BYTES + b"".join(events) + closing
