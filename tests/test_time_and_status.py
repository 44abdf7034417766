"""Times are local times of the event's commune, everywhere; one availability, never contradicted."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import available_timezones

import icalendar
import pytest

from catalogue import zones
from catalogue.geography import geography
from tests.conftest import FIXTURE_SITE, Site, build_site

BASE = "http://127.0.0.1:8000"
EVENTS = {  # file name -> header lines (the body is one sentence)
    "guadeloupe": """Title: Job dating hôtellerie en Guadeloupe
Start: 2026-12-10 08:00
End: 12:00
Type: job dating
Mode: onsite
Organizer: France Travail Pointe-à-Pitre
Organizer_url: https://www.francetravail.fr
Commune: 97110 Pointe-à-Pitre
Address: 2 rue Schoelcher
Registration: https://evenements.example.org/gp-1
Places_onsite: 30
Places_left: 12""",
    "noumea": """Title: Forum de l'emploi de Nouméa
Start: 2026-12-10 08:00
End: 12:00
Type: forum
Mode: onsite
Organizer: Province Sud
Commune: 98800 Nouméa""",
    "toute-la-journee": """Title: Journée portes ouvertes
Start: 2026-12-11
End: 2026-12-11
Type: autre
Mode: onsite
Organizer: France Travail Toulouse
Commune: 31000 Toulouse
Registration: sans inscription""",
    "nuit-du-changement": """Title: Nuit de recrutement logistique
Start: 2027-10-30 20:00
End: 2027-10-31 10:00
Type: recrutement
Mode: onsite
Organizer: France Travail Toulouse
Commune: 31000 Toulouse""",
    "ete": """Title: Atelier d'été
Start: 2027-06-15 09:00
End: 11:00
Type: atelier
Mode: onsite
Organizer: France Travail Toulouse
Commune: 31000 Toulouse""",
    "martinique-en-ligne": """Title: Webinaire des métiers de la mer
Start: 2026-12-12 09:00
End: 10:00
Type: atelier
Mode: online
Organizer: France Travail Martinique
Url: https://visio.example.org/mer
Timezone: America/Martinique""",
    "reporte": """Title: Salon reporté
Start: 2026-12-14 09:00
End: 17:00
Type: forum
Mode: onsite
Organizer: France Travail Toulouse
Commune: 31000 Toulouse
Registration: https://evenements.example.org/reporte
Places_onsite: 100
Places_left: 40
Status: reporté""",
    "inscriptions-closes": """Title: Recrutement agents d'entretien
Start: 2026-12-15 09:00
End: 12:00
Type: recrutement
Mode: onsite
Organizer: France Travail Toulouse
Commune: 31000 Toulouse
Registration: https://evenements.example.org/closes
Registration_end: 2026-11-30 18:00
Places_onsite: 20
Places_left: 5""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("zones")
    events = base / "content" / "events"
    events.mkdir(parents=True)
    for name, header in EVENTS.items():
        (events / f"{name}.md").write_text(f"{header}\n\nUne description en une phrase.\n", encoding="utf-8")
    (base / "content" / "services").mkdir()
    import shutil

    shutil.copytree(FIXTURE_SITE / "pages", base / "content" / "pages")
    return Site(build_site(base / "content", base / "output"))


def date_of(page) -> str:
    """The "Date" fact as a reader hears it."""
    return " ".join(page.select_one(".facts dd").get_text().split())


def json_ld(site: Site, slug: str) -> dict:
    return json.loads(site.page(f"evenement/{slug}").select_one('script[type="application/ld+json"]').string)


def vevent(site: Site, slug: str):
    calendar = icalendar.Calendar.from_ical((site.output / f"evenement/{slug}/{slug}.ics").read_bytes())
    return calendar, next(iter(calendar.walk("VEVENT")))


def test_every_zone_of_the_table_is_a_real_iana_zone_and_every_overseas_commune_has_one():
    assert set(zones.LABELS) <= available_timezones()
    overseas = [c for c in geography().communes.values() if c.department.code >= "97"]
    assert {c.department.code for c in overseas} <= set(zones.BY_DEPARTMENT)
    by_name = {c.name: c for c in overseas}
    assert by_name["Pointe-à-Pitre"].timezone == "America/Guadeloupe"
    assert by_name["Nuku-Hiva"].timezone == "Pacific/Marquesas" and by_name["Papeete"].timezone == "Pacific/Tahiti"
    assert geography().resolve("31000 Toulouse").timezone == "Europe/Paris"


def test_an_overseas_event_reads_in_local_time_and_names_its_zone(site):
    page = site.page("evenement/guadeloupe")
    assert date_of(page) == "jeudi 10 décembre 2026, 8 h – 12 h, heure de la Guadeloupe (13 h – 17 h à Paris)"
    assert date_of(site.page("evenement/noumea")) == (
        "jeudi 10 décembre 2026, 8 h – 12 h, heure de la Nouvelle-Calédonie (mercredi 9 décembre 2026, 22 h à Paris)")


def test_calendars_carry_the_events_zone_and_its_vtimezone(site):
    calendar, event = vevent(site, "guadeloupe")
    assert event["DTSTART"].params["TZID"] == "America/Guadeloupe"
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 12, 10, 12, 0, tzinfo=UTC)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/Guadeloupe"]
    whole = icalendar.Calendar.from_ical((site.output / "evenements/agenda.ics").read_bytes())
    assert {str(tz["TZID"]) for tz in whole.walk("VTIMEZONE")} == {
        "America/Guadeloupe", "America/Martinique", "Europe/Paris", "Pacific/Noumea"}
    _, online = vevent(site, "martinique-en-ligne")  # an online event keeps its organiser's zone
    assert online["DTSTART"].params["TZID"] == "America/Martinique"


def test_json_ld_open_data_calendar_links_and_search_use_the_local_time(site):
    assert json_ld(site, "guadeloupe")["startDate"] == "2026-12-10T08:00:00-04:00"
    assert json_ld(site, "noumea")["endDate"] == "2026-12-10T12:00:00+11:00"
    page = site.page("evenement/guadeloupe")
    google = parse_qs(urlsplit(page.find("a", string="Google Agenda")["href"]).query)
    assert google["ctz"] == ["America/Guadeloupe"] and google["dates"] == ["20261210T080000/20261210T120000"]
    outlook = parse_qs(urlsplit(page.find("a", string="Outlook sur le web")["href"]).query)
    assert outlook["startdt"] == ["2026-12-10T08:00:00-04:00"]
    records = {r["uid"]: r for r in json.loads((site.output / "donnees/evenements.json").read_text())}
    assert records["events/guadeloupe"]["debut"] == "2026-12-10T08:00:00-04:00"
    assert records["events/guadeloupe"]["fuseau_horaire"] == "America/Guadeloupe"
    index = site.output / "recherche/index"
    manifest = json.loads((index / "manifest.json").read_text())
    documents = [d for n in range(manifest["chunks"]) for d in json.loads((index / f"docs-{n}.json").read_text())]
    guadeloupe = next(d for d in documents if d["u"] == "/evenement/guadeloupe/")
    assert guadeloupe["w"] == "jeudi 10 décembre 2026, 8\u00a0h (heure de la Guadeloupe)"
    days = json.loads((index / "facets.json").read_text())["d"]
    noumea = next(d for d in documents if d["u"] == "/evenement/noumea/")
    day0 = datetime.fromisoformat(manifest["day0"]).date()
    assert day0 + timedelta(days=days[noumea["n"]]) == datetime(2026, 12, 10).date()  # its own day, not Paris's


def test_summer_time_and_the_night_the_clocks_go_back(site):
    assert json_ld(site, "ete")["startDate"] == "2027-06-15T09:00:00+02:00"
    night = json_ld(site, "nuit-du-changement")
    assert (night["startDate"], night["endDate"]) == ("2027-10-30T20:00:00+02:00", "2027-10-31T10:00:00+01:00")
    _, event = vevent(site, "nuit-du-changement")
    start, end = (event.decoded(name).astimezone(UTC) for name in ("DTSTART", "DTEND"))
    assert end - start == timedelta(hours=15)
    assert event.decoded("DTEND").utcoffset() == timedelta(hours=1)


def test_an_all_day_event_reads_toute_la_journee_and_is_a_date_in_calendars(site):
    page = site.page("evenement/toute-la-journee")
    assert date_of(page) == "vendredi 11 décembre 2026, toute la journée"
    _, event = vevent(site, "toute-la-journee")
    assert event["DTSTART"].to_ical() == b"20261211" and event["DTEND"].to_ical() == b"20261212"
    assert json_ld(site, "toute-la-journee")["startDate"] == "2026-12-11"
    google = parse_qs(urlsplit(page.find("a", string="Google Agenda")["href"]).query)
    assert google["dates"] == ["20261211/20261212"]


def test_open_registration_shows_places_left_and_offers_in_stock(site):
    page = site.page("evenement/guadeloupe")
    assert site.facts(page)["Places"] == "30 sur place — 12 places restantes"
    assert page.select_one(".register a.button")["href"] == "https://evenements.example.org/gp-1"
    assert not page.select(".badge")
    data = json_ld(site, "guadeloupe")
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["organizer"] == {"@type": "Organization", "name": "France Travail Pointe-à-Pitre",
                                 "url": "https://www.francetravail.fr"}
    assert data["location"]["address"] == {"@type": "PostalAddress", "postalCode": "97110",
                                           "addressLocality": "Pointe-à-Pitre", "addressRegion": "Guadeloupe",
                                           "addressCountry": "FR", "streetAddress": "2 rue Schoelcher"}
    assert data["description"] == "Une description en une phrase."
    assert data["image"] == [f"{BASE}/images/evenements/job-dating.png"]
    assert page.select_one('meta[property="og:image"]')["content"] == data["image"][0]
    assert (site.output / "images/evenements/job-dating.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_postponed_event_offers_no_registration_nor_calendar_for_the_old_date(site):
    page = site.page("evenement/reporte")
    assert page.select_one(".badge-postponed").get_text() == "Reporté"
    assert site.registration(page) == "Inscription Inscriptions suspendues jusqu'à l'annonce de la nouvelle date."
    assert site.facts(page)["Places"] == "100 sur place"  # no "40 places restantes" beside a postponement
    assert not page.select(".register a.button") and not page.select(".add-to-calendar")
    data = json_ld(site, "reporte")
    assert data["eventStatus"] == "https://schema.org/EventPostponed" and "offers" not in data


def test_closed_registration_is_said_once(site):
    page = site.page("evenement/inscriptions-closes")
    assert page.select_one(".badge-closed").get_text() == "Inscriptions closes"
    assert site.registration(page) == "Inscription Les inscriptions sont closes depuis le lundi 30 novembre 2026, 18 h."
    assert site.facts(page)["Places"] == "20 sur place"
    assert "offers" not in json_ld(site, "inscriptions-closes")
    assert page.select(".add-to-calendar")  # the event still takes place


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Start: 2027-03-28 02:30\nEnd: 04:00\nCommune: 31000 Toulouse",
         "Start: le 28/03/2027 à 2h30 n'existe pas : cette nuit-là, les horloges avancent d'une heure"),
        ("Start: 2026-12-10 08:00\nEnd: 12:00\nCommune: 97110 Pointe-à-Pitre\nTimezone: Europe/Paris",
         "Timezone: le fuseau Europe/Paris ne correspond pas à la commune Pointe-à-Pitre (heure de la Guadeloupe)"),
        ("Start: 2026-12-10 08:00\nEnd: 12:00\nCommune: 31000 Toulouse\nStatus: complet\nPlaces_onsite: 60\n"
         "Places_left: 18", "Status: statut « complet » alors qu'il reste 18 place(s)"),
        ("Start: 2026-12-10 08:00\nEnd: 08:00\nCommune: 31000 Toulouse",
         "End: la fin est à la même heure que le début"),
        ("Start: 2026-12-10 08:00\nEnd: 12:00\nCommune: 31000 Toulouse\nRegistration: sans inscription\n"
         "Registration_end: 2026-12-09", "Registration_end: une clôture des inscriptions pour un événement sans"),
    ],
)
def test_contradictions_and_impossible_times_are_refused_in_french(tmp_path, header, message):
    from catalogue.validation import load

    folder = tmp_path / "events"
    folder.mkdir()
    path = folder / "bad.md"
    path.write_text(f"Title: Essai\nType: atelier\nMode: onsite\nOrganizer: Agence\n{header}\n", encoding="utf-8")
    result = load(path, tmp_path, geography(), "events/bad.md")
    assert result.item is None
    assert any(str(problem).split(": ", 1)[1].startswith(message) for problem in result.problems), result.problems


OVERSEAS_ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Test//FR\r
BEGIN:VEVENT\r
UID:flottant@agence.example.org\r
DTSTAMP:20261101T000000Z\r
DTSTART:20261210T080000\r
DTEND:20261210T120000\r
SUMMARY:Atelier CV à Saint-Pierre\r
LOCATION:Maison de l'emploi, 97410 Saint-Pierre\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:paris@agence.example.org\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20261211T050000\r
DTEND;TZID=Europe/Paris:20261211T070000\r
SUMMARY:Réunion planifiée depuis Paris\r
LOCATION:97410 Saint-Pierre\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:visio@agence.example.org\r
DTSTAMP:20261101T000000Z\r
DTSTART:20261212T090000\r
DTEND:20261212T100000\r
SUMMARY:Atelier en visio\r
LOCATION:https://visio.example.org/atelier\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_floating_calendar_time_is_local_and_a_zoned_one_keeps_its_instant(tmp_path):
    """A floating DTSTART is a local time of the commune (Réunion); a Paris TZID is converted to it."""
    from importers.ical import ICalendarImporter
    from tests.importers_support import make_context, source, written

    (tmp_path / "agenda.ics").write_text(OVERSEAS_ICS, encoding="utf-8")
    config = replace(source("reunion", "icalendar", "agenda.ics"), timezone="Indian/Reunion")
    summary = ICalendarImporter(config, make_context(tmp_path)).run()
    assert (summary.created, summary.rejected) == (3, 0), summary.problems
    files = written(tmp_path, "events/imports/reunion")
    assert (files["flottant"]["start"], files["flottant"]["end"]) == ("2026-12-10 08:00", "2026-12-10 12:00")
    assert files["paris"]["start"] == "2026-12-11 08:00"  # 5 h in Paris is 8 h in La Réunion
    assert "timezone" not in files["paris"]  # the commune says it
    # online, no commune: the source's zone (the organiser's), and its floating time is local there
    assert (files["visio"]["start"], files["visio"]["timezone"]) == ("2026-12-12 09:00", "Indian/Reunion")
