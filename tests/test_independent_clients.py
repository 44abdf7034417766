"""The sample site read by programs other than ours: the Nu HTML Checker, ical.js, a Radicale CalDAV
server, feedparser, and RFC 4287's rules for Atom checked element by element."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from base64 import b64encode
from datetime import datetime
from pathlib import Path

import feedparser
import icalendar
import pytest
from lxml import etree

from tests.conftest import ROOT
from tests.local_servers import free_port, wait_until_listening

sys.path.insert(0, str(ROOT / "plugins"))
from agenda_feeds.calendar import calendar_uid

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
ATOM = "{http://www.w3.org/2005/Atom}"
requires_java = pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("CI"),
                                   reason="no Java runtime (make test installs one)")


@requires_java
def test_the_nu_html_checker_finds_no_error_on_any_page(sample_site):
    pages = sorted(str(path) for path in sample_site.output.rglob("*.html"))
    assert len(pages) > 300
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    errors = [f"{m['url'].rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
              for m in json.loads(result.stderr)["messages"]]
    assert errors == []


def ical_js(paths: list[Path]) -> dict:
    result = subprocess.run(["node", str(ROOT / "tests/clients/ical_check.mjs"), *map(str, paths)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=True)
    return json.loads(result.stdout)


def test_ical_js_reads_every_calendar_and_places_every_event_where_open_data_does(sample_site):
    calendars = sorted(sample_site.output.rglob("*.ics"))
    report = ical_js(calendars)
    assert [f"{path}: {error}" for path, found in report.items() for error in found["errors"]] == []
    records = json.loads((sample_site.output / "donnees/evenements.json").read_text(encoding="utf-8"))
    expected = {calendar_uid(r["uid"], "agenda-emploi"): r for r in records}
    whole = report[str(sample_site.output / "evenements/agenda.ics")]["events"]
    assert len(whole) > 100
    zones = set()
    for event in whole:
        record = expected[event["uid"]]
        if event["allDay"]:
            assert event["start"] == record["debut"][:10]
        else:
            assert datetime.fromisoformat(event["start"]) == datetime.fromisoformat(record["debut"]), event["summary"]
            assert event["tzid"] == record["fuseau_horaire"]
            zones.add(event["tzid"])
    assert {"America/Guadeloupe", "America/Cayenne", "Indian/Reunion", "Indian/Mayotte"} <= zones


@pytest.fixture
def radicale(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}", "--auth-type", "none",
         "--storage-filesystem-folder", str(tmp_path / "collections"), "--logging-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_listening(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def dav(method: str, url: str, body: bytes = b"", **headers) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body or None, method=method, headers={
        "Authorization": "Basic " + b64encode(b"agence:secret").decode(), **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_caldav_server_stores_each_event_under_its_uid_and_gives_it_back(sample_site, radicale):
    """What a calendar client does with a subscription: one resource per event, named after its UID."""
    source = icalendar.Calendar.from_ical((sample_site.output / "evenements/agenda.ics").read_bytes())
    collection = f"{radicale}/agence/emploi/"
    assert dav("MKCALENDAR", collection)[0] == 201
    zones = {str(zone["TZID"]): zone for zone in source.walk("VTIMEZONE")}
    events = source.walk("VEVENT")
    for event in events:
        single = icalendar.Calendar()
        single.add("prodid", "-//test//FR")
        single.add("version", "2.0")
        tzid = event["DTSTART"].params.get("TZID")
        if tzid:
            single.add_component(zones[tzid])
        single.add_component(event)
        status, body = dav("PUT", f"{collection}{event['UID']}.ics", single.to_ical(),
                           **{"Content-Type": "text/calendar; charset=utf-8"})
        assert status == 201, (str(event["UID"]), body[:200])
    status, body = dav("GET", collection)
    assert status == 200
    back = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}
    assert len(back) == len(events)
    for event in events:
        returned = back[str(event["UID"])]
        assert returned.decoded("DTSTART") == event.decoded("DTSTART") and str(returned["SUMMARY"]) == str(
            event["SUMMARY"])


def test_every_feed_parses_without_error(sample_site):
    feeds = sorted([*sample_site.output.rglob("*.rss"), *sample_site.output.rglob("*.atom")])
    assert len(feeds) > 100
    assert [str(path) for path in feeds if feedparser.parse(path.read_bytes()).bozo] == []
    rss = feedparser.parse((sample_site.output / "evenements/occitanie/flux.rss").read_bytes())
    assert rss.feed.link == "http://127.0.0.1:8000/evenements/occitanie/"  # the page, not the feed


def test_every_atom_feed_follows_rfc_4287(sample_site):
    """§4.1.1: author (on the feed, so on every entry), id, title, updated; a self link with its type;
    §4.1.2: every entry has id, title, updated and an alternate link; ids are unique; dates RFC 3339."""
    for path in sorted(sample_site.output.rglob("*.atom")):
        feed = etree.parse(str(path)).getroot()
        where = str(path.relative_to(sample_site.output))
        assert feed.tag == f"{ATOM}feed", where
        assert feed.findtext(f"{ATOM}author/{ATOM}name"), where
        for name in ("id", "title", "updated"):
            assert feed.findtext(f"{ATOM}{name}"), (where, name)
        self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert [(link.get("type"), link.get("href").endswith(path.name)) for link in self_links] == [
            ("application/atom+xml", True)], where
        ids = []
        for entry in feed.findall(f"{ATOM}entry"):
            for name in ("id", "title", "updated"):
                assert entry.findtext(f"{ATOM}{name}"), (where, name)
            datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
            assert [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
            assert entry.find(f"{ATOM}summary").get("type") == "html"
            ids.append(entry.findtext(f"{ATOM}id"))
        assert len(ids) == len(set(ids)), where
