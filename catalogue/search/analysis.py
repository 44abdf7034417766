"""French text analysis for search; theme/static/js/analysis.js applies the same rules with the data the
manifest carries (``catalogue.search.ANALYSIS``).

fold (accents, case, ligatures) -> split on anything not a letter or digit (elisions fall apart:
« l'emploi » gives « l », « emploi ») -> drop stop words and lone letters -> light stemming (plural,
then up to two common suffixes). Both sides are checked against tests/fixtures/search-vectors.json.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache

STOP_WORDS = frozenset(
    "a au aux avec c ce ces d dans de des du en et il j l la le les leur m n ne ou par pas pour qu que qui s sa "
    "se ses son sur t un une vos votre".split()
)
SUFFIXES = ("issements", "issement", "ements", "ement", "ations", "ation", "atrices", "atrice", "ateurs", "ateur",
            "euses", "euse", "eurs", "eur", "ives", "ive", "ifs", "if", "ees", "ee", "er", "ez", "e")
MIN_STEM = 4
_SPLIT = re.compile(r"[^a-z0-9]+")
_HYPHENATED = re.compile(r"[^a-z0-9-]+")


@cache
def _marks() -> dict[int, None]:
    """Every combining mark (Unicode category M*), for str.translate: JavaScript's \\p{M}."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)).startswith("M")}


def fold(text: str) -> str:
    if text.isascii():  # nothing to decompose or strip: the same result, without the Unicode tables
        return text.lower()
    bare = unicodedata.normalize("NFKD", text).translate(_marks())
    return bare.lower().replace("œ", "oe").replace("æ", "ae")


def stem(word: str) -> str:
    if len(word) > MIN_STEM and word[-1] in "sx":
        word = word[:-1]
    for _ in range(2):
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def words(text: str) -> list[str]:
    """Folded words, stop words and lone letters removed, not stemmed (for prefix matching)."""
    return _words(fold(text))


def _words(folded: str) -> list[str]:
    return [word for word in _SPLIT.split(folded) if len(word) > 1 and word not in STOP_WORDS]


def index_words(text: str) -> list[str]:
    """What the index holds of a text: its ``words``, then its hyphenated words written joined (``micro-entreprise``
    -> ``microentreprise``), so a job seeker who types them joined finds them (a query is analysed by ``words``)."""
    folded = fold(text)
    joined = [token.replace("-", "") for token in _HYPHENATED.split(folded) if "-" in token.strip("-")] \
        if "-" in folded else []
    return _words(folded) + joined


def analyze(text: str) -> list[str]:
    return [stem(word) for word in words(text)]
