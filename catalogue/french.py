"""Dates written out in French, without depending on the machine's locale."""

from __future__ import annotations

from datetime import datetime

from catalogue.dates import PARIS

NBSP = "\u00a0"
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def day(value: datetime) -> str:
    """``mercredi 3 décembre 2026`` (``1er`` for the first of the month)."""
    local = value.astimezone(PARIS)
    number = "1er" if local.day == 1 else str(local.day)
    return f"{DAYS[local.weekday()]} {number} {MONTHS[local.month - 1]} {local.year}"


def clock(value: datetime) -> str:
    """``9 h 30``, ``14 h`` with non-breaking spaces — the spelling French typography and screen readers expect."""
    local = value.astimezone(PARIS)
    return f"{local.hour}{NBSP}h{NBSP}{local.minute:02d}" if local.minute else f"{local.hour}{NBSP}h"


def span(start: datetime, end: datetime) -> str:
    """``mercredi 3 décembre 2026, de 9 h 30 à 12 h`` or ``du … au …`` across days."""
    first, last = start.astimezone(PARIS), end.astimezone(PARIS)
    if first.date() == last.date():
        return f"{day(first)}, de {clock(first)} à {clock(last)}"
    return f"du {day(first)}, {clock(first)}, au {day(last)}, {clock(last)}"


def month(year: int, number: int) -> str:
    """``décembre 2026``."""
    return f"{MONTHS[number - 1]} {year}"
