"""The spreadsheet importer on agency-shaped CSV files."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from pathlib import Path

import pytest

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
        "agence-test (ligne 2): Date / Début: le 31/02/2026 n'existe pas (attendu: une date comme 2026-12-03 09:30 ou "
        "03/12/2026 9h30)",
        "agence-test (ligne 2): Fin: le 31/02/2026 n'existe pas (attendu: une date comme 2026-12-03 09:30 ou "
        "03/12/2026 9h30)",
        "agence-test (ligne 3): avertissement : Registration: inscription demandée, mais aucun moyen de s'inscrire "
        "n'est indiqué (attendu: un lien, une adresse e-mail ou un téléphone dans Registration, ou un Contact)",
        "agence-test (ligne 4): Lien de connexion: champ obligatoire absent",  # as the file names it
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


STAFF_HEADER = ["Intitulé", "Date de début", "Heure de début", "Heure de fin", "Code postal", "Ville", "Public visé",
                "Remarques internes"]
STAFF_ROW = ["Atelier CV", "03/12/2026", "9h30", "11h30", "35000", "Rennes", "Jeunes -26 ans, Tout public", "à appeler"]


def run_file(tmp_path: Path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    config = SourceConfig("agence-test", "spreadsheet", name, organizer="France Travail", contact="02 99 00 00 00")
    return SpreadsheetImporter(config, make_context(tmp_path, now=datetime(2026, 11, 25, 8, tzinfo=PARIS))).run()


def _csv(rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


@pytest.mark.parametrize("encoding, delimiter, bom", [
    ("cp1252", ";", b""),  # Excel « CSV (séparateur : point-virgule) »
    ("utf-8", ";", b"\xef\xbb\xbf"),  # Excel « CSV UTF-8 »
    ("utf-16-le", "\t", b"\xff\xfe"),  # Excel « Texte Unicode »
    ("utf-8", ",", b""),  # LibreOffice, commas
])
def test_csv_as_excel_and_libreoffice_save_it_with_staff_headers(tmp_path, encoding, delimiter, bom):
    summary = run_file(tmp_path, "agenda.csv", bom + _csv([STAFF_HEADER, STAFF_ROW], delimiter).encode(encoding))
    assert (summary.created, summary.rejected) == (1, 0), summary.problems
    found = next(iter(written(tmp_path, "events/imports/agence-test").values()))
    assert (found["title"], found["start"], found["end"], found["commune"]) == (
        "Atelier CV", "2026-12-03 09:30", "2026-12-03 11:30", "35000 Rennes")
    assert found["audience"] == "Ouvert à tous"  # the unknown value is left out, the row is kept
    assert "agence-test: colonnes ignorées : Remarques internes" in summary.problems  # listed once
    assert any("public « Jeunes -26 ans » inconnu" in line for line in summary.problems)


def test_a_file_mixing_encodings_is_refused_naming_the_line(tmp_path):
    good = _csv([STAFF_HEADER, STAFF_ROW], ";").encode("utf-8")
    stray = _csv([["Réunion d'information", "04/12/2026", "14h", "16h", "35000", "Rennes", "", ""]], ";").encode("cp1252")
    summary = run_file(tmp_path, "agenda.csv", good + stray)
    assert summary.error == ("le fichier mélange deux encodages : ligne 3 en Windows-1252, le reste en UTF-8 ; "
                             "réenregistrez-le au format « CSV UTF-8 »")
    assert summary.created == 0


def test_an_empty_end_time_is_a_warning_and_two_hours(tmp_path):
    row = [*STAFF_ROW[:3], "", *STAFF_ROW[4:]]
    summary = run_file(tmp_path, "agenda.csv", _csv([STAFF_HEADER, row], ";").encode("utf-8"))
    found = next(iter(written(tmp_path, "events/imports/agence-test").values()))
    assert found["end"] == "2026-12-03 11:30"
    assert any("heure de fin absente : fin 2 h après le début" in line for line in summary.problems)


def test_a_workbook_as_staff_build_it(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Mode d'emploi"
    book.active.append(["Remplissez l'onglet Agenda, une ligne par événement."])
    sheet = book.create_sheet("Agenda")
    sheet.append(["Agenda des ateliers — décembre 2026"])
    sheet.merge_cells("A1:F1")  # a title line over merged cells
    sheet.append(["Intitulé", "Date de début", "Horaires", None, "Commune", "Places"])
    sheet.append([None, None, "Heure de début", "Heure de fin", None, None])  # a second header row
    sheet.append(["Atelier CV", datetime(2026, 12, 3), 0.395833333, 0.479166667, "35000 Rennes", 12])
    sheet.append(["Forum", 46360, time(9), time(12), "31000 Toulouse", "douze"])  # an Excel serial day
    buffer = io.BytesIO()
    book.save(buffer)
    summary = run_file(tmp_path, "agenda.xlsx", buffer.getvalue())
    files = {f["title"]: f for f in written(tmp_path, "events/imports/agence-test").values()}
    assert (files["Atelier CV"]["start"], files["Atelier CV"]["end"]) == ("2026-12-03 09:30", "2026-12-03 11:30")
    assert summary.created == 1 and summary.rejected == 1
    refusal = next(line for line in summary.problems if "Forum" in line or "ligne 5" in line)
    assert refusal.startswith("agence-test (feuille « Agenda », ligne 5): Places:")  # as the file names it
