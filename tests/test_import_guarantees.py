"""What every importer guarantees: updates in place, cancels vanished events, never overwrites hand edits,
never half-writes a file, keeps a failing source's content, and merges copies across sources."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from catalogue.dates import PARIS
from importers.cli import main
from importers.spreadsheet import SpreadsheetImporter
from tests.conftest import Site, build_site
from tests.importers_support import make_context, snapshot, source, written

HEADER = "Identifiant;Titre;Type;Modalité;Date;Début;Fin;Commune;Statut\n"
ROWS = {
    "a": "a;Forum de l'emploi;forum;présentiel;10/12/2026;9h;17h;31555;\n",
    "b": "b;Atelier CV;atelier;présentiel;11/12/2026;9h;11h;31555;\n",
    "old": "old;Atelier passé;atelier;présentiel;20/11/2026;9h;11h;31555;\n",
}
FOLDER = "events/imports/agence"


def run(root: Path, *rows: str, now: datetime | None = None):
    (root / "agenda.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    context = make_context(root, now=now) if now else make_context(root)
    return SpreadsheetImporter(source("agence", "spreadsheet", "agenda.csv"), context).run()


def test_updates_in_place(tmp_path):
    run(tmp_path, ROWS["a"])
    summary = run(tmp_path, ROWS["a"].replace("Forum de l'emploi", "Forum de l'emploi et de la formation"))
    assert (summary.created, summary.updated) == (0, 1)
    assert written(tmp_path, FOLDER)["a"]["title"] == "Forum de l'emploi et de la formation"


def test_vanished_upcoming_events_are_cancelled_and_past_ones_kept(tmp_path):
    run(tmp_path, *ROWS.values())
    summary = run(tmp_path, ROWS["a"])
    assert (summary.unchanged, summary.cancelled) == (1, 1)
    files = written(tmp_path, FOLDER)
    assert files["b"]["status"] == "cancelled"
    assert "status" not in files["old"]  # past: kept as it was
    again = run(tmp_path, ROWS["a"])
    assert (again.unchanged, again.cancelled, again.updated) == (1, 0, 0)  # idempotent afterwards too


def test_hand_edited_files_are_never_overwritten(tmp_path):
    run(tmp_path, ROWS["a"], ROWS["b"])
    edited = tmp_path / "content" / FOLDER / "agence-a.md"
    text = edited.read_text(encoding="utf-8").replace("Title: Forum de l'emploi", "Title: Forum (salle B)")
    edited.write_text(text, encoding="utf-8")
    summary = run(tmp_path, ROWS["a"].replace("17h", "18h"))
    assert summary.conflicts == 1
    assert f"agence: {edited} a été modifié à la main : il n'est pas écrasé" in summary.problems
    assert edited.read_text(encoding="utf-8") == text
    hand_written = tmp_path / "content" / FOLDER / "agence-c.md"
    hand_written.write_text("Title: Déposé à la main\n", encoding="utf-8")
    run(tmp_path, ROWS["a"], "c;Autre;forum;présentiel;12/12/2026;9h;17h;31555;\n")
    assert hand_written.read_text(encoding="utf-8") == "Title: Déposé à la main\n"


def test_an_interrupted_write_leaves_the_previous_file(tmp_path, monkeypatch):
    run(tmp_path, ROWS["a"])
    before = snapshot(tmp_path)

    def crash(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        run(tmp_path, ROWS["a"].replace("17h", "18h"))
    assert snapshot(tmp_path) == before  # no half-written file, no temporary file left


def test_one_failing_source_does_not_stop_the_others(tmp_path, capsys):
    (tmp_path / "agenda.csv").write_text(HEADER + ROWS["a"], encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[sources.absent]\nkind = "icalendar"\nlocation = "nulle-part.ics"\n\n'
        '[sources.agence]\nkind = "spreadsheet"\nlocation = "agenda.csv"\norganizer = "Agence"\n',
        encoding="utf-8")
    code = main(["--config", str(tmp_path / "sources.toml"), "--content", str(tmp_path / "content")])
    out = capsys.readouterr().out
    assert code == 1
    assert "absent : ÉCHEC — fichier illisible nulle-part.ics (No such file or directory) (contenu existant conservé)" in out
    assert "agence : 1 créés, 0 mis à jour, 0 inchangés, 0 annulés, 0 rejetés" in out


def test_two_sources_announcing_one_event_make_one_page(tmp_path):
    for name, title in (("agence", "Forum de l'emploi"), ("partenaire", "Forum de l’emploi !")):
        (tmp_path / f"{name}.csv").write_text(HEADER + f"x;{title};forum;présentiel;10/12/2026;9h;17h;31555;\n",
                                              encoding="utf-8")
        SpreadsheetImporter(source(name, "spreadsheet", f"{name}.csv"), make_context(tmp_path)).run()
    site = Site(build_site(tmp_path / "content", tmp_path / "output"))
    assert site.card_titles("evenements") == ["Forum de l'emploi"]
    page = site.page("evenement/agence-x")
    assert page.select_one(".meta").get_text() == "Annoncé par plusieurs sources\u00a0: agence, partenaire."


def test_rebased_samples_keep_the_weekday(tmp_path):
    (tmp_path / "agenda.csv").write_text(HEADER + ROWS["a"], encoding="utf-8")
    config = source("agence", "spreadsheet", "agenda.csv")
    config = type(config)(**{**config.__dict__, "rebase_from": datetime(2026, 11, 23).date()})
    SpreadsheetImporter(config, make_context(tmp_path, now=datetime(2027, 3, 3, tzinfo=PARIS))).run()
    assert written(tmp_path, FOLDER)["a"]["start"] == "2027-03-18 09:00"  # 14 weeks later, a Thursday again


def test_the_import_report_is_utf8_whatever_the_terminal(tmp_path):
    """A terminal or pipe announced as Latin-1 still gets a UTF-8 report: « », œ and long lines intact."""
    import subprocess
    import sys

    rows = "".join(f"l{n};Atelier cœur de métier n° {n};atelier;présentiel;03/12/2026;9h;;;Commune inconnue {n}\n"
                   for n in range(300))
    (tmp_path / "agenda.csv").write_text("Identifiant;Titre;Type;Modalité;Date;Début;Fin;Organisateur;Commune\n" + rows,
                                         encoding="utf-8")
    (tmp_path / "sources.toml").write_text('[sources.agence]\nkind = "spreadsheet"\nlocation = "agenda.csv"\n'
                                           'organizer = "France Travail"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "importers", "--config", str(tmp_path / "sources.toml"),
                             "--content", str(tmp_path / "content"), "--today", "2026-11-25"],
                            capture_output=True, env={**os.environ, "PYTHONIOENCODING": "latin-1"}, timeout=120)
    report = result.stdout.decode("utf-8")  # raises if any byte is not UTF-8
    assert result.returncode == 0 and "agence : 0 créés" in report and "300 rejetés" in report
    assert report.count("« Commune inconnue") == 300 and len(report) > 30_000


def test_the_postcode_a_source_writes_is_the_one_pages_and_json_ld_show(tmp_path):
    """``69003 Lyon`` stays 69003 (not Lyon's first postcode, 69001) on the page and in its JSON-LD."""
    import json

    (tmp_path / "agenda.csv").write_text(HEADER + "p;Forum du 3e;forum;présentiel;10/12/2026;9h;17h;Mairie, 69003 Lyon;\n",
                                         encoding="utf-8")
    SpreadsheetImporter(source("agence", "spreadsheet", "agenda.csv"), make_context(tmp_path)).run()
    assert written(tmp_path, FOLDER)["p"]["commune"] == "69003 Lyon"
    page = Site(build_site(tmp_path / "content", tmp_path / "output")).page("evenement/agence-p")
    assert "69003 Lyon" in page.find("dt", string="Lieu").find_next("dd").get_text()
    data = [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]
    event = next(item for item in data if "Event" in str(item.get("@type")))
    assert event["location"]["address"]["postalCode"] == "69003"
