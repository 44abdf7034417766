from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from catalogue import french
from catalogue.dates import PARIS, DateError, format_iso, parse_datetime, parse_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-03 09:30", datetime(2026, 12, 3, 9, 30, tzinfo=PARIS)),
        ("2026-12-03T09:30", datetime(2026, 12, 3, 9, 30, tzinfo=PARIS)),
        ("03/12/2026 9h30", datetime(2026, 12, 3, 9, 30, tzinfo=PARIS)),
        ("03/12/2026 à 14h", datetime(2026, 12, 3, 14, 0, tzinfo=PARIS)),
        ("2026-12-03", datetime(2026, 12, 3, 0, 0, tzinfo=PARIS)),
        ("2026-07-01 10:00", datetime(2026, 7, 1, 10, 0, tzinfo=PARIS)),
    ],
)
def test_agency_spellings_are_paris_time(text, expected):
    assert parse_datetime(text) == expected


def test_an_offset_keeps_the_instant_shown_in_the_events_zone():
    value = parse_datetime("2026-12-03T09:30+04:00")
    assert value == datetime(2026, 12, 3, 5, 30, tzinfo=UTC)
    assert (value.tzinfo, value.hour) == (PARIS, 6)
    assert parse_datetime("2026-12-03T08:30Z") == datetime(2026, 12, 3, 9, 30, tzinfo=PARIS)
    guadeloupe = ZoneInfo("America/Guadeloupe")
    assert parse_datetime("2026-12-03T14:00+01:00", zone=guadeloupe) == datetime(2026, 12, 3, 9, 0, tzinfo=guadeloupe)


def test_a_local_time_is_read_in_the_events_zone():
    noumea = ZoneInfo("Pacific/Noumea")
    assert parse_datetime("03/12/2026 8h", zone=noumea).astimezone(UTC) == datetime(2026, 12, 2, 21, 0, tzinfo=UTC)


def test_a_time_in_the_spring_gap_is_refused():
    with pytest.raises(DateError, match=r"le 29/03/2026 à 2h30 n'existe pas .*passage à l'heure d'été"):
        parse_datetime("2026-03-29 02:30")
    with pytest.raises(DateError, match="n'existe pas"):
        parse_end("2h15", parse_datetime("2026-03-29 00:30"))


def test_the_autumn_hour_is_the_first_one_unless_an_offset_says_otherwise():
    first = parse_datetime("2026-10-25 02:30")
    assert first.utcoffset() == timedelta(hours=2)  # still summer time: the documented rule
    second = parse_datetime("2026-10-25 02:30+01:00")
    assert second.utcoffset() == timedelta(hours=1)
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)
    assert (format_iso(first), format_iso(second)) == ("2026-10-25 02:30+02:00", "2026-10-25 02:30+01:00")
    assert parse_datetime(format_iso(second)) == second  # written back without a shift
    assert format_iso(parse_datetime("2026-10-25 09:00")) == "2026-10-25 09:00"


def test_summer_and_winter_offsets_follow_paris():
    assert parse_datetime("2026-10-25 09:00").utcoffset() == timedelta(hours=1)  # after the change back
    assert parse_datetime("2026-10-24 09:00").utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2026", "le 31/02/2026 n'existe pas"),
        ("2026-13-01", "le 01/13/2026 n'existe pas"),
        ("03/12/2026 25h", "l'heure 25h00 n'existe pas"),
        ("demain matin", "« demain matin » n'est pas une date lisible"),
    ],
)
def test_unreadable_dates_say_why(text, message):
    with pytest.raises(DateError, match=message):
        parse_datetime(text)


def test_end_may_be_a_time_on_the_start_day():
    start = parse_datetime("2026-12-03 09:30")
    assert parse_end("12h30", start) == datetime(2026, 12, 3, 12, 30, tzinfo=PARIS)
    assert parse_end("2026-12-04", start) == datetime(2026, 12, 4, 23, 59, tzinfo=PARIS)


def test_french_spelling_of_dates():
    start = datetime(2026, 12, 1, 9, 30, tzinfo=PARIS)
    assert french.day(start) == "mardi 1er décembre 2026"
    assert french.clock(start) == "9\u00a0h\u00a030"
    utc = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    assert french.day(utc) == "mardi 1er décembre 2026"  # a value is written in its own zone
