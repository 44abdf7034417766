"""Any input gives a valid item or a clean error, never a traceback (hypothesis)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue import dates
from catalogue.frontmatter import parse
from catalogue.geography import CommuneError, geography
from catalogue.text import render_markdown, sanitize_html
from catalogue.validation import EVENT_FIELDS, validate_event
from importers.fetch import SourceError
from importers.ical import ICalendarImporter
from importers.spreadsheet import EVENT_COLUMNS, csv_sheets, event_record, table
from tests.importers_support import make_context, source

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
keys = st.sampled_from([*EVENT_FIELDS.values(), "Titre", "start", "REGISTRATION-END", "x"])
values = st.one_of(st.text(max_size=60), st.sampled_from(["2026-12-03 09:30", "31/02/2026", "12h", "31555",
                                                          "onsite", "forum", "https://a.example", "sans inscription"]))


@FAST
@given(st.lists(st.tuples(keys, values), max_size=12), st.text(max_size=200))
def test_any_header_gives_an_event_or_problems(pairs, body):
    text = "\n".join(f"{key}: {value}" for key, value in pairs) + "\n\n" + body
    result = validate_event(parse(text), path="f.md", relative=PurePosixPath("events/f.md"), geo=geography())
    assert (result.item is None) == bool(result.problems)
    assert all(problem.line >= 1 and problem.message for problem in result.problems)


@FAST
@given(st.text(max_size=40))
def test_any_date_text_parses_or_says_why(text):
    try:
        value = dates.parse_datetime(text)
    except dates.DateError as error:
        assert str(error)
    else:
        assert value.tzinfo is not None


@FAST
@given(st.one_of(st.text(max_size=30), st.from_regex(r"\d{5} [A-Za-zéè -]{1,20}", fullmatch=True),
                 st.from_regex(r"[0-9][0-9AB][0-9]{3}", fullmatch=True)))
def test_any_commune_text_resolves_or_says_why(text):
    try:
        commune = geography().resolve(text)
    except CommuneError as error:
        assert str(error)
    else:
        assert commune.department.region.name


@FAST
@given(st.text(max_size=300))
def test_sanitised_html_never_carries_script(html):
    for cleaned in (sanitize_html(html), render_markdown(html)):
        lowered = cleaned.lower()
        assert "<script" not in lowered and not re.search(r"<[^>]*\son\w*=", lowered)
        assert not re.search(r"""(href|src)=["']?\s*(javascript|data|vbscript):""", lowered)


@FAST
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_any_spreadsheet_bytes_give_records_or_a_source_error(data):
    try:
        rows = table(csv_sheets(data), EVENT_COLUMNS).rows
    except SourceError as error:
        assert str(error)
    else:
        for row in rows:
            assert event_record(row).origin == f"ligne {row.number}"


@FAST
@given(st.text(max_size=300))
def test_any_calendar_text_gives_records_or_a_source_error(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("ics")
    (root / "agenda.ics").write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + text + "\r\nEND:VCALENDAR\r\n",
                                     encoding="utf-8")
    summary = ICalendarImporter(source("ics", "icalendar", "agenda.ics"), make_context(root)).run()
    assert isinstance(summary.error, str)  # the property: run() returns, with or without an error


@FAST
@given(st.lists(st.sampled_from(["BEGIN:VEVENT", "END:VEVENT", "UID:x", "DTSTART:20261203T090000Z",
                                 "DTEND:20261203T100000Z", "DTSTART;VALUE=DATE:20261203", "RRULE:FREQ=WEEKLY;COUNT=3",
                                 "RRULE:FREQ=NONSENSE", "SUMMARY:Atelier", "LOCATION:31000 Toulouse", "STATUS:CANCELLED",
                                 "EXDATE:20261210T090000Z", "RECURRENCE-ID:20261210T090000Z", "DTSTART:2026"]),
                max_size=14))
def test_shuffled_calendar_lines_give_records_or_a_source_error(tmp_path_factory, lines):
    root = tmp_path_factory.mktemp("ics")
    (root / "agenda.ics").write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "\r\n".join(lines) + "\r\nEND:VCALENDAR\r\n",
                                     encoding="utf-8")
    summary = ICalendarImporter(source("ics", "icalendar", "agenda.ics"), make_context(root)).run()
    assert isinstance(summary.error, str)
