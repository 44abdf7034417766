"""The staff's search (``invoke search``): the browser's algorithm, in Python, on the same index files.

Each query word matches its stem, the words starting with it when it is the last word typed, or else
the words one typo away (query words of five letters or more), through the shards' word lists.
A document must match every word; its score adds the best field-weighted match of each word times
its rarity (idf).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from catalogue.search_analysis import stem, words


def one_typo(first: str, second: str) -> bool:
    """At most one edit apart: a letter changed, added, removed, or two neighbours swapped."""
    if abs(len(first) - len(second)) > 1:
        return False
    i = 0
    while i < min(len(first), len(second)) and first[i] == second[i]:
        i += 1
    return (first[i + 1:] == second[i + 1:] or first[i:] == second[i + 1:] or first[i + 1:] == second[i:]
            or (first[i:i + 2] == second[i:i + 2][::-1] and first[i + 2:] == second[i + 2:]))


class Index:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.manifest = self._load("manifest.json")
        self.documents = [doc for n in range(self.manifest["chunks"]) for doc in self._load(f"docs-{n}.json")]

    def _load(self, name: str):
        path = self.folder / name
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def _postings(self, word: str, typing: bool) -> dict[int, float]:
        stemmed = stem(word)
        shard = self._load(f"terms-{word[0]}.json") or {"t": {}, "w": {}}
        terms = {stemmed} & shard["t"].keys()
        if typing:
            terms |= {term for known, term in shard["w"].items() if known.startswith(word)}
        if not terms and len(word) >= 5:
            terms = {term for known, term in shard["w"].items() if one_typo(known, word)}
        scores: dict[int, float] = {}
        for term in terms:
            idf = math.log(1 + self.manifest["count"] / len(shard["t"][term]))
            for doc, weight in shard["t"][term]:
                scores[doc] = max(scores.get(doc, 0.0), weight * idf)
        return scores

    def search(self, query: str, *, kind: str = "e", region: str = "", type: str = "", **_ignored) -> list[dict]:
        query_words = words(query)
        candidates = [doc for doc in self.documents if doc["k"] == kind
                      and (not region or doc.get("r") == region) and (not type or doc.get("ty") == type)]
        if not query_words:
            return sorted(candidates, key=lambda doc: doc.get("d", ""))
        per_word = [self._postings(word, i == len(query_words) - 1) for i, word in enumerate(query_words)]
        scores = {doc: sum(p[doc] for p in per_word) for doc in per_word[0] if all(doc in p for p in per_word)}
        found = [doc for doc in candidates if doc["n"] in scores]
        return sorted(found, key=lambda doc: (-scores[doc["n"]], doc.get("d", "")))
