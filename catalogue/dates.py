"""Dates and times as agencies write them: ISO or French, in the event's local time unless an offset is given.

A local time is read in the event's zone (``catalogue.zones``). Two rules keep it exact around the
daylight-saving changes: a time in the spring gap (2 h 30 on the last Sunday of March in Paris) does
not exist and is refused; a time of the autumn hour that happens twice (2 h 30 on the last Sunday of
October) is the first one, still in summer time, unless the text gives its offset (``+01:00``).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

_TIME = r"(?P<hour>\d{1,2})\s*(?:[:h]\s*(?P<minute>\d{2})?)?(?::(?P<second>\d{2}))?"
_OFFSET = r"(?P<offset>Z|[+-]\d{2}:?\d{2})?"
_ISO = re.compile(rf"^(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?:[T ]+{_TIME}\s*{_OFFSET})?$")
_FRENCH = re.compile(rf"^(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/(?P<year>\d{{4}})(?:\s+(?:à\s+)?{_TIME})?$")
_TIME_ONLY = re.compile(rf"^(?:à\s+)?{_TIME}$")

EXPECTED = "une date comme 2026-12-03 09:30 ou 03/12/2026 9h30"


class DateError(ValueError):
    """A date or time an agency wrote that cannot be understood; the message is French."""


def _clock(match: re.Match) -> time | None:
    if match.group("hour") is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    second = int(match.group("second") or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"l'heure {hour}h{minute:02d} n'existe pas")
    return time(hour, minute, second)


def _offset(text: str):
    if text == "Z":
        return ZoneInfo("UTC")
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_datetime(text: str, *, end_of_day: bool = False, zone: tzinfo = PARIS) -> datetime:
    """Parse ``2026-12-03 09:30``, ``2026-12-03T09:30+01:00``, ``03/12/2026 9h30`` or a bare date.

    A bare date means the start of the day, or its end with ``end_of_day``. A time without an offset
    is a local time of ``zone``. The result is always aware, in ``zone``.
    """
    value = text.strip()
    match = _ISO.match(value) or _FRENCH.match(value)
    if not match:
        raise DateError(f"« {value} » n'est pas une date lisible")
    year, month, day = int(match.group("year")), int(match.group("month")), int(match.group("day"))
    try:
        day_value = date(year, month, day)
    except ValueError:
        raise DateError(f"le {day:02d}/{month:02d}/{year} n'existe pas") from None
    clock = _clock(match)
    if clock is None:
        clock = time(23, 59) if end_of_day else time(0, 0)
    offset = match.groupdict().get("offset")
    if offset:
        return datetime.combine(day_value, clock, tzinfo=_offset(offset)).astimezone(zone)
    return localize(datetime.combine(day_value, clock), zone)


def localize(naive: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time of ``zone``: refused in the spring gap, the first of the two in the autumn hour."""
    first = naive.replace(tzinfo=zone, fold=0)
    if first.utcoffset() == naive.replace(tzinfo=zone, fold=1).utcoffset():
        return first
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise DateError(f"le {naive:%d/%m/%Y} à {naive.hour}{_minutes(naive)} n'existe pas : cette nuit-là, "
                        "les horloges avancent d'une heure (passage à l'heure d'été)")
    return first


def _minutes(value: datetime) -> str:
    return f"h{value.minute:02d}" if value.minute else "h"


def is_ambiguous(value: datetime) -> bool:
    """A wall-clock time that happens twice (the autumn hour), so that writing it needs its offset."""
    if value.tzinfo is None:
        return False
    return value.replace(fold=0).utcoffset() != value.replace(fold=1).utcoffset()


def is_time(text: str) -> bool:
    """``12:00``, ``17h``: a time of day without a date."""
    return bool(_TIME_ONLY.match(text.strip()))


def parse_end(text: str, start: datetime | None) -> datetime:
    """An end may be a full date or, for an event within one day, just a time (``12:00``, ``17h``)."""
    match = _TIME_ONLY.match(text.strip())
    if match and start is not None:
        return localize(datetime.combine(start.date(), _clock(match)), start.tzinfo)
    return parse_datetime(text, end_of_day=True, zone=start.tzinfo if start is not None else PARIS)


def format_iso(value: datetime) -> str:
    """The agency-facing spelling, in the value's own zone: ``2026-12-03 09:30``.

    An event's times are in its zone, so this is the local time the file is read back in; a time of
    the autumn hour that happens twice keeps its offset (``2026-10-25 02:30+01:00``)."""
    text = value.strftime("%Y-%m-%d %H:%M")
    return text + _offset_text(value) if is_ambiguous(value) else text


def source_iso(value: datetime) -> str:
    """A source's time for validation: with its offset when it has a zone, bare when floating.

    A floating time (an iCalendar time without TZID, a spreadsheet cell) is thus read in the zone of
    the event's commune, and a time with a zone keeps its instant whatever the commune."""
    return value.strftime("%Y-%m-%d %H:%M") + (_offset_text(value) if value.tzinfo is not None else "")


def _offset_text(value: datetime) -> str:
    offset = value.strftime("%z")
    return f"{offset[:3]}:{offset[3:5]}"
