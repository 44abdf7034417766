"""No script injection from any path: 68 hostile inputs through agency files and importers, checked in the
built HTML and in a real Chromium page served with the site's Content-Security-Policy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from importers.francetravail import FranceTravailImporter
from importers.ical import ICalendarImporter
from importers.spreadsheet import SpreadsheetImporter
from tests.browser import Visit, chromium, requires_chromium, serve
from tests.conftest import Site, build_site
from tests.importers_support import make_context, source

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "payloads.txt"
PAYLOADS = [line for line in HOSTILE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "background", "xlink:href", "poster", "srcdoc"}
OUR_STYLESHEETS = {"/theme/dsfr/dsfr.css", "/theme/css/site.css", "/theme/css/print.css", "/theme/css/frame.css"}
WIDGET = "/integrer/agenda-emploi.js"  # the partners' widget, the theme's own script at an address of its own
BAD_SCHEMES = re.compile(r"^(javascript|vbscript|data):")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "svg", "math", "style", "template",
                  "video", "audio", "marquee", "isindex", "noscript"}


def one_line(payload: str) -> str:
    return " ".join(payload.split())


def agency_file(number: int, payload: str) -> str:
    line = one_line(payload)
    return (f"Title: Titre {number} {line}\nStart: 2026-12-03 09:00\nEnd: 12:00\nType: forum\nMode: onsite\n"
            f"Organizer: Orga {number} {line}\nCommune: 31555\nVenue: Lieu {number} {line}\n"
            f"Summary: Résumé {number} {line}\nCampaign: Opération {number} {line[:60]}\n\n"
            f"Avant {number}\n\n{payload}\n\nAprès {number}\n")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("hostile")
    events = root / "content" / "events" / "agences"
    events.mkdir(parents=True)
    for number, payload in enumerate(PAYLOADS):
        (events / f"hostile-{number:02d}.md").write_text(agency_file(number, payload), encoding="utf-8")
    (root / "content" / "services").mkdir()
    (root / "content" / "services" / "service-hostile.md").write_text(
        f"Title: Service {one_line(PAYLOADS[0])}\nProvider: {one_line(PAYLOADS[9])}\nCategory: Catégorie "
        f"{one_line(PAYLOADS[13])}\nUrl: https://ok.example.org\nSummary: Avant service {one_line(PAYLOADS[23])}\n\n"
        f"{PAYLOADS[20]}\n", encoding="utf-8")
    context = make_context(root)
    items = [{"id": f"api-{n}", "titre": f"API {n}", "dateDebut": "2026-12-04T09:00:00+01:00",
              "dateFin": "2026-12-04T12:00:00+01:00", "description": f"<p>Avant {n}</p>{p}<p>Après {n}</p>",
              "localisation": one_line(p)[:40] + " 31000 Toulouse", "typeEvenement": one_line(p)[:60],
              "organismeOrganisateur": f"Orga {one_line(p)}"} for n, p in enumerate(PAYLOADS)]
    (root / "api.json").write_text(json.dumps({"resultats": items}), encoding="utf-8")
    assert FranceTravailImporter(source("api", "francetravail", "api.json"), context).run().created == len(PAYLOADS)
    rows = ["Identifiant;Titre;Type;Modalité;Date;Début;Fin;Commune;Lieu;Résumé;Description"]
    for n, payload in enumerate(PAYLOADS):
        cell = one_line(payload).replace('"', '""')  # CSV quoting, as a spreadsheet writes it
        rows.append(f'csv-{n};"Tableur {n} {cell}";forum;présentiel;05/12/2026;9h;12h;31555;"{cell}";"Résumé {n}";'
                    f'"Avant {n} {cell} Après {n}"')
    (root / "agenda.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert SpreadsheetImporter(source("csv", "spreadsheet", "agenda.csv"), context).run().created == len(PAYLOADS)
    events_ics = "".join(
        f"BEGIN:VEVENT\r\nUID:ics-{n}\r\nDTSTART:20261207T090000Z\r\nDTEND:20261207T100000Z\r\n"
        f"SUMMARY:Agenda {n} {_ics_text(p)}\r\nLOCATION:31000 Toulouse\r\nDESCRIPTION:Avant {n} {_ics_text(p)} Après {n}\r\n"
        "END:VEVENT\r\n" for n, p in enumerate(PAYLOADS))
    (root / "agenda.ics").write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//FR\r\n{events_ics}END:VCALENDAR\r\n",
                                     encoding="utf-8")
    assert ICalendarImporter(source("ics", "icalendar", "agenda.ics"), context).run().created == len(PAYLOADS)
    return Site(build_site(root / "content", root / "output"))


def _ics_text(payload: str) -> str:
    return one_line(payload).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def inert_problems(html: str) -> list[str]:
    """Everything in a page that could run script, load a third party or restyle the page."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        src = tag.get("src", "")
        if tag.name == "script" and tag.get("type") != "application/ld+json" and not (src.startswith("/theme/")
                                                                                       or src == WIDGET):
            found.append(f"script: {tag}")
        ours = ((tag.name == "svg" and tag.get("class") == ["department-map"])  # the theme's map, built from packages
                or (tag.name == "base" and tag.attrs == {"target": "_top"}))  # the partners' iframe opens links on top
        if tag.name in FORBIDDEN_TAGS and not ours:
            found.append(f"tag {tag.name}")
        own = {"search-form", "preferences-form", "feed-builder", "embed-builder"}  # the site's own, posting nowhere
        search_form = tag.find_parent("form", class_=list(own)) if tag.name in {"input", "select"} else None
        if tag.name == "form" and (not own.intersection(tag.get("class", [])) or tag.get("action")):
            found.append(f"form {tag.attrs}")
        if tag.name == "input" and not search_form and not (tag.get("class") == ["copy"] and tag.has_attr("readonly")):
            found.append(f"input {tag}")  # besides the search form: the subscribe page's read-only addresses
        if tag.name == "link" and tag.get("rel") == ["stylesheet"] and tag.get("href") not in OUR_STYLESHEETS:
            found.append(f"stylesheet {tag.get('href')}")
        if tag.name == "meta" and tag.get("http-equiv"):
            found.append("meta http-equiv")
        for name, value in tag.attrs.items():
            if name.lower().startswith("on") or name.lower() == "style":
                found.append(f"attribute {name} on {tag.name}")
            if name.lower() in URL_ATTRIBUTES:
                compact = re.sub(r"[\s\x00-\x1f]", "", str(value)).lower()
                if BAD_SCHEMES.match(compact):
                    found.append(f"{name}={value}")
    return found


def pages(site: Site) -> list[Path]:
    return sorted(site.output.rglob("*.html"))


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 60


def test_every_built_page_is_inert(hostile_site):
    built = pages(hostile_site)
    assert len(built) > 4 * len(PAYLOADS)
    problems = {str(path.relative_to(hostile_site.output)): inert_problems(path.read_text(encoding="utf-8"))
                for path in built}
    assert {path: found for path, found in problems.items() if found} == {}


@pytest.mark.parametrize("prefix", ["agences/hostile", "api-api", "csv-csv", "ics-ics"])
def test_text_around_the_payloads_is_still_shown(hostile_site, prefix):
    for number in range(len(PAYLOADS)):
        slug = f"hostile-{number:02d}" if prefix == "agences/hostile" else f"{prefix}-{number}"
        page = hostile_site.page(f"evenement/{slug}")
        text = page.select_one("main").get_text(" ")
        assert f"Avant {number}" in text and f"Après {number}" in text, slug
        if prefix == "agences/hostile":  # metadata is shown as the very text the agency typed (French spaces aside)
            assert page.h1.get_text().replace("\u00a0", " ") == f"Titre {number} {one_line(PAYLOADS[number])}"


@requires_chromium
def test_nothing_runs_in_a_real_browser(hostile_site):
    """Every agency-file and API page, a quarter of the spreadsheet and calendar ones (same rendering path)."""
    urls = [f"evenement/hostile-{n:02d}/" for n in range(len(PAYLOADS))]
    urls += [f"evenement/api-api-{n}/" for n in range(len(PAYLOADS))]
    urls += [f"evenement/{kind}-{kind}-{n}/" for kind in ("csv", "ics") for n in range(0, len(PAYLOADS), 4)]
    urls += ["", "evenements/", "service/service-hostile/", "services/"]
    with serve(hostile_site.output) as base, chromium() as browser:
        visit = Visit(browser, base)
        failures = {}
        for url in urls:
            visit.open(url)
            fired = visit.dialogs + [m for m in visit.console if "XSS" in m] + (["window.__xss"] if visit.xss else [])
            foreign = [request for request in visit.requests if not request.startswith(base)]
            if fired or foreign or visit.errors:
                failures[url] = fired + foreign + visit.errors
    assert failures == {}


def test_json_ld_keeps_hostile_titles_inside_its_script(hostile_site):
    """A title holding </script> or <!-- stays data: the JSON parses back to the very title."""
    for number, payload in enumerate(PAYLOADS):
        page = hostile_site.page(f"evenement/hostile-{number:02d}")
        (block,) = page.select('script[type="application/ld+json"]')
        assert json.loads(block.string)["name"] == f"Titre {number} {one_line(payload)}"
        raw = (hostile_site.output / f"evenement/hostile-{number:02d}/index.html").read_text(encoding="utf-8")
        data = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        assert "<" not in data and ">" not in data


@requires_chromium
def test_search_results_show_hostile_titles_as_text(hostile_site):
    with serve(hostile_site.output) as base, chromium() as browser:
        visit = Visit(browser, base).open("recherche/?q=titre")
        visit.page.wait_for_selector(".search-status:not(:empty)")
        titles = visit.page.locator(".search-results .card-title").all_inner_texts()
        assert len(titles) == 20  # the first page of results
        visit.page.click(".search-more")
        visit.page.click(".search-more")
        visit.page.click(".search-more")
        assert visit.page.locator(".search-results .card").count() == len(PAYLOADS)
        titles = visit.page.locator(".search-results .card-title").all_inner_texts()
        assert f"Titre 0 {one_line(PAYLOADS[0])}" in titles  # the script tag shown as the text typed
        visit.page.fill("#q", "alert xss")
        visit.page.wait_for_timeout(300)
        assert visit.dialogs == [] and not visit.xss and visit.errors == [] and visit.violations == []
        assert visit.page.locator(".search-results script, .search-results img, .search-results svg").count() == 0
