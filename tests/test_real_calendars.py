"""Real calendar exports (tests/fixtures/sources/real/, origins in its README): every occurrence that
recurring-ical-events gives in the import window is written once, under a short, unique name."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import icalendar
import recurring_ical_events

from catalogue.dates import PARIS
from catalogue.frontmatter import parse
from importers.ical import ICalendarImporter
from tests.importers_support import FIXTURES, make_context, source

REAL = FIXTURES / "real"


def test_an_exchange_series_with_a_long_uid_gives_every_occurrence_once(tmp_path):
    name = "exchange-2010-daily-series.ics"
    (tmp_path / name).write_bytes((REAL / name).read_bytes())
    now = datetime(2021, 5, 10, 8, 0, tzinfo=PARIS)
    config = replace(source("agence", "icalendar", name, place="31000 Toulouse", horizon_days=60),
                     contact="05 61 00 00 00")
    summary = ICalendarImporter(config, make_context(tmp_path, now=now)).run()
    calendar = icalendar.Calendar.from_ical((REAL / name).read_bytes())
    expected = sorted((o.start.astimezone(PARIS).strftime("%Y-%m-%d %H:%M"), str(o["SUMMARY"]))
                      for o in recurring_ical_events.of(calendar).between(now.replace(day=1), now.replace(month=7)))
    assert len(expected) == 18
    assert (summary.created, summary.rejected, summary.problems) == (18, 0, [])
    files = sorted((tmp_path / "content/events/imports/agence").glob("*.md"))
    written = sorted((parse(path.read_text(encoding="utf-8")).fields["start"].value,
                      parse(path.read_text(encoding="utf-8")).fields["title"].value) for path in files)
    assert written == expected  # occurrence by occurrence, the moved one included
    assert ("2021-05-13 20:00", "rec44_edit") in written
    uids = {parse(path.read_text(encoding="utf-8")).fields["uid"].value for path in files}
    assert len(uids) == 18 and max(len(path.stem) for path in files) <= 60
