"""France Travail events API, as its public clients call it (POST with JSON filters, ``{totalElements, content}``,
items in ``EvenementEmploiDto``'s shape): OAuth2, paging, retries and every failure mode, against a local server."""

from __future__ import annotations

import json
import time

import pytest
from werkzeug import Response

from catalogue.files import IMPORT_REPORT
from importers.francetravail import FranceTravailImporter
from tests.importers_support import FIXTURES, make_context, snapshot, source, written

FOLDER = "events/imports/ft"
SECRET = "s3cr3t-value-never-printed"


@pytest.fixture
def credentials(monkeypatch):
    monkeypatch.setenv("FT_ID", "client-id")
    monkeypatch.setenv("FT_SECRET", SECRET)


def ft_source(httpserver, **options):
    settings = {"token_url": httpserver.url_for("/token"), "client_id_env": "FT_ID", "client_secret_env": "FT_SECRET",
                "page_size": 2, "filters": FILTERS, **options}
    return source("ft", "francetravail", httpserver.url_for("/evenements"), **settings)


def serve_token(httpserver, token="t1", expires_in=3600):
    httpserver.expect_oneshot_request("/token", method="POST").respond_with_json(
        {"access_token": token, "token_type": "Bearer", "expires_in": expires_in})


FILTERS = {"departements": ["31", "44", "971"], "dateDebut": "2026-12-01"}


def serve_page(httpserver, page: int, *, token="t1", **respond):
    request = httpserver.expect_oneshot_request("/evenements", method="POST", json=FILTERS,
                                                query_string={"page": str(page), "size": "2"},
                                                headers={"Authorization": f"Bearer {token}"})
    if respond:
        request.respond_with_response(Response(**respond))
    else:
        request.respond_with_data((FIXTURES / f"ft-page-{page}.json").read_bytes(), content_type="application/json")


def run(tmp_path, httpserver, **options):
    return FranceTravailImporter(ft_source(httpserver, **options), make_context(tmp_path)).run()


def test_token_paging_and_field_mapping(tmp_path, httpserver, credentials):
    serve_token(httpserver)
    serve_page(httpserver, 0)
    serve_page(httpserver, 1)
    summary = run(tmp_path, httpserver)
    assert (summary.error, summary.created, summary.rejected) == ("", 3, 0)
    token_requests = [r for r, _ in httpserver.log if r.path == "/token"]
    assert len(token_requests) == 1  # reused across pages
    assert token_requests[0].form["grant_type"] == "client_credentials"
    files = written(tmp_path, FOLDER)
    job_dating = files["101"]
    assert job_dating["title"] == "Job dating hôtellerie"
    assert (job_dating["start"], job_dating["end"]) == ("2026-12-03 09:30", "2026-12-03 12:00")
    assert (job_dating["type"], job_dating["mode"]) == ("job-dating", "onsite")
    assert job_dating["commune"] == "31000 Toulouse"
    assert job_dating["geo"] == "43.60450, 1.44400"  # the API's own coordinates
    assert job_dating["registration"] == "https://mesevenementsemploi.francetravail.fr/mes-evenements-emploi/evenement/101"
    assert job_dating["uid"] == "ft:101" and job_dating["source"] == "ft"
    body = job_dating["body"]
    assert "Des **hôtels** recrutent." in body and "[les hôtels](https://hotels.example.org)" in body
    assert job_dating["audience"] == "Ouvert à tous, Jeunes (moins de 26 ans)"  # an unknown public is left out, reported
    assert any("public « Publics prioritaires » inconnu" in problem for problem in summary.problems)
    assert (job_dating["benefits"], job_dating["objectives"]) == ("CDI, Contrat saisonnier", "Recruter, Recrutement sans CV")
    assert job_dating["campaign"] == "Semaine de l'hôtellerie" and job_dating["prerequisites"] == "Diplôme : CAP cuisine"
    assert job_dating["program"] == "09:30 Accueil; 10:00–11:30 Entretiens avec les hôtels; 11:30 Bilan"
    assert job_dating["rome"] == "G1602; G1703"
    assert (job_dating["places_onsite"], job_dating.get("places_online"), job_dating["places_left"]) == ("30", None, "4")
    for hostile in ("script", "alert", "javascript", "iframe", "onerror", "cdn.example.org"):
        assert hostile not in body
    online = files["102"]  # "à distance": online, joined through the page where one registers
    assert (online["mode"], online["type"], online.get("commune")) == ("online", "workshop", None)
    assert online["url"] == online["registration"]
    assert "**Déroulement** : Une heure d'échanges" in online["body"] and "program" not in online  # free text kept
    assert (online["places_online"], online["places_left"]) == ("20", "0")
    guadeloupe = files["103"]  # its own time zone: 8 h 30 in Pointe-à-Pitre is 13 h 30 in Paris
    assert (guadeloupe["commune"], guadeloupe["mode"], guadeloupe["type"]) == ("97110 Pointe-à-Pitre", "hybrid", "information")
    assert (guadeloupe["start"], guadeloupe["end"]) == ("2026-12-08 08:30", "2026-12-08 10:30")


def test_online_fairs_are_read_from_their_own_api(tmp_path, httpserver, credentials):
    serve_token(httpserver)
    httpserver.expect_oneshot_request("/evenements", method="GET", query_string={"page": "0", "size": "2"}).respond_with_data(
        (FIXTURES / "ft-salons.json").read_bytes(), content_type="application/json")
    summary = run(tmp_path, httpserver, api="salons")
    fair = written(tmp_path, FOLDER)["a2"]
    assert summary.created == 1
    assert (fair["mode"], fair["type"], fair["url"]) == ("online", "online-fair", "https://salons.example.org/numerique")
    assert "Le salon est ouvert" in fair["body"] and (fair["start"], fair["end"]) == ("2026-12-05 09:00", "2026-12-12 18:00")


def test_429_honours_retry_after(tmp_path, httpserver, credentials):
    serve_token(httpserver)
    serve_page(httpserver, 0, status=429, headers={"Retry-After": "7"}, response="trop de requêtes")
    serve_page(httpserver, 0)
    serve_page(httpserver, 1)
    importer = FranceTravailImporter(ft_source(httpserver), make_context(tmp_path))
    summary = importer.run()
    assert summary.created == 3
    assert importer.context.fetcher.sleep == [7.0]


def test_expired_token_mid_paging_is_renewed(tmp_path, httpserver, credentials):
    serve_token(httpserver, "t1")
    serve_page(httpserver, 0, token="t1")
    httpserver.expect_oneshot_request("/evenements", method="POST", query_string={"page": "1", "size": "2"}).respond_with_data(
        "token expired", status=401)
    serve_token(httpserver, "t2")
    serve_page(httpserver, 1, token="t2")
    summary = run(tmp_path, httpserver)
    assert (summary.error, summary.created) == ("", 3)


@pytest.mark.parametrize(
    ("respond", "message"),
    [
        ({"status": 500, "response": "boom"}, "erreur HTTP 500"),
        ({"status": 200, "response": '{"totalElements": 3, "content": [{"id": 101, "titre": "Tronq',
          "content_type": "application/json"},
         "réponse JSON illisible ou tronquée"),
        ({"status": 200, "response": "<html><body>Maintenance</body></html>", "content_type": "text/html"},
         "réponse JSON illisible ou tronquée"),
        ({"status": 200, "response": '{"message": "ok"}', "content_type": "application/json"}, "réponse inattendue"),
    ],
)
def test_a_failing_source_changes_nothing(tmp_path, httpserver, credentials, respond, message):
    serve_token(httpserver)
    serve_page(httpserver, 0)
    serve_page(httpserver, 1)
    assert run(tmp_path, httpserver).created == 3
    before = snapshot(tmp_path)
    serve_token(httpserver)
    for _ in range(4):  # the first try and three retries for 5xx
        serve_page(httpserver, 0, **respond)
    summary = run(tmp_path, httpserver)
    assert message in summary.error
    assert (summary.created, summary.updated, summary.cancelled) == (0, 0, 0)
    assert snapshot(tmp_path) == before
    report = json.loads((tmp_path / "content/events/imports/ft" / IMPORT_REPORT).read_text(encoding="utf-8"))
    assert message in report["echec"] and report["crees"] == 0  # the publishing report will say so


def test_timeout_is_reported(tmp_path, httpserver, credentials):
    serve_token(httpserver)

    def slow(_request):
        time.sleep(1.0)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/evenements").respond_with_handler(slow)
    importer = FranceTravailImporter(ft_source(httpserver), make_context(tmp_path, timeout=0.2))
    summary = importer.run()
    assert summary.error.startswith("délai dépassé en lisant http://")
    assert len(importer.context.fetcher.sleep) == 3  # bounded retries with backoff
    assert importer.context.fetcher.sleep == sorted(importer.context.fetcher.sleep)


def test_missing_or_refused_credentials(tmp_path, httpserver, monkeypatch, capsys):
    monkeypatch.delenv("FT_SECRET", raising=False)
    monkeypatch.setenv("FT_ID", "client-id")
    summary = run(tmp_path, httpserver)
    assert summary.error == "identifiants absents : définissez FT_ID et FT_SECRET"
    monkeypatch.setenv("FT_SECRET", SECRET)
    httpserver.expect_oneshot_request("/token").respond_with_data("invalid_client", status=401)
    summary = run(tmp_path, httpserver)
    assert summary.error == "jeton refusé (HTTP 401) : vérifiez les identifiants"
    assert SECRET not in json.dumps(summary.__dict__) + capsys.readouterr().out


def test_local_file_needs_no_credentials(tmp_path):
    (tmp_path / "export.json").write_bytes((FIXTURES / "ft-page-1.json").read_bytes())
    summary = FranceTravailImporter(source("ft", "francetravail", "export.json"), make_context(tmp_path)).run()
    assert summary.created == 1
