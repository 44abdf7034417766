"""The widget and the iframe on a partner's site: a page served from another origin (a second local server on
another port) under a strict Content-Security-Policy embeds both in Chromium. What they show is checked against
the department's calendar read by icalendar; axe checks inside the Shadow DOM and the frame; every request goes
to the partner's page or to our site, and no cookie is set."""

from __future__ import annotations

import gzip

import pytest

from tests.browser import Visit, requires_chromium, serve
from tests.test_accessibility import axe_violations
from tests.test_partners import spaced, upcoming_titles

pytestmark = requires_chromium

HAUTE_GARONNE = "evenements/occitanie/haute-garonne/"
PARTNER_PAGE = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Mission locale de Toulouse : nos rendez-vous</title>
<link rel="stylesheet" href="partner.css"></head>
<body><main>
<h1>Mission locale de Toulouse</h1>
<div class="agenda" data-agenda-emploi data-departement="31" data-type="job-dating" data-max="5"></div>
<h2>Les forums en Haute-Garonne</h2>
<iframe src="{site}/integrer/cadre/31/?type=forum-salon&amp;max=2" title="Forums pour l'emploi en Haute-Garonne"
  width="100%" height="400"></iframe>
<script src="{site}/integrer/agenda-emploi.js" defer></script>
</main></body></html>
"""
PARTNER_CSS = ".agenda { --agenda-couleur: rgb(0, 100, 0); --agenda-police: Georgia, serif; }\n"


def partner_policy(site: str) -> str:
    """A partner's strict policy: nothing inline, our site allowed for the script, its data and the frame."""
    return (f"default-src 'none'; script-src {site}; connect-src {site}; frame-src {site}; style-src 'self'; "
            "base-uri 'none'; form-action 'none'")


def shown_in(frame) -> list[str]:
    """The events the widget shows in a page or a frame (its Shadow DOM, not the page's own list it replaces)."""
    return frame.locator("[data-agenda-emploi]").evaluate(
        "host => [...host.shadowRoot.querySelectorAll('li a')].map(a => a.textContent)")


def shadow(page, script: str):
    return page.evaluate(f"() => {{ const root = document.querySelector('[data-agenda-emploi]').shadowRoot; {script} }}")


@pytest.fixture(scope="module")
def partner(browser_site, tmp_path_factory):
    base, browser, site = browser_site
    folder = tmp_path_factory.mktemp("partner")
    (folder / "index.html").write_text(PARTNER_PAGE.format(site=base), encoding="utf-8")
    (folder / "partner.css").write_text(PARTNER_CSS, encoding="utf-8")
    with serve(folder, csp=partner_policy(base)) as partner_base:
        yield partner_base, base, browser, site


def test_the_widget_shows_the_departments_next_job_datings_under_a_strict_policy(partner):
    partner_base, base, browser, site = partner
    context = browser.new_context(viewport={"width": 390, "height": 844})
    visit = Visit(context, partner_base).open("index.html")
    page = visit.page
    page.wait_for_selector("[data-agenda-pret]", state="attached")
    expected = upcoming_titles(site, f"{HAUTE_GARONNE}type/job-dating/agenda.ics")[:5]
    assert expected
    assert shadow(page, "return [...root.querySelectorAll('li a')].map(a => a.textContent)") == expected
    links = shadow(page, "return [...root.querySelectorAll('li a')].map(a => a.href)")
    assert all(link.startswith("http://127.0.0.1:8000/evenement/") for link in links)
    assert shadow(page, "return root.querySelectorAll('li time[datetime]').length") == len(expected)
    assert shadow(page, "return root.querySelector('h2').textContent") == \
        "Événements pour l'emploi : Haute-Garonne (31)"
    # themed by the partner's own stylesheet, through the custom properties
    assert shadow(page, "return getComputedStyle(root.querySelector('li a')).color") == "rgb(0, 100, 0)"
    assert "Georgia" in shadow(page, "return getComputedStyle(root.querySelector('section')).fontFamily")
    frame = page.frame_locator("iframe")
    frame.locator("[data-agenda-pret]").wait_for(state="attached")
    forums = upcoming_titles(site, f"{HAUTE_GARONNE}type/forum-salon/agenda.ics")[:2]
    assert forums and shown_in(frame) == forums
    assert visit.violations == [] and visit.errors == []
    assert {url.split("/")[2] for url in visit.requests} <= {partner_base.split("/")[2], base.split("/")[2]}
    assert any(url.endswith("/integrer/departements/31.json") for url in visit.requests)
    assert context.cookies() == []
    assert axe_violations(visit) == []  # axe reads the open Shadow DOM
    page.keyboard.press("Tab")  # the first link of the page is the widget's first event
    assert shadow(page, "return root.activeElement && root.activeElement.textContent") == expected[0]
    context.close()


def test_the_iframe_works_without_javascript(browser_site):
    base, browser, site = browser_site
    context = browser.new_context(java_script_enabled=False)
    visit = Visit(context, base).open("integrer/cadre/31/?type=forum-salon&max=2")
    shown = spaced(visit.page.locator("li a").all_text_contents())
    assert shown == spaced(upcoming_titles(site, f"{HAUTE_GARONNE}agenda.ics"))[:20]  # all of the department's, unfiltered
    assert visit.page.get_attribute("text=Tous les événements : Haute-Garonne (31)", "href") == \
        f"http://127.0.0.1:8000/{HAUTE_GARONNE}"
    choose = visit.open("integrer/cadre/?departement=31").page  # without the department in its path
    assert choose.get_attribute("text=Haute-Garonne (31)", "href").endswith("/integrer/cadre/31/")
    assert axe_violations(Visit(browser, base).open("integrer/cadre/31/")) == []
    context.close()


def test_the_iframe_reads_its_department_or_organiser_from_its_address(browser_site):
    base, browser, _ = browser_site
    visit = Visit(browser, base).open("integrer/cadre/?organisateur=france-travail-bordeaux&max=1")
    visit.page.wait_for_selector("[data-agenda-pret]", state="attached")
    assert spaced(shown_in(visit.page)) == ["Réunion d'information : devenir conducteur de tramway"]
    visit.page.close()


def test_the_script_stays_under_8_kb_compressed(sample_site):
    script = (sample_site.output / "integrer" / "agenda-emploi.js").read_bytes()
    assert len(gzip.compress(script, 9)) <= 8 * 1024


def test_the_snippet_page_previews_and_writes_the_code(browser_site):
    base, browser, _ = browser_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    visit = Visit(context, base).open("integrer/")
    page = visit.page
    page.wait_for_selector("#apercu[data-agenda-pret]", state="attached")
    page.select_option("#e-departement", label="Haute-Garonne (31)")
    page.select_option("#e-type", label="Job dating")
    page.fill("#e-max", "1")
    page.wait_for_function("() => document.querySelector('#apercu').dataset.agendaPret === '1'")
    code = page.input_value("#code-script")
    assert code.startswith('<div data-agenda-emploi data-departement="31" data-type="job-dating" data-max="1"></div>')
    assert 'src="http://127.0.0.1:8000/integrer/agenda-emploi.js"' in code
    assert 'src="http://127.0.0.1:8000/integrer/cadre/31/?type=job-dating&amp;max=1"' in page.input_value("#code-cadre")
    page.wait_for_function("() => document.querySelector('#e-organisateur').options.length > 1")
    page.select_option("#e-organisateur", label="France Travail Toulouse Occitane")
    assert 'data-organisateur="france-travail-toulouse-occitane"' in page.input_value("#code-script")
    assert "data-departement" not in page.input_value("#code-script")  # the organiser's file has all its events
    assert visit.errors == [] and visit.violations == []
    assert axe_violations(visit) == []
    context.close()
