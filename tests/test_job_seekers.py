"""What a job seeker meets on a phone: a way to register everywhere, a reminder, sharing, filters that mean
what they say, plain French, no sideways scrolling and targets big enough to tap."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from ical.calendar_stream import IcsCalendarStream
from playwright.sync_api import expect

from tests.browser import Visit, requires_chromium
from tests.conftest import FIXTURE_SITE, Site, build_site
from tests.test_accessibility import PAGES
from tests.test_importer_spreadsheet import run

TARGETS = (".main-nav a, .fr-breadcrumb__link, .fr-tag, .fr-btn, .fr-pagination__link, .fr-footer__bottom-link, "
           ".fr-card__title a")


def upcoming_event_pages(site):
    for path in sorted(site.output.glob("evenement/*/index.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if page.select_one("article.event")["data-availability"] == "open":
            yield path.parent.name, page


def test_every_upcoming_sample_event_says_how_to_register(sample_site):
    checked = 0
    for slug, page in upcoming_event_pages(sample_site):
        register = page.select_one(".register")
        routes = register.select('a[href^="http"], a[href^="mailto:"], a[href^="tel:"]')
        assert routes or "Sans inscription" in register.get_text(), slug
        checked += 1
    assert checked > 90


def test_the_registration_action_comes_before_the_favourite_and_looks_different(sample_site):
    page = sample_site.page("evenement/exemple-agences-tableur-tls-001")
    header = page.select_one("article.event header")
    action, favourite = header.select_one(".register a.button"), header.select_one("button.favourite")
    assert action.get_text() == "S'inscrire" and "fr-btn--lg" in action["class"]
    assert str(header).index("register-action") < str(header).index("favourite")
    assert "fr-btn--tertiary-no-outline" in favourite["class"]  # a quiet button, not a second "register"


def test_contact_and_phone_registration_are_links(tmp_path):
    content = tmp_path / "content"
    (content / "events").mkdir(parents=True)
    (content / "services").mkdir()
    shutil.copytree(FIXTURE_SITE / "pages", content / "pages")
    (content / "events" / "par-telephone.md").write_text(
        "Title: Atelier CV\nStart: 2026-12-10 09:00\nEnd: 11:00\nType: atelier\nMode: sur place\n"
        "Organizer: Mission locale\nCommune: 31000 Toulouse\nRegistration: 05 61 00 00 00\n"
        "Contact: 3949, accueil@ml.example.org\n\nUn atelier.\n", encoding="utf-8")
    site = Site(build_site(content, tmp_path / "output"))
    page = site.page("evenement/par-telephone")
    action = page.select_one(".register a.button")
    assert (action["href"], " ".join(action.get_text().split())) == ("tel:+33561000000",
                                                                    "S'inscrire par téléphone : 05 61 00 00 00")
    contact = page.find("dt", string="Contact").find_next("dd")
    assert [(a["href"], a.get_text()) for a in contact.select("a")] == [
        ("tel:3949", "3949"), ("mailto:accueil@ml.example.org", "accueil@ml.example.org")]
    assert site.registration(page).endswith("05 61 00 00 00")


def test_the_reminder_calendar_rings_the_day_before(sample_site):
    """Read by `ical` (another iCalendar library than the one that wrote it)."""
    page = sample_site.page("evenement/exemple-agences-tableur-tls-001")
    link = page.select_one("a.ics-reminder")
    assert link.get_text().startswith("Fichier agenda avec un rappel la veille")
    text = (sample_site.output / link["href"].lstrip("/")).read_text(encoding="utf-8")
    event = IcsCalendarStream.calendar_from_ics(text).events[0]
    (alarm,) = event.alarm
    assert (alarm.action, alarm.trigger) == ("DISPLAY", -timedelta(days=1))
    assert alarm.description.startswith("Demain")
    plain = (sample_site.output / page.select_one('a[download]:not(.ics-reminder)')["href"].lstrip("/")).read_text()
    assert "VALARM" not in plain  # the reminder is a choice, not imposed


def test_the_easy_read_summary_comes_first_in_short_sentences(sample_site):
    page = sample_site.page("evenement/exemple-agences-tableur-tls-001")
    summary = page.select_one("section.easy-read")
    questions = [dt.get_text().replace("\u00a0", " ") for dt in summary.select("dt")]
    assert questions == ["Pour qui ?", "Quoi ?", "Quand ?", "Où ?", "À apporter ?", "Comment s'inscrire ?"]
    answers = [" ".join(dd.get_text().split()) for dd in summary.select("dd")]
    assert answers[0] == "Pour tout le monde (débutant accepté, pas de diplôme exigé)."
    assert answers[1] == "C'est un job dating, organisé par France Travail Toulouse Occitane."
    assert answers[-1] == "Inscrivez-vous sur internet avant le mercredi 2 décembre 2026 : bouton « S'inscrire »."
    assert all(len(answer.split()) <= 25 for answer in answers)
    order = [section.get("class", [""])[0] for section in page.select("article.event > section")]
    assert order.index("easy-read") == 0  # before the description and the details


def visible_text(page: BeautifulSoup) -> str:
    for hidden in page(["script", "style", "template", "pre", "code"]):  # code is copied as it is
        hidden.decompose()
    return page.body.get_text(" ")


def test_french_plural_and_non_breaking_spaces_on_every_page(sample_site):
    pages = sorted(sample_site.output.rglob("*.html"))
    for path in pages:
        text = visible_text(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
        where = str(path.relative_to(sample_site.output))
        assert not re.search(r"(?<![\d.,])[01] (événements|services|places|offres|résultats)\b", text), where
        assert not re.search(r"\S [:;!?»]", text), (where, re.search(r".{20}\S [:;!?»].{10}", text))
        assert "« " not in text, where


def test_the_agencies_guide_legal_notice_and_accessibility_contact_are_linked(sample_site):
    footer = {a.get_text(): a["href"] for a in sample_site.page("index.html").select(".fr-footer__bottom-link")}
    assert footer["Publier un événement"] == "/publier-un-evenement/"
    assert footer["Mentions légales"] == "/mentions-legales/"
    guide = sample_site.page("publier-un-evenement")
    assert guide.h1.get_text().startswith("Guide des agences")
    assert guide.find("h2", string=re.compile("Les messages d'erreur"))
    assert sample_site.page("mentions-legales").h1.get_text() == "Mentions légales"
    contact = sample_site.page("accessibilite").select('main a[href^="mailto:"]')
    assert contact and contact[0]["href"] == "mailto:accessibilite@agenda-emploi.example.org"


def test_controls_that_need_javascript_are_hidden_without_it(sample_site):
    search = sample_site.page("recherche")
    assert search.select_one(".search-more").has_attr("hidden") and search.select_one(".search-form").has_attr("hidden")
    event = sample_site.page("evenement/exemple-agences-tableur-tls-001")
    assert event.select_one("button.favourite").has_attr("hidden")
    assert all(button.find_parent("li").has_attr("hidden") for button in event.select(".share button"))
    assert [a["href"].split(":")[0] for a in event.select(".share a")] == ["mailto", "sms"]



@requires_chromium
@pytest.mark.parametrize("width", [320, 390, 1280])
def test_no_page_scrolls_sideways_and_targets_are_big_enough(browser_site, width):
    base, browser, _ = browser_site
    page = browser.new_page(viewport={"width": width, "height": 800})
    pages = {**PAGES, "guide": "publier-un-evenement/", "legal": "mentions-legales/", "search": "recherche/"}
    for name, url in pages.items():
        page.goto(f"{base}/{url}", wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, name
        small = page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
            .filter((e) => e.offsetParent !== null)
            .map((e) => { const r = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 30), r.width, r.height]; })
            .filter(([, w, h]) => w < 24 || h < 24)""", TARGETS)
        assert small == [], (name, small)
    page.close()


@requires_chromium
def test_share_without_third_parties_and_copy_the_link(browser_site):
    base, browser, _ = browser_site
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    visit = Visit(context, base).open("evenement/exemple-agences-tableur-tls-001/")
    assert all(url.startswith(base) for url in visit.requests), visit.requests
    visit.page.click(".share-copy")
    expect(visit.page.locator(".share-status")).not_to_be_empty()
    assert visit.page.evaluate("navigator.clipboard.readText()") == \
        "http://127.0.0.1:8000/evenement/exemple-agences-tableur-tls-001/"
    assert visit.page.inner_text(".share-status").startswith("Lien copié")
    context.close()


@requires_chromium
def test_the_audience_filter_includes_events_open_to_all_unless_asked_not_to(browser_site):
    base, browser, _ = browser_site
    visit = Visit(browser, base)
    counts = {}
    for query in ("public=jeunes", "public=jeunes&cible=1"):
        visit.open(f"recherche/?{query}")
        expect(visit.page.locator(".search-status")).to_contain_text("trouvé")  # no eval: the page's CSP forbids it
        counts[query] = int(visit.page.inner_text(".search-status").split()[0])
    assert counts["public=jeunes"] > 2 * counts["public=jeunes&cible=1"] > 0
    assert visit.page.is_checked("#f-cible")


@requires_chromium
def test_my_events_show_a_cancellation_and_forget_events_long_past(browser_site):
    base, browser, _ = browser_site
    context = browser.new_context()
    visit = Visit(context, base).open("evenement/exemple-agences-tableur-nim-001/")  # cancelled
    visit.page.click("button.favourite")
    old_end = (datetime.now(UTC) - timedelta(days=40)).isoformat()
    visit.page.evaluate("""(end) => { const key = 'agenda-emploi:mes-evenements';
        const items = JSON.parse(localStorage.getItem(key));
        items.push({uid: 'ancien', title: 'Vieil atelier', url: '/evenement/ancien/', start: end, end});
        localStorage.setItem(key, JSON.stringify(items)); }""", old_end)
    visit.open("mes-evenements/")
    visit.page.wait_for_selector(".favourites-list .badge-cancelled")
    rows = visit.page.locator(".favourites-list li")
    assert rows.count() == 1 and rows.first.locator(".badge-cancelled").text_content() == "Annulé"
    assert "ancien" not in visit.page.evaluate("localStorage.getItem('agenda-emploi:mes-evenements')")
    context.close()


@requires_chromium
def test_dark_mode_really_darkens_every_kind_of_page(browser_site):
    """axe checks contrast; this checks that the dark theme's colours are there at all (they come from
    DSFR's scheme stylesheet, which a bundle can leave out)."""
    base, browser, _ = browser_site
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    for name, url in PAGES.items():
        page.goto(f"{base}/{url}", wait_until="networkidle")
        page.wait_for_selector("html[data-fr-theme='dark']", state="attached")
        background, text = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
                                                   getComputedStyle(document.body).color]""")
        assert max(map(int, re.findall(r"\d+", background)[:3])) < 60 < min(map(int, re.findall(r"\d+", text)[:3])), name
    context.close()


def test_importers_map_the_sources_contact_and_official_page(sample_site, tmp_path):
    """The calendar's ORGANIZER e-mail, the France Travail API's official event page, spreadsheet columns."""
    workshop = sample_site.page("evenement/exemple-mission-locale-ical-atelier-cv-hebdo-20261208t1400")
    contact = workshop.find("dt", string="Contact").find_next("dd")
    assert "mailto:accueil@mission-locale-metz.example.org" in [a["href"] for a in contact.select("a")]
    forum = sample_site.page("evenement/exemple-france-travail-salons-ft-2026-118455")
    assert forum.select_one(".register a.button")["href"] == (
        "https://mesevenementsemploi.francetravail.fr/mes-evenements-emploi/evenement/FT-2026-118455")
    summary = run(tmp_path, "Identifiant;Titre;Type;Modalité;Date;Début;Fin;Commune;Téléphone;E-mail\n"
                            "c1;Atelier;atelier;présentiel;05/12/2026;9h;12h;31555;05 61 00 00 00;ml@example.org\n")
    assert (summary.created, summary.problems) == (1, [])
    written = next((tmp_path / "content/events/imports/agence-test").glob("*.md")).read_text(encoding="utf-8")
    assert "Contact: 05 61 00 00 00, ml@example.org" in written


@requires_chromium
def test_on_a_phone_the_first_event_is_on_the_first_screen_of_every_listing(browser_site):
    base, browser, site = browser_site
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for path in ("evenements/", "evenements/occitanie/", "evenements/occitanie/haute-garonne/",
                 "evenements/type/job-dating/", "evenements/public/jeunes/"):
        page.goto(f"{base}/{path}")
        first = page.locator("section[aria-labelledby=liste] .card").first.bounding_box()
        assert first["y"] < 844, (path, first)  # under the header, the title and one folded filters control
        assert page.locator("details.filters").count() == 1 and not page.locator("details.filters").get_attribute("open")
    page.close()
    listing = site.page("evenements")
    headings = [h.get_text() for h in listing.select("section[aria-labelledby=liste] h3.day")]
    assert headings[:3] == ["En cours", "jeudi 3 décembre", "vendredi 4 décembre"]  # NOW is Tuesday 1 December
    assert listing.select_one(".pagination-total").get_text() == "109 événements, page 1 sur 5"
    assert listing.select_one("details.filters summary").get_text(" ", strip=True) == "Affiner la liste"
    region = site.page("evenements/occitanie")
    assert region.select_one("details.filters summary").get_text(" ", strip=True) == "Affiner la liste 1 filtre actif"
    assert region.select_one(".filters-chosen").get_text(" ", strip=True) == "Filtre actif\u00a0: Occitanie. Tout voir"


def test_day_headings_say_today_tomorrow_and_the_year_only_when_it_changes():
    from datetime import date

    from catalogue.french import day_heading
    today = date(2026, 12, 30)
    assert [day_heading(date(2026, 12, 30), today), day_heading(date(2026, 12, 31), today),
            day_heading(date(2027, 1, 1), today), day_heading(date(2027, 1, 4), date(2027, 1, 1))] == [
        "Aujourd'hui", "Demain", "vendredi 1er janvier 2027", "lundi 4 janvier"]
