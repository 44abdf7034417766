"""Search analysis: French matching rules, and the same results in Python and in the browser's JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogue.search.analysis import analyze, words

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
