from datetime import UTC, datetime, timedelta

import pytest

from catalogue import french
from catalogue.dates import PARIS, DateError, parse_datetime, parse_end


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


def test_an_offset_is_kept():
    value = parse_datetime("2026-12-03T09:30+04:00")
    assert value.utcoffset() == timedelta(hours=4)
    assert parse_datetime("2026-12-03T08:30Z") == datetime(2026, 12, 3, 9, 30, tzinfo=PARIS)


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
    assert french.span(start, start.replace(hour=12, minute=0)) == "mardi 1er décembre 2026, de 9\u00a0h\u00a030 à 12\u00a0h"
    utc = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    assert french.day(utc) == "mercredi 2 décembre 2026"  # shown in Paris time
