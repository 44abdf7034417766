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


EXCHANGE = (REAL / "exchange-2010-daily-series.ics").read_bytes().decode("utf-8")
MAY_10 = datetime(2021, 5, 10, 8, 0, tzinfo=PARIS)


def _variant(tmp_path, text: str, *, now: datetime = MAY_10, **options):
    """The real Exchange export, changed as another real export would be, imported for the agency."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "agenda.ics").write_text(text, encoding="utf-8", newline="")
    config = replace(source("agence", "icalendar", "agenda.ics", place="35000 Rennes", **{"horizon_days": 60} | options),
                     contact="02 99 00 00 00")
    return ICalendarImporter(config, make_context(tmp_path, now=now)).run()


def _files(tmp_path) -> list[dict[str, str]]:
    return [{name: found.value for name, found in parse(path.read_text(encoding="utf-8")).fields.items()}
            | {"body": parse(path.read_text(encoding="utf-8")).body, "text": path.read_text(encoding="utf-8")}
            for path in sorted((tmp_path / "content/events/imports/agence").glob("*.md"))]


def test_private_entries_invitations_and_attendees_are_never_published(tmp_path):
    invitation = ("ORGANIZER;CN=Camille Martin:mailto:camille.martin@francetravail.example\r\n"
                  "ATTENDEE;CN=Dominique Petit;ROLE=REQ-PARTICIPANT:mailto:dominique.petit@example.org\r\n")
    text = EXCHANGE.replace("CLASS:PUBLIC\r\n", "CLASS:PUBLIC\r\n" + invitation, 1)
    private = text.split("BEGIN:VEVENT", 2)  # the moved occurrence stays public: only the series is private
    summary = _variant(tmp_path, text, organizer="France Travail Rennes")
    files = _files(tmp_path)
    assert len(files) == 18 and summary.rejected == 0
    assert {f["organizer"] for f in files} == {"France Travail Rennes"}  # not the staff member who invited
    assert {f["contact"] for f in files} == {"02 99 00 00 00"}
    assert not any("Camille" in f["text"] or "Dominique" in f["text"] or "@" in f["contact"] for f in files)
    marked = private[0] + "BEGIN:VEVENT" + private[1].replace("CLASS:PUBLIC", "CLASS:PRIVATE") + "BEGIN:VEVENT" + private[2]
    summary = _variant(tmp_path / "private", marked)
    assert _files(tmp_path / "private") == []  # the series is private, its moved occurrence with it
    assert not any("rec44" in line for line in summary.problems)  # and it is never named


def test_a_teams_meeting_is_online_and_a_plain_web_page_is_not(tmp_path):
    teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ%40thread.v2/0?context=%7b%7d"
    text = EXCHANGE.replace(
        "LOCATION:\r\n", f"LOCATION:Réunion Microsoft Teams\r\nX-MICROSOFT-SKYPETEAMSMEETINGURL:{teams}\r\n", 1)
    _variant(tmp_path, text)
    modes = {(f["title"], f["mode"], f.get("url", ""), f.get("commune", "")) for f in _files(tmp_path)}
    assert len(modes) == 2
    assert ("rec44", "online", teams, "") in modes  # the series: online, with its join link
    hybrid = EXCHANGE.replace("LOCATION:\r\n", "LOCATION:Agence, 12 rue de Paris, 35000 Rennes\r\n", 1).replace(
        "DESCRIPTION:\\n", f"DESCRIPTION:Rejoindre : <{teams}>\\n", 1)
    _variant(tmp_path / "hybrid", hybrid)
    assert {(f["mode"], f["url"]) for f in _files(tmp_path / "hybrid") if f["title"] == "rec44"} == {("hybrid", teams)}
    page = EXCHANGE.replace("LOCATION:\r\n", "URL:https://www.francetravail.example/evenement/123\r\n", 1)
    _variant(tmp_path / "page", page)
    assert {(f["mode"], f["commune"], f.get("url")) for f in _files(tmp_path / "page")} == {("onsite", "35000 Rennes", None)}


def test_the_import_window_does_not_depend_on_the_time_of_day(tmp_path):
    morning = _variant(tmp_path / "morning", EXCHANGE, now=MAY_10.replace(hour=0, minute=5), horizon_days=10)
    evening = _variant(tmp_path / "evening", EXCHANGE, now=MAY_10.replace(hour=23, minute=55), horizon_days=10)
    assert morning.created == evening.created == 10  # 11 to 20 May, whole days, whatever the hour


def test_a_broken_series_is_skipped_by_name_and_its_published_occurrences_are_kept(tmp_path):
    good = _variant(tmp_path, EXCHANGE)
    assert good.created == 18
    broken = EXCHANGE.replace("RRULE:FREQ=DAILY;UNTIL=20210528T170000Z;INTERVAL=1", "RRULE:FREQ=SOMETIMES;UNTIL=20210528", 1)
    summary = _variant(tmp_path, broken)
    assert summary.cancelled == 0 and summary.rejected == 1
    assert any("UID 040000008200E00074C5B7101A82E0080000000009525DF5AC45D7" in line and "« rec44 »" in line
               and "règle de répétition (RRULE) illisible" in line for line in summary.problems)
    assert len(_files(tmp_path)) == 18 and not any(f.get("status") == "cancelled" for f in _files(tmp_path))
    backwards = EXCHANGE.replace("DTEND;TZID=W. Europe Standard Time:20210511T200000",
                                 "DTEND;TZID=W. Europe Standard Time:20210511T180000", 1)
    summary = _variant(tmp_path, backwards)  # an end typed before the start: refused, nothing cancelled
    assert (summary.rejected, summary.cancelled) == (1, 0)
    assert any("la fin (DTEND) est avant le début (DTSTART)" in line for line in summary.problems)


def test_an_occurrence_made_invalid_keeps_its_last_good_version(tmp_path):
    _variant(tmp_path, EXCHANGE)
    before = {f["title"]: f["text"] for f in _files(tmp_path)}
    typo = EXCHANGE.replace("SUMMARY:rec44_edit", "SUMMARY:", 1)  # staff emptied the moved one's title
    summary = _variant(tmp_path, typo)
    assert summary.rejected == 1 and summary.cancelled == 0
    assert any("la version déjà publiée est gardée" in line for line in summary.problems)
    assert {f["title"]: f["text"] for f in _files(tmp_path)}["rec44_edit"] == before["rec44_edit"]
    state = tmp_path / "content/events/imports/agence/.import-state.json"
    stamp = state.stat().st_mtime_ns
    _variant(tmp_path, typo)
    assert state.stat().st_mtime_ns == stamp  # nothing changed: the state file is not rewritten
