"""The spreadsheet importer on agency-shaped CSV files."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from catalogue.dates import PARIS
from importers.base import SourceConfig
from importers.spreadsheet import SpreadsheetImporter
from tests.importers_support import make_context, written

HEADER = "Identifiant;Titre;Type;Modalité;Date;Début;Fin;Organisateur;Commune;Lien de connexion;Statut\n"


def run(tmp_path: Path, text: str, *, encoding="utf-8", rebase_from=None, today=date(2026, 11, 25)):
    (tmp_path / "agenda.csv").write_bytes(text.encode(encoding))
    config = SourceConfig("agence-test", "spreadsheet", "agenda.csv", organizer="France Travail", rebase_from=rebase_from)
    context = make_context(tmp_path, now=datetime.combine(today, time(8), tzinfo=PARIS))
    return SpreadsheetImporter(config, context).run()


def test_french_csv_with_bom_semicolons_and_french_times(tmp_path):
    text = "\ufeff" + HEADER + "a1;Job dating;job dating;présentiel;03/12/2026;9h30;12h;;31000 Toulouse;;\n;;;;;;;;;;\n"
    summary = run(tmp_path, text)
    assert (summary.created, summary.rejected) == (1, 0)
    written = (tmp_path / "content/events/imports/agence-test/agence-test-a1.md").read_text(encoding="utf-8")
    assert written.splitlines()[:7] == [
        "Title: Job dating", "Start: 2026-12-03 09:30", "End: 2026-12-03 12:00", "Type: job-dating",
        "Mode: onsite", "Organizer: France Travail", "Commune: 31000 Toulouse",
    ]
    assert "Uid: agence-test:a1" in written and "Source: agence-test" in written


def test_windows_1252_file(tmp_path):
    text = HEADER + "a2;Réunion d'information;réunion d'information;à distance;04/12/2026;14h;16h;;;https://v.example;\n"
    summary = run(tmp_path, text, encoding="cp1252")
    assert summary.created == 1
    path = tmp_path / "content/events/imports/agence-test/agence-test-a2.md"
    assert "Title: Réunion d'information" in path.read_text("utf-8")


def test_bad_rows_are_reported_with_their_row_number_and_the_rest_imported(tmp_path):
    text = HEADER + (
        "b1;Forum;forum;présentiel;31/02/2026;9h;12h;;31555;;\n"
        "b2;Atelier;atelier;présentiel;05/12/2026;9h;12h;;31555;;\n"
        "b3;Salon;salon en ligne;à distance;05/12/2026;9h;12h;;;;\n"
    )
    summary = run(tmp_path, text)
    assert (summary.created, summary.rejected) == (1, 2)
    assert summary.problems == [
        "agence-test (ligne 2): Start: le 31/02/2026 n'existe pas (attendu: une date comme 2026-12-03 09:30 ou "
        "03/12/2026 9h30)",
        "agence-test (ligne 2): End: le 31/02/2026 n'existe pas (attendu: une date comme 2026-12-03 09:30 ou "
        "03/12/2026 9h30)",
        "agence-test (ligne 3): avertissement : Registration: inscription demandée, mais aucun moyen de s'inscrire "
        "n'est indiqué (attendu: un lien, une adresse e-mail ou un téléphone dans Registration, ou un Contact)",
        "agence-test (ligne 4): Url: champ obligatoire absent",
    ]


def test_importing_twice_changes_no_byte(tmp_path):
    text = HEADER + "c1;Forum;forum;présentiel;03/12/2026;9h;17h;;31555;;annulé\n"
    run(tmp_path, text)
    path = tmp_path / "content/events/imports/agence-test/agence-test-c1.md"
    before = path.read_bytes()
    second = run(tmp_path, text)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*.tmp"))


def test_sample_dates_move_by_whole_weeks(tmp_path):
    text = HEADER + "d1;Forum;forum;présentiel;03/12/2026;9h;17h;;31555;;\n"
    run(tmp_path, text, rebase_from=date(2026, 11, 23), today=date(2027, 3, 3))
    written = (tmp_path / "content/events/imports/agence-test/agence-test-d1.md").read_text(encoding="utf-8")
    assert "Start: 2027-03-11 09:00" in written  # 14 weeks later, still a Thursday


def test_the_source_region_settles_shared_commune_names(tmp_path):
    (tmp_path / "agenda.csv").write_text(HEADER + "r1;Forum;forum;présentiel;03/12/2026;9h;17h;;Saint-Denis;;\n",
                                         encoding="utf-8")
    without = SpreadsheetImporter(SourceConfig("sans", "spreadsheet", "agenda.csv", organizer="FT"),
                                  make_context(tmp_path)).run()
    assert without.rejected == 1 and "désigne plusieurs communes" in without.problems[0]
    config = SourceConfig("reunion", "spreadsheet", "agenda.csv", organizer="FT", region="La Réunion")
    assert SpreadsheetImporter(config, make_context(tmp_path)).run().created == 1
    written = (tmp_path / "content/events/imports/reunion/reunion-r1.md").read_text(encoding="utf-8")
    assert "Commune: 97400 Saint-Denis" in written


def test_template_columns_for_the_taxonomy(tmp_path):
    header = ("Identifiant;Titre;Type;Modalité;Date;Début;Fin;Commune;Public;Avantages;Objectifs;Campagne;Prérequis;"
              "Déroulement;Intervenants;Offres d'emploi;Codes ROME;Codes NAF;Places sur place;Places à distance;"
              "Places restantes;Lien de connexion\n")
    row = ("t1;Job dating;job dating;hybride;03/12/2026;9h;12h;31555;Jeunes, débutants;CDI, alternance;Recruter;"
           "1 jeune 1 solution;\"Permis : B ; Âge : 18 ans\";\"9h Accueil ; 9h30-11h30 Entretiens\";"
           "\"Adecco ; Mairie https://mairie.example.org\";"
           "12 https://offres.example.org;G1602 Personnel de cuisine;56.10A;20;10;0;https://visio.example.org\n")
    summary = run(tmp_path, header + row)
    assert (summary.created, summary.rejected) == (1, 0), summary.problems
    found = written(tmp_path, "events/imports/agence-test")["t1"]
    assert found["audience"] == "Jeunes (moins de 26 ans), Débutant accepté"
    assert (found["benefits"], found["objectives"]) == ("CDI, Contrat en alternance", "Recruter")
    assert found["campaign"] == "1 jeune 1 solution" and found["prerequisites"] == "Permis : B; Âge : 18 ans"
    assert found["program"] == "09:00 Accueil; 09:30–11:30 Entretiens"
    assert found["speakers"] == "Adecco; Mairie https://mairie.example.org"
    assert (found["job_offers"], found["rome"], found["naf"]) == ("12 https://offres.example.org",
                                                                  "G1602 Personnel de cuisine", "56.10A")
    assert (found["places_onsite"], found["places_online"], found["places_left"]) == ("20", "10", "0")
