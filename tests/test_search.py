"""Search: the sharded index, the page in a real browser (typing, facets, URL state), and the staff CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from catalogue.search.index import split_shards
from catalogue.search.query import Index, decode, one_typo
from tests.browser import Visit, chromium, requires_chromium, serve

ROOT = Path(__file__).resolve().parent.parent


def test_index_layout(sample_site):
    folder = sample_site.output / "recherche" / "index"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["events"] > 90 and manifest["count"] == manifest["events"] + 37
    for prefix in manifest["post"]:
        shard = json.loads((folder / f"post-{prefix}.json").read_text(encoding="utf-8"))
        assert shard and all(max((p for p in manifest["post"] if term.startswith(p)), key=len) == prefix
                             for term in shard)
    for character in manifest["words"]:
        known = json.loads((folder / f"words-{character}.json").read_text(encoding="utf-8"))
        assert all(word.startswith(character) and word.startswith(stem) for word, stem in known.items())
    columns = json.loads((folder / "facets.json").read_text(encoding="utf-8"))
    events = manifest["events"]
    assert len(columns["k"]) == len(columns["d"]) == manifest["count"] and columns["k"][events:] == "s" * 37
    assert columns["d"][:events] == sorted(columns["d"][:events]) and columns["d"][0] >= 0  # events by date
    for facet in manifest["facets"]:
        assert len(columns[facet["name"]]) == manifest["count"]
    occitanie = [key for key, label in manifest["facets"][0]["values"]].index("76")
    assert columns["region"].count(occitanie) >= 10
    assert (folder / "manifest.json").stat().st_size < 10_000


def test_big_shards_split_on_longer_prefixes():
    postings = {f"re{letter}{n}": [1, 5] * 1000 for letter in "abc" for n in range(3)} | {"r": [1, 1], "job": [1, 2]}
    shards = split_shards(postings)
    assert set(shards) == {"r", "rea", "reb", "rec", "j"}
    assert shards["r"] == {"r": [1, 1]} and set(shards["reb"]) == {"reb0", "reb1", "reb2"}


def test_postings_are_gaps_and_weights():
    assert decode([3, 5, 2, 1, 10, 2]) == [(3, 5), (5, 1), (15, 2)]


@pytest.mark.parametrize(("query", "first"), [
    ("job dating restauration toulouse", "Job dating restauration et hôtellerie"),
    ("forum emploi saisonnier", "Forum de l'emploi saisonnier"),
    ("atelier CV", "Atelier : réussir son CV"),
    ("salon en ligne", "Salon en ligne des métiers de l'aide à domicile"),
    ("l'emploi public", "Salon en ligne de l'emploi public"),
    ("restau", "Job dating restauration et hôtellerie"),  # prefix, as you type
    ("restaurtion", "Job dating restauration et hôtellerie"),  # one typo
    ("restauration zzqqx", "Job dating restauration et hôtellerie"),  # a word found nowhere is left out
])
def test_staff_index_finds_the_right_event(sample_site, query, first):
    results = Index(sample_site.output / "recherche" / "index").search(query)
    assert results and results[0]["t"] == first


def test_one_typo():
    assert one_typo("restaur", "restuar") and one_typo("recrut", "recrutt") and one_typo("atelier", "atelir")
    assert not one_typo("atelier", "atlr") and not one_typo("forum", "frum ")


def test_invoke_search(sample_site, tmp_path):
    link = tmp_path / "output"
    link.symlink_to(sample_site.output)
    code = ("import sys, tasks; from pathlib import Path; tasks.OUTPUT = Path(sys.argv[1]); "
            "from invoke import Program, Collection; Program(namespace=Collection.from_module(tasks))"
            ".run(['invoke', 'search', 'atelier cv', '--region', 'Occitanie'])")
    result = subprocess.run([sys.executable, "-c", code, str(link)], cwd=ROOT, capture_output=True, text=True,
                            env=os.environ.copy(), timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert "Atelier : réussir son CV — Toulouse (31)" in lines[0] and lines[-1].endswith("résultat(s).")


@pytest.fixture(scope="module")
def search_page(sample_site):
    with serve(sample_site.output) as base, chromium() as browser:
        yield base, Visit(browser, base)


def results(visit: Visit) -> list[str]:
    visit.page.wait_for_selector(".search-status:not(:empty)")
    return visit.page.locator(".search-results .card-title").all_inner_texts()


@requires_chromium
def test_first_query_loads_only_what_it_needs(search_page):
    base, visit = search_page
    visit.open("recherche/?q=job+dating+restauration")
    assert results(visit)[0] == "Job dating restauration et hôtellerie"
    index = sorted(r.removeprefix(f"{base}/recherche/index/") for r in visit.requests if "/recherche/index/" in r)
    postings = [name for name in index if name.startswith("post-")]
    assert [name for name in index if not name.startswith(("post-", "docs-"))] == [
        "facets.json", "lieux/noms.json", "manifest.json", "words-d.json", "words-j.json", "words-r.json"]
    assert 3 <= len(postings) <= 4 and all(name[5] in "djr" for name in postings)
    assert 1 <= len([name for name in index if name.startswith("docs-")]) <= 3  # the first ten results


@requires_chromium
def test_typing_facets_url_state_and_back_button(search_page, sample_site):
    base, visit = search_page
    page = visit.open("recherche/").page
    staff = Index(sample_site.output / "recherche" / "index")  # the browser and the staff CLI agree
    by_date = [doc["t"] for doc in staff.search("")]
    assert results(visit) == by_date[:20]  # every upcoming event, by date, 20 at a time
    page.click(".search-more")
    expect(page.locator(".search-results .card")).to_have_count(40)
    assert results(visit) == by_date[:40] and page.evaluate("document.activeElement.textContent") == by_date[20]
    page.fill("#q", "atelier")
    page.wait_for_url("**/recherche/?q=atelier")
    count = page.inner_text(".search-status")
    assert count.startswith(f"{len(staff.search('atelier'))} événements trouvés")
    assert results(visit) == [doc["t"] for doc in staff.search("atelier")][:20]
    region = page.locator("#f-region option", has_text="Occitanie").inner_text()
    assert region.startswith("Occitanie (")
    page.select_option("#f-region", "76")
    page.wait_for_url("**/recherche/?q=atelier&region=76")
    narrowed = results(visit)
    assert narrowed and len(narrowed) < 18 and page.inner_text(".search-status").startswith(f"{len(narrowed)} ")
    assert page.locator("#f-region option:checked").inner_text() == region
    page.go_back()
    page.wait_for_url("**/recherche/?q=atelier")
    expect(page.locator(".search-status")).to_have_text(count)  # re-rendered from the address
    assert page.input_value("#f-region") == ""
    page.goto(f"{base}/recherche/?q=atelier&region=76")  # a shared link gives the same results
    assert results(visit) == narrowed and page.input_value("#q") == "atelier"
    assert visit.errors == [] and visit.violations == []


@requires_chromium
def test_accents_elisions_typos_and_services(search_page):
    _, visit = search_page
    assert results(visit.open("recherche/?q=L%E2%80%99EMPLOI+PUBLIC"))[0] == "Salon en ligne de l'emploi public"
    assert results(visit.open("recherche/?q=RESTAURTION"))[0] == "Job dating restauration et hôtellerie"
    assert results(visit.open("recherche/?q=restauration+Zzqqx")) == results(visit.open("recherche/?q=restauration"))
    expect(visit.open("recherche/?q=restauration+Zzqqx").page.locator(".search-status")).to_contain_text(
        "«\u00a0zzqqx\u00a0» ne figure dans aucun événement\u00a0: mot ignoré.")  # waits for the announcement
    services = results(visit.open("recherche/?q=bonne&onglet=services"))
    assert services == ["La Bonne Formation", "La Bonne Boîte"]
    assert visit.page.is_checked('input[name="onglet"][value="services"]')


def test_search_page_without_javascript_points_to_the_listings(sample_site):
    page = sample_site.page("recherche")
    assert "La recherche a besoin de JavaScript" in page.select_one(".search-nojs").get_text()
    links = {a["href"] for a in page.select(".search-nojs a")}
    assert {"/evenements/", "/evenements/a-distance/", "/services/"} <= links
    assert page.select_one("form.search-form").has_attr("hidden")


@requires_chromium
def test_new_facets_benefit_objective_campaign(search_page, sample_site):
    _, visit = search_page
    staff = Index(sample_site.output / "recherche" / "index")
    page = visit.open("recherche/").page
    results(visit)
    page.select_option("#f-avantage", "cdi")
    page.wait_for_url("**/recherche/?avantage=cdi")
    expected = [doc["t"] for doc in staff.search("", avantage="cdi")]
    assert 10 < len(expected) < 100 and page.inner_text(".search-status").startswith(f"{len(expected)} événements")
    assert results(visit) == expected[:20]
    objective = page.locator("#f-objectif option", has_text="Recrutement sans CV").inner_text()
    page.select_option("#f-objectif", "sans-cv")
    page.wait_for_url("**/recherche/?avantage=cdi&objectif=sans-cv")
    assert results(visit) == [doc["t"] for doc in staff.search("", avantage="cdi", objectif="sans-cv")]
    assert objective == f"Recrutement sans CV ({len(results(visit))})"  # the count shown before choosing it
    visit.open("recherche/?campagne=semaine-de-l-industrie")
    assert results(visit) == [doc["t"] for doc in staff.search("", campagne="semaine-de-l-industrie")][:20]
    assert visit.page.input_value("#f-campagne") == "semaine-de-l-industrie"


@requires_chromium
def test_preferences_are_kept_in_this_browser_and_start_home_and_search(search_page, sample_site):
    _, visit = search_page
    staff = Index(sample_site.output / "recherche" / "index")
    page = visit.open("mes-preferences/").page
    assert page.is_hidden(".preferences-nojs") and page.is_visible(".preferences-form")
    page.click("summary:has-text('Occitanie')")
    page.click("label[for=pref-dep-31]")  # the box sits under its label, as DSFR draws it
    page.click("label[for=pref-dep-34]")
    page.click("label[for=pref-type-job-dating]")
    page.click("label[for=pref-type-forum-salon]")
    page.click("button[type=submit]")
    expect(page.locator(".preferences-status")).to_have_text("Vos préférences sont enregistrées dans ce navigateur.")
    stored = page.evaluate("JSON.parse(localStorage.getItem('agenda-emploi:preferences'))")
    assert stored == {"departement": ["31", "34"], "type": ["job-dating", "forum"]}
    page.reload()
    assert page.is_checked("#pref-dep-34") and page.is_checked("#pref-type-forum-salon")
    assert not page.is_checked("#pref-type-atelier")

    expected = [doc["t"] for doc in staff.search("", departement=["31", "34"], type=["job-dating", "forum"])]
    assert 3 <= len(expected) < 20
    visit.open("recherche/")
    assert results(visit) == expected
    assert page.url.endswith("/recherche/?departement=31&departement=34&type=job-dating&type=forum")
    assert page.is_visible(".search-preferences")
    assert page.locator("#f-departement option:checked").inner_text() == f"Haute-Garonne (31), Hérault (34) ({len(expected)})"
    page.select_option("#f-departement", "")  # a filter chosen on the page wins over the preferences
    page.wait_for_url("**/recherche/?type=job-dating&type=forum")

    visit.open("")
    section = page.locator(".for-you")
    expect(section).to_be_visible()
    assert section.locator(".card-title").all_inner_texts() == expected[:6]
    assert section.locator(".for-you-summary").inner_text().startswith(f"{len(expected)} événements à venir selon vos")

    page.evaluate("localStorage.setItem('agenda-emploi:preferences', JSON.stringify({departement: ['23']}))")
    visit.open("")  # Creuse has no upcoming event: the home page says so, naming it by its code
    expect(page.locator(".for-you-summary")).to_have_text(
        "Aucun événement à venir ne correspond pour le moment à vos préférences (département 23).")

    visit.open("mes-preferences/")
    page.click(".preferences-clear")
    assert page.evaluate("localStorage.getItem('agenda-emploi:preferences')") is None
    visit.open("")
    page.wait_for_timeout(300)
    assert page.is_hidden(".for-you")
    visit.open("recherche/")
    results(visit)
    assert page.url.endswith("/recherche/") and page.is_hidden(".search-preferences")
    assert visit.errors == [] and visit.violations == []


def test_personal_data_page_states_what_the_browser_keeps(sample_site):
    text = sample_site.page("donnees-personnelles").select_one("main").get_text(" ", strip=True)
    assert "Mes préférences" in text and "localStorage" in text and "jamais envoyées" in text
