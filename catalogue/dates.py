"""Dates and times as agencies write them: ISO or French, Europe/Paris unless an offset is given."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
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


def _offset(text: str | None):
    if not text:
        return PARIS
    if text == "Z":
        return ZoneInfo("UTC")
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_datetime(text: str, *, end_of_day: bool = False) -> datetime:
    """Parse ``2026-12-03 09:30``, ``2026-12-03T09:30+01:00``, ``03/12/2026 9h30`` or a bare date.

    A bare date means the start of the day, or its end with ``end_of_day``.
    The result is always timezone-aware.
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
    return datetime.combine(day_value, clock, tzinfo=_offset(offset))


def is_time(text: str) -> bool:
    """``12:00``, ``17h``: a time of day without a date."""
    return bool(_TIME_ONLY.match(text.strip()))


def parse_end(text: str, start: datetime | None) -> datetime:
    """An end may be a full date or, for an event within one day, just a time (``12:00``, ``17h``)."""
    match = _TIME_ONLY.match(text.strip())
    if match and start is not None:
        return datetime.combine(start.date(), _clock(match), tzinfo=start.tzinfo)
    return parse_datetime(text, end_of_day=True)


def format_iso(value: datetime) -> str:
    """The agency-facing spelling, in Paris time: ``2026-12-03 09:30``."""
    return value.astimezone(PARIS).strftime("%Y-%m-%d %H:%M")
