"""iCalendar output (RFC 5545) with the icalendar library: one VEVENT per event, reused by every calendar.

Times carry the event's own zone (``TZID=America/Guadeloupe``) and every calendar holds one VTIMEZONE
per zone its events use. No METHOD: a published calendar without an ORGANIZER must not claim
``METHOD:PUBLISH`` (RFC 5546), and libical refuses it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, timedelta
from functools import cache

from icalendar import Alarm, Calendar, Timezone, vDuration
from icalendar import Event as VEvent

from catalogue.model import Event
from catalogue.revisions import Revision
from catalogue.zones import PARIS_ZONE

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
STATUS = {"scheduled": "CONFIRMED", "full": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@cache
def timezone_bytes(name: str) -> bytes:
    """The VTIMEZONE of a zone: Paris's EU rule above, the others from the tz database (icalendar).

    None of the overseas zones but Miquelon changes its clocks; the window covers the years published."""
    if name == PARIS_ZONE:
        return PARIS_TIMEZONE.to_ical()
    return Timezone.from_tzid(name, first_date=date(2020, 1, 1), last_date=date(2040, 1, 1)).to_ical()


def calendar_uid(uid: str, domain: str) -> str:
    """``<uid>@<domain>`` with only the characters CalDAV servers take in a resource name.

    A uid made only of letters, digits, ``.``, ``_`` and ``-`` is kept as it is, so subscribers keep their
    events; another one has each run of other characters replaced by ``-`` and a short hash of the
    original appended, so two uids never meet."""
    safe = _UNSAFE.sub("-", uid)
    if safe != uid:
        safe = f"{safe}-{hashlib.sha256(uid.encode()).hexdigest()[:8]}"
    return f"{safe}@{domain}"


def vevent(event: Event, revision: Revision, page_url: str, uid_domain: str, description: str) -> bytes:
    """The event's VEVENT, folded and CRLF-terminated: serialised once, reused by every calendar.

    An all-day event has DATE values (DTEND the day after its last day); others, times in its zone."""
    component = VEvent()
    component.add("uid", calendar_uid(event.uid, uid_domain))
    component.add("dtstamp", revision.updated.astimezone(UTC))
    component.add("last-modified", revision.updated.astimezone(UTC))
    component.add("sequence", revision.sequence)
    if event.all_day:
        component.add("dtstart", event.start.date())
        component.add("dtend", event.last_day + timedelta(days=1))
    else:
        component.add("dtstart", event.start)
        component.add("dtend", event.end)
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


def with_reminder(vevent_bytes: bytes, event: Event) -> bytes:
    """The VEVENT with a VALARM the day before: at the same time for a timed event, at 9 h for an all-day one
    (its start is midnight, so 15 hours before). The page offers it as a choice; feeds carry no alarm."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Demain : {event.title}")
    alarm.add("trigger", -timedelta(hours=15) if event.all_day else -timedelta(days=1))
    closing = b"END:VEVENT\r\n"
    return vevent_bytes[: -len(closing)] + alarm.to_ical() + closing


def calendar(name: str, description: str, events: list[bytes], zones: set[str], refresh: timedelta) -> bytes:
    """A subscribable calendar: X-WR-CALNAME, refresh hints, a VTIMEZONE per zone used; CRLF, folded at 75 octets.

    The calendar's own properties are written by icalendar; the time zones and the VEVENTs, serialised
    once (``vevent``, ``timezone_bytes``), are placed before its closing line.
    """
    result = Calendar()
    result.add("prodid", "-//agenda-emploi//Agenda de l'emploi//FR")
    result.add("version", "2.0")
    result.add("calscale", "GREGORIAN")
    result.add("x-wr-calname", name)
    result.add("x-wr-caldesc", description)
    result.add("x-wr-timezone", "Europe/Paris")
    result.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    result.add("x-published-ttl", vDuration(refresh))
    head = result.to_ical()
    closing = b"END:VCALENDAR\r\n"
    timezones = b"".join(timezone_bytes(zone) for zone in sorted(zones))
    return head[: -len(closing)] + timezones + b"".join(events) + closing
