"""Agencies' iCalendar exports (Outlook, Exchange, Google, Apple, Thunderbird, Nextcloud, Zimbra), from a file or a URL.

Each series (the VEVENTs of one UID: its rule, RDATE, EXDATE and RECURRENCE-ID overrides) is expanded
on its own by recurring-ical-events over whole days, ``past_days`` before today to ``horizon_days``
after (default 60 and 180), so one broken series is reported by its UID and SUMMARY and the rest of
the calendar imports. Times with TZID or in UTC keep their instant; floating times follow
X-WR-TIMEZONE, or else are local times of the event's commune. An all-day event runs from 00:00 to
23:59; a timed one with no end, or an end equal to its start, lasts ``default_duration`` minutes
(two hours by default), with a warning. Private entries (CLASS:PRIVATE or CONFIDENTIAL) are never published, and
neither is who organises or attends a meeting (ORGANIZER, ATTENDEE): the source's organiser and
contact are. A video-conference link (LOCATION, URL, DESCRIPTION, CONFERENCE, X-GOOGLE-CONFERENCE,
X-MICROSOFT-*) makes the event online, or hybrid when it also has a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

import icalendar
import recurring_ical_events

from catalogue.dates import PARIS, source_iso
from catalogue.vocabulary import EVENT_TYPES, conference_link, guess_event_type, says_online

from .base import Importer, Record, default_end, sort_categories
from .fetch import SourceError

PRIVATE = {"PRIVATE", "CONFIDENTIAL"}
CONFERENCE_PROPERTIES = ("CONFERENCE", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL",
                         "X-MICROSOFT-ONLINEMEETINGCONFLINK", "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK")


def _moment(value, *, end: bool = False) -> datetime:
    """An aware time as it is, a floating one (or an all-day date) without a zone: the commune's applies."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):  # all-day: DTEND is the day after the last day
        day = value - timedelta(days=1) if end else value
        return datetime(day.year, day.month, day.day, 23 if end else 0, 59 if end else 0)
    raise ValueError("date illisible")


def _text(component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value is not None else ""


def _categories(event) -> list[str]:
    """Every value of every CATEGORIES line: ``Job dating``, ``CDI``, ``Jeunes``, ``Recruter``…"""
    found = event.get("CATEGORIES")
    return [str(value) for item in (found if isinstance(found, list) else [found] if found else [])
            for value in item.cats]


def _reason(error: Exception) -> str:
    """Why a series cannot be read, in French (the libraries' exceptions name no field for staff)."""
    name = type(error).__name__
    broken = re.search(r"broken property '([A-Z-]+)'", str(error))
    if broken:
        return f"propriété {broken.group(1)} illisible"
    if isinstance(error, KeyError):
        return f"propriété {str(error).strip(chr(39))} absente"
    if "Rule" in name or re.search(r"rrule|'(FREQ|UNTIL|COUNT|INTERVAL|BY\w+)'", str(error), re.IGNORECASE):
        return "règle de répétition (RRULE) illisible"
    if "Broken" in name or isinstance(error, (ValueError, TypeError, AttributeError)):
        return "date ou propriété illisible"
    return "série illisible"


def _origin(uid: str, title: str) -> str:
    """Where an entry is, for messages: ``UID abc@agence, « Atelier CV »``."""
    return ", ".join(part for part in (f"UID {uid[:60]}" if uid else "", f"« {title[:60]} »" if title else "") if part)


def _when(start: datetime) -> str:
    return f"{(start.astimezone(PARIS) if start.tzinfo else start):%d/%m/%Y %H:%M}"


def _ends_before_start(event) -> bool:
    try:
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        return type(start) is type(end) and end < start
    except Exception:
        return False


def _series(calendar) -> Iterator[tuple[str, list, icalendar.Calendar]]:
    """Each UID's VEVENTs (an entry with no UID alone), in a calendar of their own with the file's time
    zones and properties."""
    groups: dict[str, list] = {}
    for number, event in enumerate(calendar.walk("VEVENT")):
        groups.setdefault(_text(event, "UID") or f" {number}", []).append(event)
    timezones = calendar.walk("VTIMEZONE")
    for events in groups.values():
        alone = icalendar.Calendar(calendar)  # its properties: X-WR-TIMEZONE settles floating times
        alone.subcomponents = [*timezones, *events]
        yield _text(events[0], "UID"), events, alone


class ICalendarImporter(Importer):
    def records(self) -> Iterable[Record]:
        try:
            calendars = icalendar.Calendar.from_ical(self.read(), multiple=True)
        except ValueError as error:
            raise SourceError(f"fichier iCalendar illisible ({str(error)[:80]})") from None
        if not calendars:
            raise SourceError("ce fichier ne contient aucun calendrier (BEGIN:VCALENDAR)")
        today = (self.context.now - self.shift).date()  # a rebased sample is expanded around its own dates
        options = self.source.options
        window = (today - timedelta(days=int(options.get("past_days", 60))),
                  today + timedelta(days=int(options.get("horizon_days", 180)) + 1))
        records: list[Record] = []
        for calendar in calendars:
            for uid, events, alone in _series(calendar):
                records += self._occurrences(uid, events, alone, window)
        return records

    def _occurrences(self, uid: str, events: list, alone, window) -> list[Record]:
        title = _text(events[0], "SUMMARY")
        if _text(events[0], "CLASS").upper() in PRIVATE:
            return []  # never published, never named
        origin = _origin(uid, title)
        wrong = [event for event in events if _ends_before_start(event)]
        if wrong:
            self.complete_fetch = False  # its occurrences are unknown: none is taken for gone
            when = _when(_moment(wrong[0]["DTSTART"].dt))
            return [Record(key=uid, fields={}, origin=f"{origin} du {when}",
                           error="la fin (DTEND) est avant le début (DTSTART)")]
        try:
            occurrences = list(recurring_ical_events.of(alone).between(*window))
            recurring = any("RRULE" in event or "RDATE" in event for event in events)
            return [self.to_record(event, uid, recurring) for event in occurrences
                    if _text(event, "CLASS").upper() not in PRIVATE]
        except Exception as error:  # the libraries raise their own and dateutil's errors on broken data
            self.complete_fetch = False  # its occurrences are unknown: none is taken for gone
            return [Record(key=uid, fields={}, origin=origin, error=f"série ignorée : {_reason(error)}")]

    def to_record(self, event, uid: str, recurring: bool) -> Record:
        start = _moment(event["DTSTART"].dt)
        end = _moment(event["DTEND"].dt, end=True) if "DTEND" in event else start
        warnings: list[str] = []
        if end == start and isinstance(event["DTSTART"].dt, datetime):  # no DTEND, or DTEND = DTSTART
            end = default_end(start, self.source.options, warnings)
        title = _text(event, "SUMMARY")
        # "atelier-cv@agence.example.org": the part before @ is enough; no UID at all: the title and time
        key = (uid.split("@", 1)[0] or uid) if uid else title or "evenement"
        if recurring or not uid:  # one file per occurrence, named after its original slot (RECURRENCE-ID)
            moved = event.get("RECURRENCE-ID")  # but a change to this and future ones (RANGE) names many
            slot = _moment(moved.dt) if moved is not None and "RANGE" not in moved.params else start
            key = f"{key}-{(slot.astimezone(PARIS) if slot.tzinfo else slot):%Y%m%dT%H%M}"
        location, link, description = _text(event, "LOCATION"), _text(event, "URL"), _text(event, "DESCRIPTION")
        online = conference_link(*(_text(event, name) for name in CONFERENCE_PROPERTIES), location, link, description)
        place = "" if location.startswith(("http://", "https://")) else location  # "En ligne": the importer decides
        fields = {
            "title": title,
            "start": source_iso(start),
            "end": source_iso(end),
            "type": self._type(event),
            "venue": "" if says_online(place) else place,
            "url": online,
            "status": "cancelled" if _text(event, "STATUS").upper() == "CANCELLED" else "",
            "geo": f"{event['GEO'].latitude}, {event['GEO'].longitude}" if "GEO" in event else "",
            **sort_categories(_categories(event)),
        }
        return Record(key=key, fields=fields, body=description, place=place, warnings=warnings,
                      origin=f"{_origin(uid, title)} du {_when(start)}")

    def _type(self, event) -> str:
        """CATEGORIES first (``Atelier``, ``Job dating``), then the title, then the source's default."""
        for value in _categories(event):
            term = EVENT_TYPES.find(value)
            if term:
                return term.key
        guessed = guess_event_type(_text(event, "SUMMARY"))
        return guessed if guessed != "other" else self.source.options.get("default_type", "other")
