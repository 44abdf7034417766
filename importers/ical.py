"""Agencies' iCalendar exports (Outlook, Google Agenda, Thunderbird), from a file or a URL.

Recurring workshops (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides) are expanded by
recurring-ical-events over a window: ``past_days`` before today to ``horizon_days`` after
(settings of the source, default 60 and 180). Times with TZID or in UTC keep their instant; floating
times follow X-WR-TIMEZONE, or else are local times of the event's commune; all-day events run from
00:00 to 23:59, local time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

import icalendar
import recurring_ical_events

from catalogue.contact import is_email
from catalogue.dates import PARIS, source_iso
from catalogue.vocabulary import EVENT_TYPES, guess_event_type, says_online

from .base import Importer, Record, sort_categories
from .fetch import SourceError


def _moment(value, *, end: bool = False) -> datetime:
    """An aware time as it is, a floating one (or an all-day date) without a zone: the commune's applies."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):  # all-day: DTEND is the day after the last day
        day = value - timedelta(days=1) if end else value
        return datetime(day.year, day.month, day.day, 23 if end else 0, 59 if end else 0)
    raise SourceError(f"date iCalendar illisible : {value!r}")


def _text(component, name: str) -> str:
    value = component.get(name)
    return str(value).strip() if value is not None else ""


def _email(address) -> str:
    """``mailto:accueil@ml.example.org`` (ORGANIZER) -> the address, when it is one."""
    value = str(address or "").removeprefix("mailto:").removeprefix("MAILTO:")
    return value if is_email(value) else ""


def _categories(event) -> list[str]:
    """Every value of every CATEGORIES line: ``Job dating``, ``CDI``, ``Jeunes``, ``Recruter``…"""
    found = event.get("CATEGORIES")
    return [str(value) for item in (found if isinstance(found, list) else [found] if found else [])
            for value in item.cats]


class ICalendarImporter(Importer):
    def records(self) -> Iterable[Record]:
        try:
            calendar = icalendar.Calendar.from_ical(self.read())
        except ValueError as error:
            raise SourceError(f"fichier iCalendar illisible ({str(error)[:80]})") from None
        now = self.context.now - self.shift  # a rebased sample is expanded around its own dates
        options = self.source.options
        window = (now - timedelta(days=int(options.get("past_days", 60))),
                  now + timedelta(days=int(options.get("horizon_days", 180))))
        try:
            occurrences = list(recurring_ical_events.of(calendar).between(*window))
        except Exception as error:  # the library raises its own and dateutil's errors on broken rules
            raise SourceError(f"récurrence iCalendar illisible ({type(error).__name__})") from None
        recurring = {_text(event, "UID") for event in calendar.walk("VEVENT") if "RRULE" in event or "RDATE" in event}
        return [self.to_record(event, recurring) for event in occurrences]

    def to_record(self, event, recurring: set[str]) -> Record:
        uid = _text(event, "UID") or _text(event, "SUMMARY")
        start = _moment(event["DTSTART"].dt)
        if "DTEND" in event:
            end = _moment(event["DTEND"].dt, end=True)
        elif "DURATION" in event:
            end = start + event["DURATION"].dt
        else:
            end = _moment(event["DTSTART"].dt, end=True) if not isinstance(event["DTSTART"].dt, datetime) else start
        key = uid.split("@", 1)[0] or uid  # "atelier-cv@agence.example.org": the part before @ is enough
        if uid in recurring:  # one file per occurrence, named after its original slot (RECURRENCE-ID)
            slot = _moment(event["RECURRENCE-ID"].dt) if "RECURRENCE-ID" in event else start
            key = f"{key}-{(slot.astimezone(PARIS) if slot.tzinfo else slot):%Y%m%dT%H%M}"
        location, link = _text(event, "LOCATION"), _text(event, "URL")
        location_is_link = location.startswith(("http://", "https://"))
        place = "" if location_is_link else location
        not_a_place = not place or says_online(place)
        conference = _text(event, "X-GOOGLE-CONFERENCE") or (location if location_is_link else "")
        online = conference or (link if not_a_place else "")  # otherwise URL is just a page about the event
        organizer = event.get("ORGANIZER")
        fields = {
            "title": _text(event, "SUMMARY"),
            "start": source_iso(start),
            "end": source_iso(end),
            "type": self._type(event),
            "organizer": str(organizer.params.get("CN", "")) if organizer is not None else "",
            "contact": _email(organizer),
            "venue": "" if not_a_place else place,
            "url": online,
            "status": "cancelled" if _text(event, "STATUS").upper() == "CANCELLED" else "",
            "geo": f"{event['GEO'].latitude}, {event['GEO'].longitude}" if "GEO" in event else "",
            **sort_categories(_categories(event)),
        }
        return Record(key=key, fields=fields, body=_text(event, "DESCRIPTION"), origin=f"UID {uid[:60]}", place=place)

    def _type(self, event) -> str:
        """CATEGORIES first (``Atelier``, ``Job dating``), then the title, then the source's default."""
        categories = event.get("CATEGORIES")
        values = []
        for item in categories if isinstance(categories, list) else [categories] if categories else []:
            values += [str(value) for value in item.cats]
        for value in values:
            term = EVENT_TYPES.find(value)
            if term:
                return term.key
        guessed = guess_event_type(_text(event, "SUMMARY"))
        return guessed if guessed != "other" else self.source.options.get("default_type", "other")
