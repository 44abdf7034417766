"""Open data exports: valid against their JSON Schemas, CSV and JSON in step, no personal data."""

from __future__ import annotations

import csv
import io
import json

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import Site, build_site, make_content

NAMES = ("evenements", "services")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("opendata")
    return Site(build_site(make_content(base / "content"), base / "output"))


def load(site: Site, name: str):
    rows = json.loads((site.output / f"donnees/{name}.json").read_text(encoding="utf-8"))
    schema = json.loads((site.output / f"donnees/{name}.schema.json").read_text(encoding="utf-8"))
    table = list(csv.DictReader(io.StringIO((site.output / f"donnees/{name}.csv").read_text(encoding="utf-8"))))
    return rows, schema, table


def from_csv(cell: str, spec: dict):
    """A CSV cell back to the JSON value the schema describes."""
    kinds = spec.get("type", "string")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if cell == "" and "null" in kinds:
        return None
    if "array" in kinds:
        return cell.split(" | ") if cell else []
    if "boolean" in kinds:
        return cell == "oui"
    if "integer" in kinds:
        return int(cell)
    if "number" in kinds:
        return float(cell)
    return cell


@pytest.mark.parametrize("name", NAMES)
def test_json_and_csv_validate_against_the_schema(site, name):
    rows, schema, table = load(site, name)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(rows)) == []
    properties = schema["items"]["properties"]
    assert list(table[0].keys()) == list(properties)
    from_table = [{key: from_csv(value, properties[key]) for key, value in row.items()} for row in table]
    assert list(validator.iter_errors(from_table)) == []
    assert from_table == rows


def test_every_event_past_and_upcoming_is_exported(site):
    rows, _, _ = load(site, "evenements")
    assert len(rows) == 8
    by_title = {row["titre"]: row for row in rows}
    job = by_title["Job dating restauration"]
    assert (job["commune_insee"], job["departement"], job["region"]) == ("31555", "Haute-Garonne", "Occitanie")
    assert job["page"] == "http://127.0.0.1:8000/evenement/job-dating-toulouse/"
    assert job["debut"] == "2026-12-03T09:30:00+01:00"
    assert by_title["Visite d'une usine aéronautique"]["fin"] < "2026-12-01"
    assert by_title["Salon en ligne du commerce"]["commune"] is None


def test_no_personal_data(site):
    rows, _, _ = load(site, "evenements")
    hybrid = next(row for row in rows if row["titre"] == "Atelier LinkedIn")
    assert hybrid["lien_inscription"] is None and hybrid["inscription_obligatoire"] is True
    for name in NAMES:
        for suffix in ("json", "csv"):
            assert "atelier@agence.example.org" not in (site.output / f"donnees/{name}.{suffix}").read_text("utf-8")


def test_open_data_page_describes_fields_and_licence(site):
    page = site.page("donnees")
    assert "Licence Ouverte 2.0" in page.get_text()
    fields = [code.get_text() for code in page.select("table code")]
    assert "commune_insee" in fields and "gratuit" in fields
    links = {a["href"] for a in page.select("a")}
    assert {"/donnees/evenements.json", "/donnees/evenements.csv", "/donnees/services.schema.json"} <= links


def test_files_written_row_by_row_have_the_bytes_of_the_whole_file():
    """The exports are written a row at a time (they reach 240 MB): the same bytes as serialising them whole."""
    from agenda_opendata.generator import _csv, _json
    from agenda_opendata.records import csv_value

    rows = [{"titre": f"Forum « {n} »\n\"Cuisine\", œufs", "places": n, "publics": ["Jeunes", "Cadres"]}
            for n in range(2500)]
    assert b"".join(_json(rows)) == json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()
    whole = io.StringIO()
    csv.writer(whole, lineterminator="\r\n").writerows(
        [("titre", "places", "publics")] + [[csv_value(row[key]) for key in ("titre", "places", "publics")] for row in rows])
    assert b"".join(_csv(rows, ("titre", "places", "publics"))) == whole.getvalue().encode()
