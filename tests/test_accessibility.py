"""The demo site in Chromium: zero axe violations, keyboard use, page weight, metadata, favourites."""

from __future__ import annotations

import gzip
import json
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import Visit, requires_chromium

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "event on site": "evenement/exemple-agences-tableur-tls-001/",
    "event online": "evenement/exemple-agences-tableur-par-002/",
    "event cancelled": "evenement/exemple-agences-tableur-nim-001/",
    "region": "evenements/occitanie/",
    "department": "evenements/occitanie/haute-garonne/",
    "archives": "evenements/archives/",
    "services": "services/",
    "service": "service/la-bonne-boite/",
    "subscribe": "s-abonner/",
    "open data": "donnees/",
    "favourites": "mes-evenements/",
    "preferences": "mes-preferences/",
    "campaign": "evenements/campagne/1-jeune-1-solution/",
    "campaigns": "evenements/campagne/",
    "search with results": "recherche/?q=atelier",
    "accessibility": "accessibilite/",
    "agencies' guide": "publier-un-evenement/",
    "legal notice": "mentions-legales/",
    "search by audience": "recherche/?public=jeunes",
    "organisers": "organisateurs/",
    "organiser": "organisateurs/mission-locale-metz/",
    "a department's organisers": "evenements/grand-est/moselle/organisateurs/",
    "empty department": "evenements/nouvelle-aquitaine/creuse/",
    "snippet builder": "integrer/",
    "404": "404.html",
}
pytestmark = requires_chromium


def axe_violations(visit: Visit) -> list[str]:
    visit.page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated through the devtools protocol: no CSP issue
    result = visit.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})" for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_zero_axe_violations(browser_site, scheme):
    base, browser, _ = browser_site
    context = browser.new_context(color_scheme=scheme)
    visit = Visit(context, base)
    found = {}
    for name, url in PAGES.items():
        visit.open(url)
        visit.page.wait_for_selector(f"html[data-fr-theme='{scheme}']", state="attached")
        if "recherche" in url:
            visit.page.wait_for_selector(".search-results li")
        violations = axe_violations(visit)
        if violations:
            found[name] = violations
    context.close()
    assert found == {}


def test_keyboard_reaches_the_content_and_the_filters(browser_site):
    base, browser, _ = browser_site
    visit = Visit(browser, base).open("evenements/occitanie/")
    page = visit.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim().replace(/\\s+/g, ' ')"))
        if reached[-1].startswith("Affiner la liste"):  # the filters fold into one control: open it
            assert reached[-1] == "Affiner la liste 1 filtre actif"
            page.keyboard.press("Enter")
    assert any(text.startswith("Haute-Garonne (31)") for text in reached)  # a department filter, once opened
    assert any(text.startswith("Job dating restauration") for text in reached)  # an event card


def test_keyboard_walks_through_the_search_filters(browser_site):
    base, browser, _ = browser_site
    page = Visit(browser, base).open("recherche/?q=atelier").page
    page.wait_for_selector(".search-results li")
    page.focus("#q")
    focused = []
    for _ in range(17):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id || document.activeElement.name || ''"))
    assert focused[:2] == ["lieu", "lieu-rayon"]  # the place and its radius right after the words
    assert {"f-region", "f-departement", "f-type", "f-mode", "f-public", "f-secteur", "f-quand"} <= set(focused)
    page.focus("#f-type")
    page.keyboard.press("ArrowDown")  # choose a type with the keyboard only
    page.wait_for_url("**type=*")
    assert "type=" in page.url and page.inner_text(".search-status")


def test_landmarks_headings_and_language(browser_site):
    base, browser, _ = browser_site
    visit = Visit(browser, base)
    for name, url in PAGES.items():
        visit.open(url)
        page = visit.page
        assert page.evaluate("document.documentElement.lang") == "fr", name
        assert page.locator("header").count() >= 1 and page.locator("main").count() == 1, name
        assert page.locator("footer").count() == 1 and page.locator("h1").count() == 1, name
        levels = page.evaluate("[...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
                               ".map(h => Number(h.tagName[1]))")
        assert all(b - a <= 1 for a, b in pairwise(levels)), (name, levels)


def compressed_weight(output: Path, base: str, requests: list[str]) -> int:
    total = 0
    for url in dict.fromkeys(requests):
        path = urlsplit(url).path
        file = output / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        total += len(gzip.compress(file.read_bytes(), 9))
    return total


@pytest.mark.parametrize(("url", "budget"), [("evenement/exemple-agences-tableur-tls-001/", 150_000), ("", 250_000)])
def test_cold_load_weight_and_no_third_party(browser_site, url, budget):
    base, browser, site = browser_site
    context = browser.new_context()  # cold cache
    visit = Visit(context, base).open(url)
    visit.page.wait_for_load_state("networkidle")
    assert [r for r in visit.requests if not r.startswith(base)] == []
    weight = compressed_weight(site.output, base, visit.requests)
    context.close()
    assert weight <= budget, f"{weight} bytes"
    assert any(r.endswith(".woff2") for r in visit.requests)  # fonts counted


def test_event_json_ld_field_by_field(sample_site):
    site = sample_site
    page = site.page("evenement/exemple-agences-tableur-tls-001")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Event" and data["name"] == "Job dating restauration et hôtellerie"
    assert data["startDate"] == "2026-12-03T09:30:00+01:00" and data["endDate"] == "2026-12-03T12:30:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place" and data["location"]["address"]["postalCode"] == "31000"
    assert data["organizer"] == {"@type": "Organization", "name": "France Travail Toulouse Occitane",
                                 "url": "https://www.francetravail.fr"}
    assert data["image"] == ["http://127.0.0.1:8000/images/evenements/job-dating.png"]
    guyane = json.loads(site.page("evenement/exemple-agences-tableur-guy-001")
                        .select_one('script[type="application/ld+json"]').string)
    assert guyane["startDate"] == "2026-12-15T08:30:00-03:00"  # 8 December, moved a week like every sample
    assert data["offers"]["url"] == "https://evenements.example.org/tls-001" and data["isAccessibleForFree"] is True
    online = json.loads(site.page("evenement/exemple-agences-tableur-par-002")
                        .select_one('script[type="application/ld+json"]').string)
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://salons.example.org/commerce-idf"}
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    cancelled = json.loads(site.page("evenement/exemple-agences-tableur-nim-001")
                           .select_one('script[type="application/ld+json"]').string)
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    head = {m.get("property"): m.get("content") for m in page.select("meta[property]")}
    assert head["og:title"].startswith("Job dating restauration et hôtellerie")
    assert head["og:image"] == data["image"][0]
    assert page.select_one('link[rel="canonical"]')["href"] == f"{head['og:url']}"
    assert head["og:url"] == "http://127.0.0.1:8000/evenement/exemple-agences-tableur-tls-001/"


def test_every_upcoming_event_has_complete_structured_data(sample_site):
    """What search engines ask of an Event: description, image, organiser, a postal address or a link."""
    for path in sorted(sample_site.output.glob("evenement/*/index.html")):
        page = sample_site.page(str(path.relative_to(sample_site.output)))
        data = json.loads(page.select_one('script[type="application/ld+json"]').string)
        where = path.parent.name
        assert data["description"] and data["image"] and data["organizer"]["name"], where
        places = data["location"] if isinstance(data["location"], list) else [data["location"]]
        for place in places:
            if place["@type"] == "Place":
                assert {"postalCode", "addressLocality", "addressCountry"} <= set(place["address"]), where
            else:
                assert place["@type"] == "VirtualLocation" and place["url"].startswith("https://"), where
        if "offers" in data:
            assert data["eventStatus"] == "https://schema.org/EventScheduled", where


def test_sitemap_robots_and_404(sample_site):
    sitemap = (sample_site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/evenement/exemple-agences-tableur-tls-001/</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/evenements/occitanie/</loc>" in sitemap
    assert "exemple-agences-tableur-ren-004" not in sitemap  # past events stay in the archives only
    for indexable in ("recherche/", "evenements/campagne/", "evenements/public/", "evenements/avantage/",
                      "evenements/objectif/", "evenements/page/2/"):
        assert f"<loc>http://127.0.0.1:8000/{indexable}</loc>" in sitemap, indexable
    for personal in ("mes-evenements", "mes-preferences", "404"):  # kept in the browser, or an error
        assert personal not in sitemap
    assert sample_site.page("mes-preferences").select_one('meta[name="robots"]')["content"] == "noindex"
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in (sample_site.output / "robots.txt").read_text()
    assert sample_site.page("404.html").h1.get_text() == "Page introuvable"


def test_favourites_persist_across_reloads_and_download_as_one_calendar(browser_site):
    base, browser, _ = browser_site
    context = browser.new_context(accept_downloads=True)
    visit = Visit(context, base)
    for url in ("evenement/exemple-agences-tableur-tls-001/", "evenement/exemple-agences-tableur-par-002/"):
        visit.open(url)
        star = visit.page.locator("button.favourite")
        assert star.get_attribute("aria-pressed") == "false"
        star.click()
        assert star.get_attribute("aria-pressed") == "true" and star.inner_text() == "Retirer de mes événements"
    visit.open("evenement/exemple-agences-tableur-tls-001/")
    assert visit.page.locator("button.favourite").get_attribute("aria-pressed") == "true"  # after a reload
    visit.open("mes-evenements/")
    rows = visit.page.locator(".favourites-list li a")
    assert rows.all_inner_texts() == ["Job dating restauration et hôtellerie", "Salon en ligne des métiers du commerce"]
    with visit.page.expect_download() as download:
        visit.page.click("text=Télécharger tous mes événements (.ics)")
    calendar = Path(download.value.path()).read_text(encoding="utf-8")
    assert calendar.count("BEGIN:VEVENT") == 2 and "SUMMARY:Job dating restauration et hôtellerie" in calendar
    visit.page.locator(".favourites-list button").first.click()
    assert visit.page.locator(".favourites-list li").count() == 1
    assert visit.errors == [] and visit.violations == []
    context.close()


def test_security_headers_file_matches_the_tested_policy(sample_site):
    from tests.browser import CSP

    headers = (sample_site.output / "_headers").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {CSP};" in headers
