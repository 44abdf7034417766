"""The back office as agency staff use it: Decap CMS under /admin/ in Chromium, saving through decap-server (the
proxy backend) on 127.0.0.1 into a working copy; the file it writes passes the check and builds into the event."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import httpx
import pytest
import yaml
from playwright.sync_api import expect

from catalogue.geography import geography
from catalogue.scan import scan
from catalogue.vocabulary import AUDIENCES, EVENT_TYPES, STATUSES
from tests.browser import chromium, requires_chromium, serve
from tests.conftest import ROOT, Site, build_site, make_content
from tests.local_servers import free_port

AGENCY = {"cap-emploi-31": "Cap emploi Haute-Garonne"}


def test_the_configuration_is_made_from_the_vocabulary(tmp_path):
    output = build_site(make_content(tmp_path / "content"), tmp_path / "output", AGENDA_CMS={"agencies": AGENCY})
    config = yaml.safe_load((output / "admin/config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "fr" and config["publish_mode"] == "editorial_workflow"
    agency = next(c for c in config["collections"] if c["name"] == "cap-emploi-31")
    assert agency["folder"] == "content/events/cap-emploi-31" and agency["label"] == "Cap emploi Haute-Garonne"
    fields = {field["name"]: field for field in agency["fields"]}
    assert fields["organizer"]["default"] == "Cap emploi Haute-Garonne"
    assert [option["value"] for option in fields["type"]["options"]] == [term.key for term in EVENT_TYPES]
    assert [option["label"] for option in fields["audience"]["options"]] == [term.label for term in AUDIENCES]
    assert fields["audience"]["multiple"] and not fields["status"].get("multiple")
    assert [option["value"] for option in fields["status"]["options"]] == [term.key for term in STATUSES]
    assert (fields["title"]["label"], fields["start"]["label"], fields["places_left"]["label"]) == (
        "Titre", "Début", "Places restantes")  # the French names the guide and the messages use
    assert fields["commune"]["widget"] == "commune" and fields["start"]["picker_utc"] is False
    assert (output / "theme/decap/decap-cms.js").stat().st_size > 1_000_000
    page = Site(output).page("admin")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "Disallow: /admin/" in (output / "robots.txt").read_text(encoding="utf-8")


def git(project: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(project), *arguments], check=True, capture_output=True, text=True).stdout


@pytest.fixture(params=["fs"])
def decap_server(request, tmp_path):
    """decap-server on 127.0.0.1 over a working copy in tmp_path/project: "fs" writes files at once (invoke cms),
    "git" keeps each entry on a branch until it is published (the editorial workflow, as Git hosts do)."""
    project, port = tmp_path / "project", free_port()
    make_content(project / "content")
    environment = os.environ | {"MODE": request.param, "PORT": str(port), "BIND_HOST": "127.0.0.1",
                                "GIT_REPO_DIRECTORY": str(project), "LOG_LEVEL": "warn"}
    if request.param == "git":
        environment |= {"GIT_AUTHOR_NAME": "Agence", "GIT_AUTHOR_EMAIL": "agence@example.org",
                        "GIT_COMMITTER_NAME": "Agence", "GIT_COMMITTER_EMAIL": "agence@example.org"}
        git(project, "init", "-q", "-b", "main")
        git(project, "add", "-A")
        git(project, "-c", "user.name=Agence", "-c", "user.email=agence@example.org", "commit", "-qm", "Start")
    server = subprocess.Popen(["node", str(ROOT / "node_modules/decap-server/dist/index.js")], env=environment)
    try:
        for _ in range(100):
            try:
                httpx.post(f"http://127.0.0.1:{port}/api/v1", json={"action": "info"}, timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield project, port
    finally:
        server.terminate()
        server.wait(timeout=10)


def open_form(browser, base: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page.on("dialog", lambda dialog: dialog.accept())  # « Publier maintenant » asks for a confirmation
    page.goto(f"{base}/admin/#/collections/cap-emploi-31/new")
    page.get_by_role("button", name="Se connecter").click()
    return page


def choose(page, field: str, text: str) -> None:
    """A select list (react-select): type the start of the French label, take the first suggestion."""
    page.fill(f"[id^='{field}-field']", text)
    page.keyboard.press("Enter")


@requires_chromium
def test_an_event_created_in_the_back_office_passes_the_check_and_is_built(tmp_path, decap_server):
    project, port = decap_server
    settings = {"AGENDA_CMS": {"agencies": AGENCY, "local_port": port}}
    output = build_site(project / "content", tmp_path / "output", **settings)
    with serve(output) as base, chromium() as browser:
        page = open_form(browser, base)
        page.fill("[id^='title-field']", "Atelier CV et lettre de motivation")
        choose(page, "type", "Atelier")
        choose(page, "mode", "Sur place")
        page.fill("[id^='start-field']", "2026-12-03T09:30")
        page.fill("[id^='end-field']", "2026-12-03T11:30")
        page.fill("[id^='commune-field']", "31000 Toulouze")
        page.get_by_text("Publier", exact=True).click()
        page.get_by_text("Publier maintenant").click()
        assert page.get_by_text("Commune inconnue").is_visible()  # not in the official geography: not saved
        assert not (project / "content/events/cap-emploi-31").exists()
        page.fill("[id^='commune-field']", "31000 Tou")
        suggested = page.eval_on_selector_all("datalist option", "options => options.map(o => o.value)")
        assert suggested[:1] == ["31000 Toulouse"]  # the biggest commune first
        page.fill("[id^='commune-field']", "31000 Toulouse")
        choose(page, "audience", "Ouvert à")
        choose(page, "audience", "Jeunes")
        page.fill("[id^='places_onsite-field']", "12")
        preview = page.frame_locator("iframe").locator("article")
        expect(preview.locator("dl")).to_contain_text("Atelier")  # the labels a job seeker reads, not the keys
        assert "workshop" not in preview.inner_text() and "Jeunes (moins de 26 ans)" in preview.inner_text()
        page.screenshot(path=str(tmp_path / "form.png"))
        page.get_by_text("Publier", exact=True).click()
        page.get_by_text("Publier maintenant").click()
        page.wait_for_timeout(1500)
    saved = list((project / "content/events/cap-emploi-31").glob("*.md"))
    assert len(saved) == 1, list(project.rglob("*.md"))
    assert saved[0].read_text(encoding="utf-8").startswith("---\ntitle: Atelier CV et lettre de motivation\n")
    checked = scan(project / "content", geography())
    assert checked.problems == [], checked.problems
    site = Site(build_site(project / "content", tmp_path / "output-2", **settings))
    event = site.page(f"evenement/{saved[0].stem}")
    text = event.get_text(" ", strip=True).replace("\xa0", " ").replace("\u202f", " ")
    assert event.h1.get_text() == "Atelier CV et lettre de motivation"
    for shown in ("Atelier", "31000 Toulouse", "Ouvert à tous", "Jeunes (moins de 26 ans)", "de 9 h 30 à 11 h 30",
                  "Places 12 sur place", "jeudi 3 décembre 2026"):
        assert shown in text, shown
    assert "Cap emploi Haute-Garonne" in text


@requires_chromium
@pytest.mark.parametrize("decap_server", ["git"], indirect=True)
def test_the_editorial_workflow_keeps_a_draft_off_the_site_until_it_is_published(tmp_path, decap_server):
    """Brouillon, En cours de révision, Prêt, Publier: each entry is a branch until it is published (merged)."""
    project, port = decap_server
    output = build_site(project / "content", tmp_path / "output",
                        AGENDA_CMS={"agencies": AGENCY, "local_port": port})
    folder = project / "content/events/cap-emploi-31"
    with serve(output) as base, chromium() as browser:
        page = open_form(browser, base)
        page.fill("[id^='title-field']", "Job dating logistique")
        choose(page, "type", "Job dating")
        page.fill("[id^='start-field']", "2026-12-10T14:00")
        page.fill("[id^='end-field']", "2026-12-10T17:00")
        page.fill("[id^='commune-field']", "31200 Toulouse")
        page.get_by_role("button", name="Enregistrer").click()
        page.get_by_text("Statut: Brouillon").wait_for()
        [branch] = git(project, "branch", "--list", "cms/*").split()
        assert branch.endswith("-job-dating-logistique") and not folder.exists()  # a draft: on its branch only
        for status, label in (("En cours de révision", "pending_review"), ("Prêt", "pending_publish")):
            page.get_by_text("Statut: ").click()
            page.get_by_text(status, exact=True).click()
            page.get_by_text(f"Statut: {status}").wait_for()
            assert git(project, "config", f"branch.{branch}.description").strip() == f"decap-cms/{label}"
        assert not folder.exists()
        page.get_by_text("Publier", exact=True).click()
        page.get_by_text("Publier maintenant").click()
        for _ in range(100):  # the merge happens behind the page: wait for the file, 10 s at most
            if list(folder.glob("*.md")):
                break
            page.wait_for_timeout(100)
    assert [path.name for path in folder.glob("*.md")] == [branch.split("/")[-1] + ".md"]
    assert git(project, "branch", "--list", "cms/*") == ""  # merged and gone
    assert git(project, "log", "-1", "--format=%s").strip() == f"Add event {branch.split('/')[-1]}"
    assert scan(project / "content", geography()).problems == []
