"""iCalendar, HTML agenda, XLSX and services sources, each read from a local HTTP server."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook

from catalogue.text import render_markdown
from importers.html_agenda import HtmlAgendaImporter, french_date
from importers.ical import ICalendarImporter
from importers.services import ServicesImporter
from importers.spreadsheet import SpreadsheetImporter
from tests.importers_support import FIXTURES, make_context, source, written

SELECTORS = {"item": "li.evt", "title": "h3", "date": ".quand", "time": ".heures", "place": ".ou",
             "link": "a.plus", "description": ".desc"}


def serve(httpserver, name: str, content_type: str) -> str:
    httpserver.expect_request(f"/{name}").respond_with_data((FIXTURES / name).read_bytes(), content_type=content_type)
    return httpserver.url_for(f"/{name}")


def test_outlook_calendar_over_http(tmp_path, httpserver):
    url = serve(httpserver, "outlook.ics", "text/calendar")
    summary = ICalendarImporter(source("agenda", "icalendar", url, horizon_days=120), make_context(tmp_path)).run()
    files = written(tmp_path, "events/imports/agenda")
    weekly = {stem: f for stem, f in files.items() if stem.startswith("weekly")}
    # RRULE COUNT=4 from 1 December, EXDATE on the 15th, the 8th moved to the morning (RECURRENCE-ID)
    assert sorted((f["start"], f["end"]) for f in weekly.values()) == [
        ("2026-12-01 14:00", "2026-12-01 16:00"), ("2026-12-08 09:00", "2026-12-08 11:00"),
        ("2026-12-22 14:00", "2026-12-22 16:00")]
    assert "weekly-20261208t1400" in weekly  # named after the slot it replaces
    assert weekly["weekly-20261201t1400"]["type"] == "workshop"  # CATEGORIES: a type, then tags; "Numérique" is neither
    assert (weekly["weekly-20261201t1400"]["audience"], weekly["weekly-20261201t1400"]["objectives"]) == (
        "Débutant accepté", "Se préparer")
    assert weekly["weekly-20261201t1400"]["commune"] == "31000 Toulouse"
    assert (files["utc"]["start"], files["utc"]["commune"]) == ("2026-12-04 14:00", "69003 Lyon")  # the postcode the source wrote
    assert files["floating"]["start"] == "2026-12-07 09:30"
    assert (files["allday"]["start"], files["allday"]["end"]) == ("2026-12-10 00:00", "2026-12-11 23:59")
    assert files["cancelled"]["status"] == "cancelled"
    online = files["online"]
    assert (online["mode"], online["url"]) == ("online", "https://visio.example.org/alternance")
    assert online["body"].endswith("avec des accents : é, è, à, ç, œ.")  # unfolded
    assert "far-future" not in files  # beyond the horizon
    assert summary.rejected == 1
    assert ("agenda (UID unknown-place@test, « Permanence » du 14/12/2026 09:00): lieu « Salle du fond » : "
            "commune introuvable (ajoutez le code postal et la commune)") in summary.problems


def test_html_agenda_with_css_selectors(tmp_path, httpserver):
    url = serve(httpserver, "agenda.html", "text/html")
    summary = HtmlAgendaImporter(source("partenaire", "html", url, selectors=SELECTORS), make_context(tmp_path)).run()
    files = written(tmp_path, "events/imports/partenaire")
    first = files["e1"]
    assert first["title"] == "Job dating restauration"
    assert (first["start"], first["end"], first["type"]) == ("2026-12-03 09:30", "2026-12-03 12:00", "job-dating")
    assert first["registration"] == httpserver.url_for("/evenements/e1")
    assert "Texte **utile**." in first["body"] and "Survol" in first["body"]
    assert "alert" not in first["body"] and "display" not in first["body"]
    assert (files["e2"]["mode"], files["e2"]["url"]) == ("online", "https://visio.example.org/cv")
    assert summary.rejected == 1
    assert any("le 31/02/2026 n'existe pas" in problem for problem in summary.problems)


def test_schema_org_json_ld_wins_over_selectors(tmp_path, httpserver):
    url = serve(httpserver, "jsonld.html", "text/html")
    summary = HtmlAgendaImporter(source("salon", "html", url, selectors=SELECTORS), make_context(tmp_path)).run()
    assert summary.created == 2
    files = written(tmp_path, "events/imports/salon")
    salon = files["salon-1-2026-12-04t09-00"]  # its @id and its start
    assert (salon["commune"], salon["venue"], salon["address"]) == ("59000 Lille", "Grand Palais", "1 boulevard des Cités Unies")
    assert (salon["status"], salon["organizer"], salon["type"]) == ("cancelled", "France Travail Lille", "forum")
    assert salon["registration"] == httpserver.url_for("/inscription")
    assert salon["body"] == "Un **salon** avec un titre </script> piégé"  # kept as text…
    assert render_markdown(salon["body"]) == "<p>Un <strong>salon</strong> avec un titre &lt;/script&gt; piégé</p>"
    webinar = files["webinaire-1-2026-12-06t18-00"]
    assert (webinar["mode"], webinar["url"]) == ("online", "https://visio.example.org/reconversion")


def test_french_long_dates():
    assert french_date("Mardi 1er décembre 2026") == "01/12/2026"
    assert french_date("le 14 FÉVRIER 2027 à Lyon") == "14/02/2027"
    assert french_date("03/12/2026") == "03/12/2026"


def test_xlsx_with_merged_date_cells_and_real_dates(tmp_path, httpserver):
    book = Workbook()
    sheet = book.active
    sheet.append(["Titre", "Type", "Modalité", "Date", "Début", "Fin", "Commune", "Identifiant"])
    sheet.append(["Atelier CV", "atelier", "présentiel", datetime(2026, 12, 3), "9h30", "11h", "31555", "x1"])
    sheet.append(["Atelier lettre", "atelier", "présentiel", None, "14h", "16h", "31555", "x2"])
    sheet.append([None] * 8)
    sheet.append(["Job dating", "job dating", "présentiel", datetime(2026, 12, 4), datetime(2026, 12, 4, 9, 0).time(),
                  "12h", 31555, "x3"])
    sheet.merge_cells("D2:D3")  # one date for both workshops
    book.save(tmp_path / "agenda.xlsx")
    summary = SpreadsheetImporter(source("tableur", "spreadsheet", "agenda.xlsx"), make_context(tmp_path)).run()
    assert (summary.created, summary.rejected) == (3, 0), summary.problems
    files = written(tmp_path, "events/imports/tableur")
    assert files["x2"]["start"] == "2026-12-03 14:00"
    assert files["x3"]["start"] == "2026-12-04 09:00"


def test_services_from_csv(tmp_path):
    summary = ServicesImporter(source("catalogue", "services", str(FIXTURES / "services.csv")), make_context(tmp_path)).run()
    assert (summary.created, summary.rejected) == (2, 1)
    assert summary.problems == ["catalogue (ligne 4): Url: champ obligatoire absent"]
    files = written(tmp_path, "services/imports/catalogue")
    assert files["s2"]["free"] == "non" and files["s2"]["channels"] == "web, agency"


def test_services_json_and_withdrawn_services(tmp_path, httpserver):
    payload = [{"id": "a", "titre": "Service A", "fournisseur": "FT", "categorie": "Se former", "url": "https://a.example.org",
                "resume": "A.", "gratuit": True, "canaux": ["web", "téléphone"]},
               {"id": "b", "titre": "Service B", "fournisseur": "FT", "categorie": "Se former", "url": "https://b.example.org",
                "resume": "B.", "description": "<p>Le <b>B</b><script>x()</script></p>"}]
    httpserver.expect_oneshot_request("/services.json").respond_with_json(payload)
    config = source("catalogue", "services", httpserver.url_for("/services.json"))
    assert ServicesImporter(config, make_context(tmp_path)).run().created == 2
    files = written(tmp_path, "services/imports/catalogue")
    assert files["b"]["body"] == "Le **B**" and files["a"]["channels"] == "web, phone"
    httpserver.expect_oneshot_request("/services.json").respond_with_json(payload[:1])
    summary = ServicesImporter(config, make_context(tmp_path)).run()
    assert (summary.unchanged, summary.cancelled) == (1, 1)
    assert set(written(tmp_path, "services/imports/catalogue")) == {"a"}


def test_json_ld_as_cms_plugins_write_it(tmp_path, httpserver):
    url = serve(httpserver, "jsonld-shapes.html", "text/html")
    summary = HtmlAgendaImporter(source("mde", "html", url), make_context(tmp_path)).run()
    files = {f["title"]: f for f in written(tmp_path, "events/imports/mde").values()}
    assert sorted(files) == ["Atelier CV (après-midi)", "Atelier CV (matin)", "Job dating hôtellerie & restauration",
                             "Webinaire alternance"]  # entities decoded once; the sessions, not their series
    job_dating = files["Job dating hôtellerie & restauration"]
    assert (job_dating["start"], job_dating["end"], job_dating["commune"]) == ("2026-12-03 09:30", "2026-12-03 12:00",
                                                                             "35000 Rennes")
    assert job_dating["body"] == "Des **hôtels** recrutent." and job_dating["organizer"] == "Maison de l'emploi de Rennes"
    assert "registration" not in job_dating  # the page gives no offer: no link is invented
    assert job_dating["geo"] == "48.10470, -1.67250"  # the page's own coordinates
    morning, afternoon = files["Atelier CV (matin)"], files["Atelier CV (après-midi)"]
    assert (morning["start"], morning["end"], afternoon["end"]) == ("2026-12-07 09:00", "2026-12-07 11:00",
                                                                    "2026-12-07 16:30")  # from their duration
    assert morning["commune"] == "35000 Rennes" and morning["venue"].startswith("Salle 2")  # the series' place
    assert morning["registration"] == "https://mde.example.org/inscription/ateliers-cv"
    assert files["Webinaire alternance"]["mode"] == "online"
    assert summary.rejected == 1 and any("adresse à l'étranger (Espagne)" in line and "Salon européen" in line
                                         for line in summary.problems)  # not Avaux or any French commune
