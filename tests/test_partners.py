"""Partners and regional teams on the demo site: organiser pages (one organiser however its name is written),
feeds for every region and department and their combinations, read by independent parsers (feedparser,
icalendar), and the feed builder of the subscribe page in Chromium."""

from __future__ import annotations

import json
from datetime import datetime

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from catalogue.dates import PARIS
from tests.browser import Visit, requires_chromium
from tests.conftest import NOW, Site

BASE = "http://127.0.0.1:8000"
BORDEAUX = "organisateurs/france-travail-bordeaux/"
NOW_AT = datetime.fromisoformat(NOW).replace(tzinfo=PARIS)


def spaced(texts: list[str]) -> list[str]:
    """Texts with their no-break spaces (French typography: « information : ») read as spaces."""
    return [" ".join(text.split()) for text in texts]


def feed_titles(site: Site, path: str) -> list[str]:
    feed = feedparser.parse((site.output / path).read_bytes())
    assert not feed.bozo, (path, feed.get("bozo_exception"))
    return [entry.title for entry in feed.entries]


def calendar_events(site: Site, path: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site.output / path).read_bytes())
    return list(calendar.walk("VEVENT"))


def categories(event: icalendar.Event) -> list[str]:
    found = event.get("CATEGORIES", [])
    return [str(label) for prop in (found if isinstance(found, list) else [found]) for label in prop.cats]


def upcoming_titles(site: Site, path: str) -> list[str]:
    """The events of a calendar that have not ended, by start: what a listing or the widget shows."""
    found = [event for event in calendar_events(site, path) if event.decoded("DTEND") > NOW_AT]
    return [str(event["SUMMARY"]) for event in sorted(found, key=lambda event: event.decoded("DTSTART"))]


def test_one_organiser_written_two_ways_has_one_page_with_its_events_feeds_and_archive(sample_site):
    page = sample_site.page(BORDEAUX)
    assert " ".join(page.h1.get_text().split()) == "Événements à venir : France Travail Bordeaux"  # nbsp as spaces
    titles = spaced(sample_site.card_titles(BORDEAUX))
    # « FRANCE TRAVAIL - BORDEAUX » in the spreadsheet is the same organiser
    assert titles == ["Réunion d'information : devenir conducteur de tramway",
                      "Atelier : le numérique pour chercher un emploi"]
    assert sample_site.card_titles(f"{BORDEAUX}archives/") == ["Forum emploi des quartiers"]
    assert Site.facts(page)["Site"] == "https://www.francetravail.fr"
    for feed in ("flux.rss", "flux.atom"):
        assert spaced(feed_titles(sample_site, BORDEAUX + feed)) == titles
    assert spaced(upcoming_titles(sample_site, BORDEAUX + "agenda.ics")) == titles
    event = sample_site.page("evenement/exemple-agences-tableur-bdx-005/")
    link = event.find("dt", string="Organisateur").find_next("dd").a
    assert (link.get_text(), link["href"]) == ("FRANCE TRAVAIL - BORDEAUX", f"/{BORDEAUX}")
    embed = page.find("a", string="Afficher ses événements sur votre site")["href"]
    assert embed == "/integrer/?departement=33&organisateur=france-travail-bordeaux"


def test_an_organiser_with_a_usual_address_and_a_phone_shows_them(sample_site):
    facts = Site.facts(sample_site.page("organisateurs/mission-locale-metz/"))
    assert facts["Téléphone"].replace("\u00a0", " ").startswith("03 ")
    assert "57000 Metz" in facts["Adresse"]


def test_the_organisers_are_listed_by_region_and_department_and_merges_are_reported(sample_site):
    index = sample_site.page("organisateurs/")
    region = index.find("h2", string="Nouvelle-Aquitaine").find_parent("section")
    department = region.find("h3", string="Gironde (33)")
    assert "France Travail Bordeaux" in [a.get_text() for a in department.find_next("ul").select("a")]
    listed = sample_site.page("evenements/nouvelle-aquitaine/gironde/organisateurs/")
    assert "France Travail Bordeaux" in [a.get_text() for a in listed.select(".organizers a")]
    assert sample_site.page("evenements/nouvelle-aquitaine/gironde/").find(
        "a", string="Les organisateurs du département")
    report = json.loads((sample_site.output / "admin" / "rapport" / "rapport.json").read_text(encoding="utf-8"))
    merged = {entry["organisateur"]: entry["graphies"] for entry in report["organisateurs_reunis"]}
    assert merged["France Travail Bordeaux"] == [{"nom": "France Travail Bordeaux", "evenements": 2},
                                                 {"nom": "FRANCE TRAVAIL - BORDEAUX", "evenements": 1}]
    assert "« FRANCE TRAVAIL - BORDEAUX » (1)" in " ".join(sample_site.page("admin/rapport/").get_text().split())


@pytest.mark.parametrize("folder", [
    "evenements/nouvelle-aquitaine/creuse/",  # no event: a team subscribes before the first one
    "evenements/corse/",
    "evenements/corse/corse-du-sud/type/job-dating/",
])
def test_every_region_department_and_type_in_them_has_feeds_even_when_empty(sample_site, folder):
    assert feed_titles(sample_site, folder + "flux.rss") == []
    assert feed_titles(sample_site, folder + "flux.atom") == []
    assert calendar_events(sample_site, folder + "agenda.ics") == []
    assert sample_site.exists(folder) == ("/type/" not in folder)  # a listing page, but for the combinations


def test_a_department_without_events_leads_to_the_nearest_ones(sample_site):
    page = sample_site.page("evenements/nouvelle-aquitaine/creuse/")
    assert page.select_one(".lead").get_text(" ", strip=True).startswith("Aucun événement à venir")
    assert page.find("a", string="Voir les événements les plus proches")["href"] == "/recherche/?lieu=23"
    assert page.find("a", string="dans mon agenda")["href"].endswith("/evenements/nouvelle-aquitaine/creuse/agenda.ics")


@pytest.mark.parametrize(("folder", "whole", "kind"), [
    ("evenements/occitanie/haute-garonne/type/job-dating/", "evenements/occitanie/haute-garonne/", "Job dating"),
    ("evenements/occitanie/type/forum-salon/", "evenements/occitanie/", "Forum / salon de l'emploi"),
    ("evenements/public/jeunes/", "evenements/", None),
])
def test_combined_feeds_hold_exactly_their_events(sample_site, folder, whole, kind):
    """A type in a place: the place's calendar's events of that type, in RSS, Atom and iCalendar alike."""
    expected = [str(event["SUMMARY"]) for event in calendar_events(sample_site, whole + "agenda.ics")
                if kind is None or kind in categories(event)]
    found = [str(event["SUMMARY"]) for event in calendar_events(sample_site, folder + "agenda.ics")]
    if kind is None:  # an audience: a subset of every event
        assert found and set(found) < set(expected)
    else:
        assert found == expected and found
    assert feed_titles(sample_site, folder + "flux.rss") == feed_titles(sample_site, folder + "flux.atom")
    assert len(feed_titles(sample_site, folder + "flux.rss")) == len(found)


def test_feeds_and_calendars_carry_the_essentials_and_the_page_for_the_rest(sample_site):
    feed = feedparser.parse((sample_site.output / BORDEAUX / "flux.rss").read_bytes())
    entry = next(e for e in feed.entries if e.title.startswith("Atelier : le numérique"))
    single = icalendar.Calendar.from_ical((sample_site.output / "evenement" / "exemple-agences-tableur-bdx-005" /
                                           "exemple-agences-tableur-bdx-005.ics").read_bytes())
    described = str(next(iter(single.walk("VEVENT")))["DESCRIPTION"])
    subscribed = next(str(event["DESCRIPTION"]) for event in calendar_events(sample_site, BORDEAUX + "agenda.ics")
                      if str(event["SUMMARY"]).startswith("Atelier : le numérique"))
    assert described == subscribed  # the event's own file and every calendar it is in say the same
    page = sample_site.page("evenement/exemple-agences-tableur-bdx-005/")
    body = " ".join(page.select_one("#description + .prose").get_text(" ").split())[:40]
    for text in (described, BeautifulSoup(entry.summary, "html.parser").get_text()):
        assert "Quand" in text and "Inscription" in text
        assert "Plus d'informations : http://127.0.0.1:8000/evenement/exemple-agences-tableur-bdx-005/" in text
        assert body not in " ".join(text.split())  # the description itself is on the page


def test_the_subscribe_page_lists_the_prebuilt_feeds_without_javascript(sample_site):
    page = sample_site.page("s-abonner")
    webcals = {a["href"] for a in page.select("a") if a["href"].startswith("webcal://")}
    assert "webcal://127.0.0.1:8000/evenements/nouvelle-aquitaine/creuse/agenda.ics" in webcals  # empty today
    assert "webcal://127.0.0.1:8000/evenements/public/jeunes/agenda.ics" in webcals
    documented = page.find("h2", string="Les adresses des flux").find_parent("section").get_text()
    assert "/evenements/occitanie/haute-garonne/type/job-dating/agenda.ics" in documented
    assert page.select_one("form#composer")["hidden"] is not None  # the builder needs JavaScript


@requires_chromium
def test_the_feed_builder_gives_the_addresses_of_a_prebuilt_feed(browser_site):
    base, browser, site = browser_site
    visit = Visit(browser, base).open("s-abonner/")
    page = visit.page
    page.select_option("#flux-lieu", label="Haute-Garonne (31)")
    page.select_option("#flux-type", label="Job dating")
    assert page.text_content(".feed-result-title") == "Les événements à venir : Haute-Garonne (31), Job dating"
    addresses = [page.input_value(f"#flux-{name}") for name in ("ics", "rss", "atom")]
    assert addresses[0] == f"{BASE}/evenements/occitanie/haute-garonne/type/job-dating/agenda.ics"
    for address in addresses:
        assert (site.output / address.removeprefix(f"{BASE}/")).is_file(), address
    assert page.get_attribute(".feed-webcal", "href") == addresses[0].replace("http:", "webcal:")
    page.select_option("#flux-public", label="Jeunes (moins de 26 ans)")  # an audience goes with no place
    assert page.text_content(".feed-result-title").startswith("Ce choix n'a pas de flux")  # said, in role=status
    assert not page.is_visible(".feed-result-links")
    page.select_option("#flux-lieu", label="Toute la France")
    page.select_option("#flux-type", label="Tous les types")
    assert page.input_value("#flux-rss") == f"{BASE}/evenements/public/jeunes/flux.rss"
    assert visit.errors == [] and visit.violations == []
    page.close()
