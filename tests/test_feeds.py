"""Feeds read by independent parsers: feedparser for RSS/Atom, `ical` and icalendar for calendars."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from ical.calendar_stream import IcsCalendarStream

from tests.conftest import Site, build_site, make_content

BASE = "http://127.0.0.1:8000"
DST_EVENTS = {
    # last Sunday of October 2026 (back to UTC+1) and last Sunday of March 2027 (to UTC+2)
    "dst-octobre": ("2026-10-25 10:00", "2026-10-25 12:00"),
    "dst-mars": ("2027-03-28 10:00", "2027-03-28 12:00"),
}



def text_of(html: str) -> str:
    """What a feed reader shows of an HTML description."""
    return BeautifulSoup(html, "html.parser").get_text()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("feeds")
    content = make_content(base / "content")
    for name, (start, end) in DST_EVENTS.items():
        (content / "events" / f"{name}.md").write_text(
            f"Title: Atelier {name}\nStart: {start}\nEnd: {end}\nType: atelier\nMode: onsite\n"
            "Organizer: Agence\nCommune: 31555\nGeo: 43.6045, 1.4440\n", encoding="utf-8")
    return Site(build_site(content, base / "output"))


def parse_feed(site: Site, path: str):
    feed = feedparser.parse((site.output / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def parse_calendar(site: Site, path: str):
    """Parsed by both libraries; returns the `ical` library's calendar (the stricter one)."""
    data = (site.output / path).read_bytes()
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    icalendar.Calendar.from_ical(data)
    return IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


@pytest.mark.parametrize(
    ("scope", "titles"),
    [
        ("evenements", ["Visite d'une usine aéronautique", "Job dating restauration",
                        "Réunion d'information sur les métiers du soin", "Salon en ligne du commerce",
                        "Atelier LinkedIn", "Forum de l'alternance", "Recrutement agents de tri",
                        "Permanence emploi", "Atelier dst-mars"]),
        ("evenements/occitanie/haute-garonne", ["Visite d'une usine aéronautique", "Job dating restauration",
                                                "Recrutement agents de tri",
                                                "Atelier dst-mars"]),
        ("evenements/occitanie/gard", ["Réunion d'information sur les métiers du soin"]),
        ("evenements/type/atelier", ["Atelier LinkedIn", "Atelier dst-mars"]),
        ("evenements/a-distance", ["Salon en ligne du commerce", "Atelier LinkedIn"]),
    ],
)
def test_each_scope_feed_holds_exactly_its_events(built, scope, titles):
    """Upcoming events and those ended in the last 14 days (the visit on 20 November); not older ones."""
    rss, atom = parse_feed(built, f"{scope}/flux.rss"), parse_feed(built, f"{scope}/flux.atom")
    strip = [entry.title.removesuffix(" (annulé)").removesuffix(" (complet)").removesuffix(" (reporté)")
             for entry in rss.entries]
    assert strip == titles
    assert [entry.title for entry in atom.entries] == [entry.title for entry in rss.entries]
    calendar = parse_calendar(built, f"{scope}/agenda.ics")
    assert sorted(event.summary for event in calendar.events) == sorted(titles)


def test_feed_items_carry_link_date_place_and_organiser(built):
    feed = parse_feed(built, "evenements/occitanie/flux.atom")
    entry = next(e for e in feed.entries if e.title == "Job dating restauration")
    assert entry.link == f"{BASE}/evenement/job-dating-toulouse/"
    assert "Quand : jeudi 3 décembre 2026, de 9 h 30 à 12 h 30" in entry.summary
    assert "Où : Agence Toulouse Occitane, 12 rue d'Austerlitz, 31000 Toulouse" in entry.summary
    assert "Organisateur : France Travail Toulouse Occitane" in entry.summary
    assert feed.feed.language == "fr"
    cancelled = next(e for e in feed.entries if "soin" in e.title)
    assert cancelled.title.endswith("(annulé)")


def test_calendar_events_are_complete_and_cancelled_ones_say_so(built):
    calendar = icalendar.Calendar.from_ical((built.output / "evenements/agenda.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Agenda de l'emploi"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT6H" and str(calendar["X-PUBLISHED-TTL"]) == "PT6H"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris", "Indian/Reunion"]
    assert "METHOD" not in calendar  # no ORGANIZER: a published calendar claims no iTIP method
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    job = events["Job dating restauration"]
    # "/" is not a resource name character: replaced, with a hash of the original uid
    assert re.fullmatch(r"events-job-dating-toulouse-[0-9a-f]{8}@agenda-emploi", str(job["UID"]))
    assert job["DTSTART"].params["TZID"] == "Europe/Paris"
    assert str(job["URL"]) == f"{BASE}/evenement/job-dating-toulouse/"
    assert "12 rue d'Austerlitz, 31000 Toulouse" in str(job["LOCATION"])
    assert "<" not in str(job["DESCRIPTION"]) and "Des restaurants de Toulouse recrutent" in str(job["DESCRIPTION"])
    assert str(events["Réunion d'information sur les métiers du soin"]["STATUS"]) == "CANCELLED"
    assert str(events["Atelier LinkedIn"]["STATUS"]) == "CONFIRMED"
    geo = events["Atelier dst-mars"]["GEO"]
    assert (geo.latitude, geo.longitude) == (43.6045, 1.444)


@pytest.mark.parametrize(("name", "utc_start"), [("dst-octobre", datetime(2026, 10, 25, 9, 0, tzinfo=UTC)),
                                                  ("dst-mars", datetime(2027, 3, 28, 8, 0, tzinfo=UTC))])
def test_times_are_right_across_daylight_saving_changes(built, name, utc_start):
    calendar = parse_calendar(built, f"evenement/{name}/{name}.ics")
    (event,) = calendar.events
    assert event.dtstart.astimezone(UTC) == utc_start


def test_per_event_calendar_and_add_to_calendar_links(built):
    page = built.page("evenement/job-dating-toulouse")
    links = {a.get_text(): a["href"] for a in page.select(".add-to-calendar a")}
    assert links["Fichier agenda (.ics) pour Job dating restauration"] == "/evenement/job-dating-toulouse/job-dating-toulouse.ics"
    google = parse_qs(urlsplit(links["Google Agenda"]).query)
    assert google["dates"] == ["20261203T093000/20261203T123000"] and google["ctz"] == ["Europe/Paris"]
    assert google["text"] == ["Job dating restauration"]
    outlook = parse_qs(urlsplit(links["Outlook sur le web"]).query)
    assert outlook["startdt"] == ["2026-12-03T09:30:00+01:00"]
    (event,) = parse_calendar(built, "evenement/job-dating-toulouse/job-dating-toulouse.ics").events
    assert event.summary == "Job dating restauration"
    assert not built.page("evenement/reunion-annulee").select(".add-to-calendar")


def test_pages_link_their_scope_feeds(built):
    listing = built.page("evenements/occitanie/haute-garonne")
    alternates = {link["type"]: link["href"] for link in listing.select('head link[rel="alternate"]')}
    assert alternates == {"application/rss+xml": "/evenements/occitanie/haute-garonne/flux.rss",
                          "application/atom+xml": "/evenements/occitanie/haute-garonne/flux.atom",
                          "text/calendar": "/evenements/occitanie/haute-garonne/agenda.ics"}
    visible = [a["href"] for a in listing.select(".feeds a")]
    assert visible[0] == "webcal://127.0.0.1:8000/evenements/occitanie/haute-garonne/agenda.ics"
    event = built.page("evenement/job-dating-toulouse")
    assert event.select_one('head link[type="text/calendar"]')["href"].endswith("haute-garonne/agenda.ics")
    assert built.page("index.html").select_one('head link[type="application/rss+xml"]')["href"] == "/evenements/flux.rss"


def test_subscribe_page_offers_every_region_department_and_type(built):
    page = built.page("s-abonner")
    webcals = [a["href"] for a in page.select("a") if a["href"].startswith("webcal://")]
    assert "webcal://127.0.0.1:8000/evenements/occitanie/agenda.ics" in webcals
    assert "webcal://127.0.0.1:8000/evenements/occitanie/herault/agenda.ics" in webcals
    assert "webcal://127.0.0.1:8000/evenements/type/job-dating/agenda.ics" in webcals
    copyable = {field["value"] for field in page.select("input.copy")}
    assert f"{BASE}/evenements/la-reunion/agenda.ics" in copyable
    assert all(page.find("label", attrs={"for": field["id"]}) for field in page.select("input.copy"))
    text = page.get_text()
    assert "Google Agenda" in text and "Outlook" in text and "Apple Calendrier" in text


def test_uids_and_dates_are_stable_and_sequence_grows_after_an_edit(tmp_path):
    content = make_content(tmp_path / "content")
    first = Site(build_site(content, tmp_path / "one"))
    second = Site(build_site(content, tmp_path / "two", AGENDA_NOW="2026-12-01 09:00"))
    for path in ("evenements/flux.rss", "evenements/flux.atom", "evenements/agenda.ics"):
        assert (first.output / path).read_bytes() == (second.output / path).read_bytes()  # rebuilt, unchanged
    source = content / "events" / "forum-montpellier.md"
    source.write_text(source.read_text(encoding="utf-8").replace("16:00", "17:00"), encoding="utf-8")
    third = Site(build_site(content, tmp_path / "three", AGENDA_NOW="2026-12-01 10:00"))
    events = {e.summary: e for e in parse_calendar(third, "evenements/agenda.ics").events}
    before = {e.summary: e for e in parse_calendar(first, "evenements/agenda.ics").events}
    forum, unchanged = "Forum de l'alternance", "Job dating restauration"
    assert events[forum].uid == before[forum].uid
    assert (before[forum].sequence, events[forum].sequence) == (0, 1)
    assert events[unchanged].sequence == 0 and events[unchanged].dtstamp == before[unchanged].dtstamp
    assert events[forum].dtstamp == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    feed = parse_feed(third, "evenements/flux.atom")
    assert feed.feed.updated == "2026-12-01T10:00:00+01:00"


def test_feeds_are_bounded(tmp_path):
    content = make_content(tmp_path / "content")
    site = Site(build_site(content, tmp_path / "out", AGENDA_FEEDS={"max_items": 3}))
    titles = [entry.title for entry in parse_feed(site, "evenements/flux.rss").entries]
    # the event that ended 11 days ago (within recent_days) first, then the nearest upcoming ones
    assert titles == ["Visite d'une usine aéronautique", "Job dating restauration",
                      "Réunion d'information sur les métiers du soin (annulé)"]
    assert len(parse_calendar(site, "evenements/agenda.ics").events) == 3


def test_services_catalogue_feeds(built):
    feed = parse_feed(built, "services/flux.atom")
    assert sorted(entry.title for entry in feed.entries) == ["CV en ligne", "La Bonne Boîte"]
    entry = next(e for e in feed.entries if e.title == "La Bonne Boîte")
    assert entry.link == f"{BASE}/service/la-bonne-boite/"
    assert "Proposé par France Travail (gratuit) : https://labonneboite.example.org" in text_of(entry.summary)
    assert not parse_feed(built, "services/flux.rss").bozo
    assert built.page("services").select_one('head link[type="application/rss+xml"]')["href"] == "/services/flux.rss"


def test_every_page_links_feeds(built):
    for url in ("a-propos", "s-abonner", "donnees", "evenement/salon-en-ligne", "service/la-bonne-boite"):
        head = built.page(url).select('head link[rel="alternate"]')
        assert {link["type"] for link in head} >= {"application/rss+xml", "application/atom+xml"}, url
    visible = built.page("evenement/salon-en-ligne").select(".feeds a")
    assert visible[0]["href"] == "webcal://127.0.0.1:8000/evenements/a-distance/agenda.ics"
