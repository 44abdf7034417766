"""« Près de chez moi » in Chromium on a phone: a job seeker in Panazol (next to Limoges, which has the events)
types their commune or postcode in the place field, chooses it with the keyboard, and gets the Limoges events
with their distance; the radius decides whether Brive (79 km) is in; a department with no event offers the
nearest ones and the online ones; axe finds nothing wrong with the suggestions open."""

from __future__ import annotations

import pytest

from tests.browser import Visit, requires_chromium
from tests.test_accessibility import axe_violations

pytestmark = requires_chromium


def search_page(browser_site) -> Visit:
    base, browser, _ = browser_site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    visit = Visit(context, base).open("recherche/")
    visit.page.wait_for_selector(".search-form:not([hidden])")
    return visit


def places(page) -> list[str]:
    return page.eval_on_selector_all(".search-results .card-where", "cards => cards.map(c => c.textContent)")


@pytest.mark.parametrize(("typed", "suggested"), [("Panaz", "Panazol (87) — 87350"), ("87350", "Panazol (87) — 87350"),
                                                  ("st junien", "Saint-Junien (87) — 87200")])
def test_typing_a_commune_or_postcode_suggests_it_and_the_keyboard_chooses_it(browser_site, typed, suggested):
    visit = search_page(browser_site)
    page = visit.page
    page.click("#lieu")
    page.keyboard.type(typed)
    page.wait_for_selector("#lieu-liste li")
    assert page.get_attribute("#lieu", "aria-expanded") == "true"
    options = page.eval_on_selector_all("#lieu-liste [role=option]", "items => items.map(i => i.textContent)")
    assert options[0] == suggested
    assert "proposée" in page.text_content(".place-count")  # announced to screen readers
    assert axe_violations(visit) == []  # with the list open
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#lieu", "aria-activedescendant") == "lieu-liste-0"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.search-status').textContent.includes('km de')")
    assert page.get_attribute("#lieu", "aria-expanded") == "false"
    assert page.input_value("#lieu") == suggested.split(" — ")[0]
    assert "lieu=87" in page.url  # the INSEE code: a shared link finds the same place
    page.context.close()


def test_panazol_gets_the_limoges_events_first_and_the_radius_decides_for_brive(browser_site):
    visit = search_page(browser_site)
    page = visit.page
    page.goto(page.url + "?lieu=87114")
    page.wait_for_function("() => document.querySelector('.search-status').textContent.includes('km de')")
    assert page.input_value("#lieu") == "Panazol (87)"
    assert page.text_content(".search-status").startswith("4 événements à moins de 30\u00a0km de Panazol (87)")
    assert places(page) == ["Limoges (87), à 6\u00a0km"] * 4
    top = page.eval_on_selector(".search-results li", "card => card.getBoundingClientRect().top")
    assert top < 844 * 2  # a phone reaches the first result in under two screens
    assert not page.is_hidden(".search-online") and page.eval_on_selector_all(".search-online-results li", "l => l.length") > 0
    page.select_option("#lieu-rayon", "100")
    page.wait_for_function("() => document.querySelector('.search-status').textContent.includes('100')")
    assert "Brive-la-Gaillarde (19), à 79\u00a0km" in places(page) and "rayon=100" in page.url
    page.click(".search-filters summary")  # folded on a phone
    page.select_option("#f-tri", "distance")
    page.wait_for_function("() => location.search.includes('tri=distance')")
    assert places(page)[-1] == "Brive-la-Gaillarde (19), à 79\u00a0km"
    page.context.close()


def test_a_department_with_no_event_offers_the_nearest_and_the_online_ones(browser_site):
    visit = search_page(browser_site)
    page = visit.page
    page.fill("#lieu", "23")
    page.keyboard.press("Enter")  # a department number: no need to choose a suggestion
    page.wait_for_function("() => document.querySelector('.search-status').textContent.includes('Creuse')")
    status = page.text_content(".search-status")
    assert status.startswith("Aucun événement dans le département Creuse (23). Voici les 5 plus proches")
    assert places(page)[0] == "Limoges (87)"
    assert page.eval_on_selector_all(".search-online-results li", "l => l.length") > 0
    page.context.close()


def test_a_query_that_names_a_place_says_so_and_can_be_changed(browser_site):
    visit = search_page(browser_site)
    page = visit.page
    page.fill("#q", "job dating 87000")
    page.wait_for_selector(".search-place-note:not([hidden])")
    assert page.text_content(".search-place-note span") == "«\u00a0job dating\u00a0» autour de Limoges (87), 30\u00a0km."
    page.click(".search-place-note button")
    page.wait_for_function("() => document.querySelector('#lieu').value === 'Limoges (87)'")
    assert page.input_value("#q") == "job dating" and page.is_hidden(".search-place-note")
    assert "lieu=87085" in page.url
    page.fill("#lieu", "")
    page.fill("#q", "job dating occitanie")  # a region: its events, kept by its name in the place field
    page.wait_for_function("() => document.querySelector('.search-place-note span').textContent.includes('Occitanie')")
    assert page.text_content(".search-place-note span") == "«\u00a0job dating\u00a0» dans la région Occitanie."
    shown = page.locator(".search-results .card-title").all_inner_texts()
    page.click(".search-place-note button")
    page.wait_for_function("() => document.querySelector('#lieu').value === 'Occitanie'")
    assert "lieu=Occitanie" in page.url and page.input_value("#q") == "job dating"
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.includes('dans la région Occitanie')")
    assert page.locator(".search-results .card-title").all_inner_texts() == shown and shown
    page.context.close()


def test_the_map_of_departments_is_a_set_of_links_the_keyboard_follows(browser_site):
    base, browser, site = browser_site
    home = site.page("index.html")
    links = home.select(".department-map a")
    assert len(links) == 101  # 96 mainland departments and the five overseas ones, as insets
    labels = {link["aria-label"] for link in links}
    assert "Haute-Vienne (87)\u00a0: 4 événements à venir" in labels and "Creuse (23)\u00a0: aucun événement à venir" in labels
    creuse = next(link for link in links if link["aria-label"].startswith("Creuse"))
    assert creuse["href"].endswith("/recherche/?lieu=23")  # no event: the search offers the nearest
    assert len(home.select(".map-list li")) == 101  # the same counts as a list
    assert len(site.page("evenements/nouvelle-aquitaine").select(".department-map a")) == 12  # a region: its own
    visit = Visit(browser, base).open("")
    page = visit.page
    page.focus(".department-map a[aria-label^='Haute-Vienne']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/evenements/nouvelle-aquitaine/haute-vienne/")
    page.close()


def test_an_event_page_says_how_far_it_is_from_the_commune_in_the_preferences(browser_site):
    base, browser, _ = browser_site
    visit = Visit(browser, base).open("mes-preferences/")
    page = visit.page
    page.click("#pref-lieu")
    page.keyboard.type("87350")
    page.wait_for_selector("#pref-lieu-liste li")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.click(".preferences-form button[type=submit]")
    page.wait_for_function("() => document.querySelector('.preferences-status').textContent.includes('enregistrées')")
    assert "lieu=87114" in page.get_attribute(".preferences-search", "href")
    page.goto(f"{base}/evenement/exemple-agences-tableur-lim-003/")
    page.wait_for_selector(".event-distance:not([hidden])")
    assert page.text_content(".event-distance") == "à 6\u00a0km de Panazol (87), la commune de vos préférences"
    page.goto(f"{base}/recherche/")
    page.wait_for_function("() => document.querySelector('.search-status').textContent.includes('Panazol')")
    assert page.input_value("#lieu") == "Panazol (87)"  # the search starts from the preferences
    page.close()
