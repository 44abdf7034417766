"""The demo site as a visitor gets it: every link leads somewhere, pages work under the CSP, no third party."""

from __future__ import annotations

from agenda_linkcheck import broken_links

from tests.browser import Visit, chromium, requires_chromium, serve

PAGES = ["", "evenements/", "evenements/occitanie/", "evenements/occitanie/haute-garonne/", "evenements/a-distance/",
         "evenements/archives/", "evenement/exemple-agences-tableur-tls-001/", "evenement/exemple-agences-tableur-nim-001/",
         "services/", "service/la-bonne-boite/", "s-abonner/", "donnees/", "a-propos/", "accessibilite/",
         "recherche/?q=atelier", "mes-evenements/"]


def test_sample_site_has_no_broken_link(sample_site):
    assert broken_links(sample_site.output, "http://127.0.0.1:8000") == []
    assert sum(1 for _ in sample_site.output.rglob("*.html")) > 250


def test_broken_links_are_found(tmp_path):
    (tmp_path / "evenements").mkdir()
    (tmp_path / "index.html").write_text('<a href="/evenements/">ok</a> <a href="/nulle-part/">ko</a> '
                                         '<a href="https://ailleurs.example.org/">externe</a> <a href="#contenu">ancre</a>')
    (tmp_path / "evenements" / "index.html").write_text('<link href="/theme/site.css">')
    (tmp_path / "flux.atom").write_text('<feed><link href="http://127.0.0.1:8000/evenement/absent/"/></feed>')
    (tmp_path / "agenda.ics").write_text("BEGIN:VEVENT\r\nURL:http://127.0.0.1:8000/evenement/abs\r\n ent/\r\nEND:VEVENT\r\n")
    assert broken_links(tmp_path, "http://127.0.0.1:8000") == [
        "agenda.ics: http://127.0.0.1:8000/evenement/absent/",
        "evenements/index.html: /theme/site.css",
        "flux.atom: http://127.0.0.1:8000/evenement/absent/",
        "index.html: /nulle-part/",
    ]


@requires_chromium
def test_pages_work_under_the_content_security_policy(sample_site):
    with serve(sample_site.output) as base, chromium() as browser:
        visit = Visit(browser, base)
        for url in PAGES:
            visit.open(url)
            assert visit.violations == [], url
            assert visit.errors == [] and visit.dialogs == [], url
            assert [r for r in visit.requests if not r.startswith(base)] == [], url
            assert visit.page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Marianne"), url
            assert visit.page.evaluate("document.fonts.ready.then(() => document.fonts.check('1em Marianne'))"), url
