"""The plugins form one site around one shared state: any order, one place for addresses and settings."""

from __future__ import annotations

import hashlib

import feedparser
import pytest
from agenda_core import SettingsError
from agenda_linkcheck import broken_links
from pelican import Pelican
from pelican.settings import read_settings

from tests.conftest import NOW, ROOT, Site, build_site, make_content

PLUGINS = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]


def tree(output) -> dict[str, str]:
    return {str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(output.rglob("*")) if path.is_file()}


def test_plugins_in_reverse_order_build_the_same_site_byte_for_byte(tmp_path):
    content = make_content(tmp_path / "content")
    normal = build_site(content, tmp_path / "normal" / "output")
    reversed_ = build_site(content, tmp_path / "reversed" / "output", PLUGINS=list(reversed(PLUGINS)))
    expected, found = tree(normal), tree(reversed_)
    assert len(expected) > 200
    assert found == expected


def settings(tmp_path, **overrides) -> dict:
    return read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(make_content(tmp_path / "content")), "OUTPUT_PATH": str(tmp_path / "output"), "AGENDA_NOW": NOW,
        "AGENDA_REVISIONS": str(tmp_path / "revisions.json"), "CACHE_CONTENT": False, **overrides})


def test_a_missing_plugin_stops_the_build_naming_it(tmp_path):
    with pytest.raises(SettingsError) as raised:
        Pelican(settings(tmp_path, PLUGINS=[name for name in PLUGINS if name not in {"agenda_feeds", "agenda_dsfr"}]))
    assert str(raised.value).splitlines() == [
        "agenda : le thème a besoin du plugin agenda_feeds : ajoutez-le à PLUGINS / the theme needs the agenda_feeds "
        "plugin: add it to PLUGINS",
        "agenda : le thème a besoin du plugin agenda_dsfr : ajoutez-le à PLUGINS / the theme needs the agenda_dsfr "
        "plugin: add it to PLUGINS"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"AGENDA_URLS": {"events": "/evenements"}},
         "AGENDA_URLS['events'] : adresse relative attendue, sans « / » au début ni « .. » / a relative address is "
         "expected, got '/evenements'"),
        ({"AGENDA_URLS": {"rss": "flux/"}}, "AGENDA_URLS['rss'] : un nom de fichier / a file name attendu, got 'flux/'"),
        ({"AGENDA_URLS": {"agenda": "x/"}}, "AGENDA_URLS : clé inconnue « agenda » / unknown key"),
        ({"AGENDA_FEEDS": {"max_items": "beaucoup"}},
         "AGENDA_FEEDS['max_items'] : int attendu / expected, got 'beaucoup'"),
        ({"DSFR": {"brnd": False}}, "DSFR['brnd'] : clé inconnue / unknown key (one of brand, components"),
        ({"SITE_PUBLIC_URL": "agenda.example.org"},
         "SITE_PUBLIC_URL : adresse http(s) attendue / an http(s) address is expected, got 'agenda.example.org'"),
        ({"AGENDA_NOW": "demain"}, "AGENDA_NOW : « demain » n'est pas une date lisible / unreadable date"),
        ({"HOME_EVENTS": 0}, "HOME_EVENTS : nombre entier positif attendu"),
    ],
)
def test_settings_are_checked_once_at_start_up(tmp_path, overrides, message):
    with pytest.raises(SettingsError) as raised:
        Pelican(settings(tmp_path, **overrides))
    assert str(raised.value).startswith(message)


MOVED = {"events": "agenda/", "search": "chercher/", "search_index": "chercher/donnees/", "subscribe": "abonnements/",
         "open_data": "ouvert/", "favourites": "mes-favoris/", "rss": "fil.rss", "calendar": "calendrier.ics"}


@pytest.fixture(scope="module")
def moved(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("moved")
    return Site(build_site(make_content(base / "content"), base / "output", AGENDA_URLS=MOVED))


def test_moved_addresses_are_followed_by_pages_links_feeds_and_the_sitemap(moved):
    out = moved.output
    for url in ("agenda/", "agenda/occitanie/haute-garonne/", "agenda/type/job-dating/", "chercher/", "abonnements/",
                "ouvert/", "mes-favoris/"):
        assert moved.exists(url), url
    for old in ("evenements", "recherche", "s-abonner", "donnees", "mes-evenements"):
        assert not (out / old).exists(), old
    assert (out / "agenda/occitanie/fil.rss").exists() and (out / "agenda/occitanie/calendrier.ics").exists()
    assert (out / "chercher/donnees/manifest.json").exists() and (out / "ouvert/evenements.csv").exists()
    home = moved.page("index.html")
    nav = [a["href"] for a in home.select("nav a")]
    assert {"/agenda/", "/chercher/", "/abonnements/", "/mes-favoris/"} <= set(nav)
    assert moved.page("chercher").select_one("[data-index]")["data-index"] == "/chercher/donnees/"
    event = moved.page("evenement/job-dating-toulouse")
    assert [a["href"] for a in event.select(".fr-breadcrumb a, .breadcrumb a")][1:3] == ["/agenda/", "/agenda/occitanie/"]
    assert event.select_one('head link[type="application/rss+xml"]')["href"] == "/agenda/occitanie/haute-garonne/fil.rss"
    rss = feedparser.parse((out / "agenda/occitanie/fil.rss").read_bytes())
    assert rss.feed.link == "http://127.0.0.1:8000/agenda/occitanie/"
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/agenda/occitanie/</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/chercher/</loc>" in sitemap and "/evenements/" not in sitemap
    assert broken_links(out, "http://127.0.0.1:8000") == []


def test_the_command_line_stops_with_the_messages_and_no_traceback(tmp_path):
    import subprocess
    import sys

    settings_file = tmp_path / "settings.py"
    settings_file.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nTHEME = {str(ROOT / 'theme')!r}\n"
        "PLUGINS = [name for name in PLUGINS if name != 'agenda_search']\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pelican", str(make_content(tmp_path / "content")), "-o",
                             str(tmp_path / "output"), "-s", str(settings_file)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == ("agenda : le thème a besoin du plugin agenda_search : ajoutez-le à PLUGINS / the "
                                     "theme needs the agenda_search plugin: add it to PLUGINS")
    assert "Traceback" not in result.stdout + result.stderr
