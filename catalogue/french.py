"""Dates written out in French, without depending on the machine's locale.

Every value is written in its own zone: an event's times are in the event's zone (``Event.zone``), so a
job dating in Guadeloupe reads "8 h", and ``zone_note`` adds "heure de la Guadeloupe (13 h à Paris)".
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from catalogue.dates import PARIS

NBSP = "\u00a0"
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def day(value: date) -> str:
    """``mercredi 3 décembre 2026`` (``1er`` for the first of the month)."""
    number = "1er" if value.day == 1 else str(value.day)
    return f"{DAYS[value.weekday()]} {number} {MONTHS[value.month - 1]} {value.year}"


def day_heading(value: date, today: date) -> str:
    """A listing's day heading: ``Aujourd'hui``, ``Demain``, ``jeudi 3 décembre`` (the year only when not this one)."""
    if value == today:
        return "Aujourd'hui"
    if value == today + timedelta(days=1):
        return "Demain"
    text = day(value)
    return text.removesuffix(f" {today.year}") if value.year == today.year else text


def by_day(events, now: datetime) -> list[tuple[str, list]]:
    """Articles (``article.event``) in listing order under their day headings; an event that began
    before today and still runs is under ``En cours``."""
    today = now.date()
    groups: dict[str, list] = {}
    for article in events:
        first = article.event.start.date()
        groups.setdefault("En cours" if first < today else day_heading(first, today), []).append(article)
    return list(groups.items())


def clock(value: datetime) -> str:
    """``9 h 30``, ``14 h`` with non-breaking spaces — the spelling French typography and screen readers expect."""
    return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}" if value.minute else f"{value.hour}{NBSP}h"


def span(event) -> str:
    """``mercredi 3 décembre 2026, de 9 h 30 à 12 h``, ``du … au …`` across days, ``toute la journée``."""
    first, last = event.start, event.end
    if event.all_day:
        if first.date() == event.last_day:
            return f"{day(first)}, toute la journée"
        return f"du {day(first)} au {day(event.last_day)}"
    if first.date() == last.date():
        text = f"{day(first)}, de {clock(first)} à {clock(last)}"
    else:
        text = f"du {day(first)}, {clock(first)}, au {day(last)}, {clock(last)}"
    note = zone_note(event)
    return f"{text}, {note}" if note else text


def zone_note(event) -> str:
    """``heure de la Guadeloupe (13 h à Paris)``; empty on Paris time or all day long."""
    if not event.zone_label or event.all_day:
        return ""
    start, end = event.start.astimezone(PARIS), event.end.astimezone(PARIS)
    paris = f"{clock(start)} – {clock(end)}" if start.date() == end.date() else clock(start)
    if start.date() != event.start.date():
        paris = f"{day(start)}, {paris}"
    return f"{event.zone_label} ({paris} à Paris)"


def count(number: int, singular: str, plural: str = "") -> str:
    """``1 événement``, ``0 événement``, ``12 événements``: French takes the singular below 2."""
    return f"{number} {singular if number < 2 else plural or singular + 's'}"


_BEFORE_MARK = re.compile(r"(?<=\S) ([:;!?»])")
_AFTER_GUILLEMET = re.compile(r"« ")
_NEEDS_SPACES = re.compile(r" [:;!?»]|« ")  # one scan: most texts have nothing to change


def spaces(text: str) -> str:
    """French typography: a non-breaking space before ``: ; ! ? »`` and after ``«``, so that no line
    starts with a colon or a closing guillemet."""
    if not _NEEDS_SPACES.search(text):
        return text
    return _AFTER_GUILLEMET.sub("«" + NBSP, _BEFORE_MARK.sub(NBSP + r"\1", text))


_TAG = re.compile(r"(<[^>]*>)")


def spaces_in_html(html: str) -> str:
    """``spaces`` on the text between tags, never inside a tag (an attribute stays as it was) nor in code,
    which readers copy as it is (the guide's template)."""
    parts, in_code = [], 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = part[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            if name in {"code", "pre"}:
                in_code += -1 if part.startswith("</") else 1
            parts.append(part)
        else:
            parts.append(part if in_code else spaces(part))
    return "".join(parts)


def month(year: int, number: int) -> str:
    """``décembre 2026``."""
    return f"{MONTHS[number - 1]} {year}"
