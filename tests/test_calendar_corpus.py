"""The corpus of real calendar files (tests/fixtures/sources/real/, origins and licences in its README):
every occurrence that recurring-ical-events gives over the import window is written once, or refused
with its date and a French reason; a broken series is skipped by its UID, the rest imports."""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from catalogue.dates import PARIS
from catalogue.frontmatter import parse
from importers.ical import ICalendarImporter
from tests.importers_support import FIXTURES, make_context, source

REAL = FIXTURES / "real"
CORPUS = sorted(REAL.rglob("*.ics"))
# What a file's refused occurrences or series are refused for (one reason, or any of several).
REFUSED = {
    "Germany.ics": "adresse à l'étranger (Allemagne)",
    "Germany_Holidays.ics": "adresse à l'étranger (Allemagne)",
    "x_location.ics": "adresse à l'étranger (Danemark)",
    "fablab_cottbus.ics": "aucune commune française",  # "03042 Cottbus": a postcode, no French commune of that name
    "daylight_saving_time.ics": ("adresse à l'étranger (Allemagne)", "aucune commune française"),
    "machbar_16_feb_2019.ics": ("adresse à l'étranger (Allemagne)", "aucune commune française"),
    "end_before_start_event.ics": "la fin (DTEND) est avant le début (DTSTART)",
    "issue_350.ics": "en ligne, mais sans lien pour se connecter",
    "issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics": "Title: champ obligatoire absent",
    "broken_dtstart.ics": "série ignorée : propriété DTSTART illisible",
    "parsing_error.ics": ("série ignorée : propriété EXDATE illisible", "Title: champ obligatoire absent"),
    "issue_1081_invalid_rrule_freq.ics": "série ignorée : règle de répétition (RRULE) illisible",
    "bad_rrule_missing_until_event.ics": "série ignorée : règle de répétition (RRULE) illisible",
    "issue_165_missing_event.ics": "série ignorée : règle de répétition (RRULE) illisible",
    "issue_1050_multiple_calendars.ics": "série ignorée : propriété DTSTART absente",
    "rfc_7986_conferences.ics": "série ignorée : propriété DTSTART absente",
    "pacific_fiji.ics": "série ignorée : date ou propriété illisible",  # two DTSTART lines
}
WHOLE_FILE = {"big_bad_calendar.ics": "aucun calendrier"}
_REFUSAL = re.compile(r" du (\d\d)/(\d\d)/(\d{4}) (\d\d:\d\d)\): (?!avertissement|la version)")


def _days(raw: bytes) -> tuple[date, date]:
    """The import window of a file: a year from its first DTSTART."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        starts = []
        for calendar in icalendar.Calendar.from_ical(raw, multiple=True):
            for event in calendar.walk("VEVENT"):
                try:
                    value = event["DTSTART"].dt
                except Exception:
                    continue
                starts.append(value.date() if isinstance(value, datetime) else value)
    first = min(starts, default=date(2020, 1, 1))
    return first, first + timedelta(days=366)


def _local(value) -> str:
    if isinstance(value, datetime):
        return (value.astimezone(PARIS) if value.tzinfo else value).strftime("%Y-%m-%d %H:%M")
    return f"{value:%Y-%m-%d} 00:00"


def _expected(raw: bytes, window: tuple[date, date]) -> tuple[Counter, int]:
    """recurring-ical-events' occurrences over the window, series by series, and how many series it cannot read."""
    occurrences, broken = Counter(), 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for calendar in icalendar.Calendar.from_ical(raw, multiple=True):
            by_uid: dict[str, list] = {}
            for number, event in enumerate(calendar.walk("VEVENT")):  # an entry with no UID is alone
                by_uid.setdefault(str(event.get("UID", "")) or str(number), []).append(event)
            for events in by_uid.values():
                alone = icalendar.Calendar(calendar)
                alone.subcomponents = [*calendar.walk("VTIMEZONE"), *events]
                try:
                    if "DTEND" in events[0] and events[0]["DTEND"].dt < events[0]["DTSTART"].dt:
                        occurrences[_local(events[0]["DTSTART"].dt)] += 1  # the library would swap them
                        continue
                    found = recurring_ical_events.of(alone).between(*window)
                    occurrences.update(_local(o["DTSTART"].dt) for o in found)
                except Exception:
                    broken += 1
    return occurrences, broken


def _import(path: Path, tmp_path: Path, first: date):
    (tmp_path / path.name).write_bytes(path.read_bytes())
    config = replace(source("agence", "icalendar", path.name, place="35000 Rennes", past_days=0, horizon_days=365),
                     contact="02 99 00 00 00")
    now = datetime(first.year, first.month, first.day, 8, tzinfo=PARIS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ICalendarImporter(config, make_context(tmp_path, now=now)).run()


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_occurrence_is_written_once_or_refused_with_its_date(path, tmp_path):
    raw = path.read_bytes()
    first, last = _days(raw)
    summary = _import(path, tmp_path, first)
    if path.name in WHOLE_FILE:
        assert WHOLE_FILE[path.name] in summary.error and summary.created == 0
        return
    expected, broken = _expected(raw, (first, last))
    files = sorted((tmp_path / "content/events/imports/agence").glob("*.md"))
    written = Counter(parse(file.read_text(encoding="utf-8")).fields["start"].value[:16] for file in files)
    errors = [line for line in summary.problems if "avertissement" not in line and "version déjà" not in line]
    dates = [found.groups() for found in map(_REFUSAL.search, errors) if found]
    refused = Counter(f"{year}-{month}-{day} {time}" for day, month, year, time in dates)
    skipped = [line for line in errors if "série ignorée" in line]
    assert written + refused == expected  # occurrence by occurrence: written, or refused with its date
    assert len(skipped) == broken and summary.rejected == sum(refused.values()) + broken
    reasons = REFUSED.get(path.name, ())
    reasons = (reasons,) if isinstance(reasons, str) else reasons
    assert all(any(reason in line for reason in reasons) for line in errors)
    assert {reason for reason in reasons if any(reason in line for line in errors)} == set(reasons)
    assert summary.created == len(files) == sum(written.values())
    assert max((len(file.name) for file in files), default=0) <= 64


def test_the_corpus_holds_forty_real_files_and_most_of_their_occurrences_are_written():
    assert len(CORPUS) >= 40
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    assert all(f"`{path.name}`" in readme for path in CORPUS), "every file's origin and licence is in the README"
