"""Search analysis: French matching rules, and the same results in Python and in the browser's JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogue.geography import geography
from catalogue.search.analysis import analyze, index_words, stem, words
from catalogue.search.families import related
from catalogue.search.places import place_names

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((ROOT / "tests" / "fixtures" / "search-vectors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("first", "second"), [
    ("événement", "evenement"), ("Évènements", "evenement"), ("recrutement", "recruteur"), ("recrute", "recrutements"),
    ("forums saisonniers", "forum saisonnier"), ("l'emploi", "emploi"), ("RESTAURATION", "restauration"),
    ("Île-de-France", "ile de france"),
])
def test_french_spellings_meet(first, second):
    assert analyze(first) == analyze(second)


def test_elisions_and_stop_words_go():
    assert words("qu'il s'inscrive à l'atelier d'écriture") == ["inscrive", "atelier", "ecriture"]
    assert analyze("l'atelier de l'emploi et des jeunes") == ["ateli", "emploi", "jeun"]


def test_python_matches_the_shared_vectors():
    for vector in VECTORS:
        assert words(vector["input"]) == vector["words"] and analyze(vector["input"]) == vector["terms"]


@pytest.mark.parametrize(("word", "relative"), [
    ("recrutent", "recruter"), ("creation", "creer"), ("creer", "creation"), ("vendeurs", "vente"),
    ("conduire", "conducteur"), ("soudure", "souder"), ("reconversion", "reconvertir"), ("accueil", "accueillir"),
])
def test_a_verb_its_forms_and_its_nouns_are_one_family(word, relative):
    """The Lefff's verbs and nouns, joined by the derivation rules (catalogue/search/families.py)."""
    assert stem(relative) in related(word) | {stem(word)}


def test_a_word_outside_any_family_stands_alone():
    assert related("tramway") == frozenset() and related("cybersecurite") == frozenset()
    assert "creer" not in related("recrutement") and "vent" not in related("conducteur")


def test_hyphenated_words_are_also_indexed_joined():
    assert index_words("Devenir micro-entrepreneur ou aide-soignant(e), sur rendez-vous -") == [
        "devenir", "micro", "entrepreneur", "aide", "soignant", "rendez", "vous",
        "microentrepreneur", "aidesoignant", "rendezvous"]
    assert index_words("Job dating sans trait d'union") == words("Job dating sans trait d'union")


def test_place_names_read_in_the_words_and_those_only_at_the_end():
    names = place_names(geography())
    assert names["occitanie"][:2] == ["region", "76"] and names["haute vienne"][:2] == ["departement", "87"]
    assert names["paris"][:2] == ["commune", "75056"] and names["la reunion"][:2] == ["departement", "974"]
    assert names["saint denis"][1] == "97411"  # two towns of that name: the most populated, La Réunion's
    assert names["orange"][2] == names["plaisir"][2] == names["nord"][2] == names["lot"][2] == 0  # nouns: at the end only
    assert names["quimper"][2] == names["haute savoie"][2] == 1 and "ligne" not in names
