"""Word families: a verb, its forms and the nouns made from it meet in the search (recruter, recrutent,
recrutement, recruteur; créer, création; conduire, conducteur).

The words come from the Lefff (Lexique des formes fléchies du français, INRIA, LGPL-LR) as two npm packages kept
by the RosaeNLG project: ``french-verbs-lefff`` (every form of 7,826 verbs) and ``french-words-gender-lefff``
(41,819 nouns). A noun belongs to a verb's family when one of the usual French derivations turns the verb into it
(``DERIVATIONS``: créer -> création, recruter -> recrutement, conduire -> conducteur, vendre -> vente…) and the
Lefff knows that noun: the rules propose, the lexicon decides, 5,500 verbs get a family.

Only the index uses the families (``related``): a document's word also stands, at a lower weight, for the stems of
its family, so the query's words are analysed as before and both engines stay identical without shipping the
lexicon to the browser.
"""

from __future__ import annotations

import json
from functools import cache

from catalogue.geography import NODE_MODULES

from .analysis import fold, stem

VERBS = NODE_MODULES / "french-verbs-lefff/dist/conjugations.json"
NOUNS = NODE_MODULES / "french-words-gender-lefff/dist/words.json"
# (verb ending, noun endings): the productive French derivations of a noun from a verb
DERIVATIONS = (
    ("er", ("ation", "cation", "ement", "age", "ure", "eur", "euse", "ateur", "atrice", "aison", "ance", "e")),
    ("ir", ("issement", "ion", "e", "eur", "euse")), ("illir", ("il",)), ("oyer", ("oi",)), ("érer", ("ertion",)),
    ("ertir", ("ersion",)), ("uire", ("uction", "ucteur", "uctrice", "uite")), ("ire", ("iption", "ipteur")),
    ("dre", ("te", "deur", "deuse")), ("re", ("eur", "euse")),
)


@cache
def _lexicon() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """(folded form -> folded infinitives, folded infinitive -> its family: itself and its nouns, folded); tuples,
    not sets, for the 290,000 forms: 50 MB less kept for the build (58 MB with the families)."""
    verbs = json.loads(VERBS.read_text(encoding="utf-8"))
    nouns = set(json.loads(NOUNS.read_text(encoding="utf-8")))
    forms: dict[str, list[str]] = {}
    families: dict[str, frozenset[str]] = {}
    for verb, tenses in verbs.items():
        infinitive = fold(verb)
        derived = {fold(verb[: -len(end)] + out) for end, outs in DERIVATIONS if verb.endswith(end)
                   for out in outs if verb[: -len(end)] + out in nouns}
        families[infinitive] = frozenset({infinitive, *derived})
        for form in {infinitive, *derived, *(fold(f) for found in tenses.values() for f in found if f and f != "NA")}:
            forms.setdefault(form, []).append(infinitive)
    return {form: tuple(found) for form, found in forms.items()}, families


@cache
def nouns() -> frozenset[str]:
    """The Lefff's nouns, folded: a place name that is also a noun (Orange, Plaisir, Nord) is read as a place only
    at the end of a query (``places.place_names``)."""
    return frozenset(fold(noun) for noun in json.loads(NOUNS.read_text(encoding="utf-8")))


@cache
def related(word: str) -> frozenset[str]:
    """The stems of the families ``word`` (folded) belongs to, its own stem left out: as a verb form, a derived
    noun, or the singular of one (``formations``)."""
    forms, families = _lexicon()
    verbs = forms.get(word, ()) + (forms.get(word[:-1], ()) if word[-1:] in "sx" else ())
    return frozenset(stem(member) for verb in verbs for member in families[verb]) - {stem(word)}
