"""Shared fixtures: a small agency content folder and a real Pelican build of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"
NOW = "2026-12-01 08:00"


@pytest.fixture(autouse=True)
def fresh_pelican_log():
    """Pelican's log drops a warning it has already given in this process: each test hears its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._ignore.clear()
    LimitFilter._group_count.clear()


def make_content(target: Path, *, invalid: bool = False) -> Path:
    """Copy the fixture site's content to ``target``; with ``invalid``, drop the bad files into events/."""
    for folder in ("events", "services", "pages"):
        shutil.copytree(FIXTURE_SITE / folder, target / folder)
    if invalid:
        shutil.copytree(FIXTURE_SITE / "invalid", target / "events" / "depots")
    return target


def build_site(content: Path, output: Path, **overrides) -> Path:
    """Build like ``invoke build`` does, keeping the revisions state next to ``output`` (not in the repo)."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "OUTPUT_PATH": str(output), "AGENDA_NOW": NOW, "CACHE_CONTENT": False,
                  "AGENDA_REVISIONS": str(output.parent / "revisions.json"), **overrides},
    )
    Pelican(settings).run()
    return output


class Site:
    """A built site, with its pages parsed as a reader of the HTML would see them."""

    def __init__(self, output: Path):
        self.output = output

    def exists(self, url: str) -> bool:
        return (self.output / url / "index.html").exists() if not url.endswith(".html") else (self.output / url).exists()

    def page(self, url: str) -> BeautifulSoup:
        path = self.output / url
        if path.is_dir() or not url.endswith(".html"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    @staticmethod
    def facts(page: BeautifulSoup) -> dict[str, str]:
        """The definition list of an event or service page, as {term: text}."""
        terms, values = page.select(".facts dt"), page.select(".facts dd")
        return {dt.get_text(): dd.get_text(" ", strip=True) for dt, dd in zip(terms, values, strict=True)}

    @staticmethod
    def registration(page: BeautifulSoup) -> str:
        """What the event page says about registering, first under the title, as a reader hears it."""
        return " ".join(page.select_one(".register").get_text(" ").split())

    def card_titles(self, url: str) -> list[str]:
        return [title.get_text(strip=True) for title in self.page(url).select(".cards .card-title")]


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Site:
    """The README's demo: every bundled sample source imported, the repository's pages and services, built."""
    from importers.cli import main

    base = tmp_path_factory.mktemp("sample")
    content = base / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    shutil.copytree(ROOT / "content" / "services", content / "services", ignore=shutil.ignore_patterns("imports"))
    assert main(["--config", str(ROOT / "sources.toml"), "--content", str(content), "--today", NOW[:10]]) == 0
    return Site(build_site(content, base / "output"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("site")
    content = make_content(base / "content")
    return Site(build_site(content, base / "output"))


@pytest.fixture(scope="module")
def browser_site(sample_site):
    """The demo site served on 127.0.0.1 and one Chromium for a test module: (base URL, browser, site)."""
    from tests.browser import chromium, serve

    with serve(sample_site.output) as base, chromium() as browser:
        yield base, browser, sample_site
