"""The Python engine (staff CLI) and the browser engine give the same result lists, on the same index."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from catalogue.search import FORMAT_VERSION, IndexVersionError
from catalogue.search.query import Index
from tests.conftest import ROOT

VECTORS = json.loads((ROOT / "tests/fixtures/query-vectors.json").read_text(encoding="utf-8"))


def run(index: Index, vector: dict) -> dict:
    """What a vector gives: the results' addresses, and around a place the place, the distances (km), the online
    events and the nearest ones; the browser engine must give exactly the same."""
    query, kind, filters = vector["q"], vector.get("kind", "e"), {k: v for k, v in vector.items() if k not in {"q", "kind"}}
    found = index.find(query, kind=kind, **filters)
    return {"vector": vector, "urls": [doc["u"] for doc in found.documents], "km": [doc.get("d") for doc in found.documents],
            "place": found.place and found.place["label"], "words": found.words,
            "online": [doc["u"] for doc in found.online], "nearest": [doc["u"] for doc in found.nearest]}


@pytest.fixture(scope="module")
def results(sample_site) -> tuple:
    folder = sample_site.output / "recherche/index"
    index = Index(folder)
    return folder, [run(index, vector) for vector in VECTORS]


def test_the_python_engine_answers_the_shared_vectors_as_a_job_seeker_expects(results):
    _, found = results
    by_query = {json.dumps(r["vector"], ensure_ascii=False): r["urls"] for r in found}
    unfinished, finished = by_query['{"q": "salon en lig"}'], by_query['{"q": "salon en lig "}']
    # "lig" typed: the salons online first, then the other salons and online events; "lig " done: a word found nowhere,
    # left out (every salon)
    assert unfinished[0] in finished and set(finished) < set(unfinished)
    assert by_query['{"q": "reunion d information"}'] == by_query['{"q": "réunion d\'information"}']
    assert by_query['{"q": "restauratoin"}']  # one typo
    assert by_query['{"q": "forum xyzzy"}'] == by_query['{"q": "forum"}'] != []  # a word found nowhere is left out
    assert all(url.startswith("/evenement/") for url in by_query['{"q": "", "departement": "971"}'])
    assert by_query['{"q": "", "departement": "971"}'] and by_query['{"q": "cv", "kind": "s"}']
    # "Jeunes" also finds the events open to all; "cible" keeps those reserved for young people only
    with_open, targeted = by_query['{"q": "", "public": "jeunes"}'], by_query['{"q": "", "public": "jeunes", "cible": "1"}']
    assert targeted and set(targeted) < set(with_open) and len(with_open) >= 3 * len(targeted)
    assert sum(1 for r in found if r["urls"]) >= len(found) - 4  # the vectors exercise real results


def test_a_job_seeker_near_limoges_finds_its_events_by_commune_postcode_or_department(results):
    """Panazol, next to Limoges, has no event of its own: its neighbours' come first, with their distance;
    30 km leaves Brive (79 km) out, 100 km takes it in; a department with no event offers the nearest ones."""
    _, found = results
    by = {json.dumps(r["vector"], ensure_ascii=False): r for r in found}
    panazol, postcode = by['{"q": "", "lieu": "Panazol"}'], by['{"q": "", "lieu": "87350"}']
    assert panazol["place"] == postcode["place"] == "Panazol (87)" and panazol["urls"] == postcode["urls"]
    assert len(panazol["urls"]) == 4 and set(panazol["km"]) == {6}  # the four Limoges events, 6 km away
    assert all("-lim-" in url for url in panazol["urls"]) and panazol["online"]  # online events apart
    wide = by['{"q": "", "lieu": "87350", "rayon": 100, "tri": "distance"}']
    assert sorted(wide["urls"][:4]) == sorted(panazol["urls"]) and wide["urls"][4].endswith("-brv-001/")
    assert wide["km"] == sorted(wide["km"]) and wide["km"][-1] == 79
    assert by['{"q": "", "lieu": "st junien"}']["place"] == by['{"q": "", "lieu": "Saint-Junien"}']["place"] == \
        "Saint-Junien (87)"
    creuse = by['{"q": "", "lieu": "23"}']
    assert creuse["place"] == "Creuse (23)" and creuse["urls"] == [] and len(creuse["nearest"]) == 5
    assert all("-lim-" in url for url in creuse["nearest"][:4]), creuse["nearest"]  # Limoges, next door
    spoken = by['{"q": "job dating 87000"}']
    assert (spoken["place"], spoken["words"].strip()) == ("Limoges (87)", "job dating") and len(spoken["urls"]) == 2
    assert by['{"q": "atelier cv colomiers"}']["place"] == "Colomiers (31)"


def test_verbs_meet_their_nouns_and_places_are_read_anywhere_in_the_words(results):
    """Word families (catalogue/search/families.py), joined words, regions and department names in the query."""
    _, found = results
    by = {json.dumps(r["vector"], ensure_ascii=False): r for r in found}
    urls = lambda query: by[json.dumps({"q": query}, ensure_ascii=False)]["urls"]  # noqa: E731
    assert urls("recruter") == urls("recrutement") != []  # the verb finds the noun's events, and ranks them alike
    assert urls("creer entreprise") == urls("creation entreprise") != []  # créer son entreprise / création
    assert urls("aidesoignant")[0] == urls("aide soignant")[0]  # « aides-soignants » typed joined
    occitanie = by['{"q": "job dating occitanie"}']
    assert (occitanie["place"], occitanie["words"]) == ("Occitanie", "job dating ")
    assert occitanie["urls"] and set(occitanie["urls"]) <= set(by['{"q": "", "lieu": "Occitanie"}']["urls"])
    assert by['{"q": "forum haute garonne"}']["place"] == by['{"q": "forum emploi 31"}']["place"] == "Haute-Garonne (31)"
    middle = by['{"q": "atelier colomiers cv"}']
    assert (middle["place"], middle["words"]) == ("Colomiers (31)", "atelier cv")
    # a name two towns share: the most populated, unless a department number follows
    assert by['{"q": "atelier saint denis"}']["place"] == "Saint-Denis (974)"
    assert by['{"q": "atelier saint denis 93"}']["place"] == "Saint-Denis (93)"


@pytest.mark.skipif(shutil.which("node") is None and not os.environ.get("CI"), reason="node is not installed")
def test_the_browser_engine_gives_the_same_lists(results, tmp_path):
    folder, found = results
    expected = tmp_path / "expected.json"
    expected.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(["node", "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "AGENDA_INDEX": str(folder), "AGENDA_EXPECTED": str(expected)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# skipped 0" in result.stdout and "# pass 4" in result.stdout, result.stdout


def test_an_index_of_another_format_is_refused_with_a_french_message(sample_site, tmp_path):
    folder = tmp_path / "index"
    shutil.copytree(sample_site.output / "recherche/index", folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == FORMAT_VERSION and manifest["analysis"]["min_stem"] == 4
    (folder / "manifest.json").write_text(json.dumps({**manifest, "version": 1}), encoding="utf-8")
    with pytest.raises(IndexVersionError, match="index de recherche au format 1, ce programme lit le format 4"):
        Index(folder)
