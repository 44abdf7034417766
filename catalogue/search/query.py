"""The staff's search (``invoke search``): the browser's algorithm, in Python, on the same index files.

Each query word matches its stem, the words starting with it when it is the last word and still being typed (no
space after it), and, for a word the index does not hold, the words one typo away (five letters or more, at half
weight), through the word lists; two neighbouring words the index holds joined match it too. A word found nowhere
is left out. A document's score adds each word's best match (field weight, saturating, times the word's rarity);
it must match every word, or all but one of a query of two words or more (its score then halved), and gets more
when every word is in its title (``RANKING`` in ``catalogue/search/__init__.py``; docs/search.md).
Ties, and queries without words, keep the index order: events by date.

A place (``lieu``: a commune, postcode, INSEE code, department or region; or in the query, ``atelier cv
colomiers``, ``plombier haute garonne``) keeps the events within ``rayon`` km of the commune (or in the department
or region), lists apart those one can follow online, and offers the nearest ones when none is within reach
(``Found``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import FORMAT_VERSION, IndexVersionError
from .analysis import stem, words
from .facets import ONLINE, TARGETED_ONLY
from .places import DEFAULT_RADIUS, FOLDER, NEAREST, distance_km, resolve, split_place


@dataclass
class Found:
    documents: list[dict]  # the results; with a commune, each has "d": its distance in km, rounded
    place: dict | None = None  # the place searched around (places.resolve), from ``lieu`` or the query
    words: str = ""  # the query without the place it named
    online: list[dict] = field(default_factory=list)  # with a place: the other events one can follow online
    nearest: list[dict] = field(default_factory=list)  # with a place and no result: the nearest events beyond


def one_typo(first: str, second: str) -> bool:
    """At most one edit apart: a letter changed, added, removed, or two neighbours swapped."""
    if abs(len(first) - len(second)) > 1:
        return False
    i = 0
    while i < min(len(first), len(second)) and first[i] == second[i]:
        i += 1
    return (first[i + 1:] == second[i + 1:] or first[i:] == second[i + 1:] or first[i + 1:] == second[i:]
            or (first[i:i + 2] == second[i:i + 2][::-1] and first[i + 2:] == second[i + 2:]))


def decode(flat: list[int]) -> list[tuple[int, int]]:
    """[gap, weight, gap, weight…] -> [(document, weight)…]."""
    pairs, document = [], 0
    for position in range(0, len(flat), 2):
        document += flat[position]
        pairs.append((document, flat[position + 1]))
    return pairs


def combine(per_word: list[dict[int, tuple[float, int]]], ranking: dict) -> dict[int, float]:
    """The documents' scores: the sum of their words' scores, for those matching every word, or all but one of a
    query of ``partial_from`` words or more (times ``missing``); times ``title`` when every word is in the title."""
    matched: dict[int, list] = {}
    for scores in per_word:
        for doc, (score, titled) in scores.items():
            found = matched.setdefault(doc, [0, 0.0, 0])
            found[0] += 1
            found[1] += score
            found[2] += titled
    count = len(per_word)
    needed = count - 1 if count >= ranking["partial_from"] else count
    return {doc: total * ranking["missing"] ** (count - words) * (ranking["title"] if titled == count else 1)
            for doc, (words, total, titled) in matched.items() if words >= needed}


class Index:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._files: dict[str, object] = {}
        self._scored: tuple[str | None, dict[int, float] | None] = (None, None)
        self.manifest = self._load("manifest.json")
        if self.manifest.get("version") != FORMAT_VERSION:
            raise IndexVersionError(f"index de recherche au format {self.manifest.get('version')}, ce programme lit "
                                    f"le format {FORMAT_VERSION} : reconstruisez le site (invoke build)")
        self.facets = self._load("facets.json")
        self.documents = [doc for n in range(self.manifest["chunks"]) for doc in self._load(f"docs-{n}.json")]

    def _load(self, name: str):
        """A file of the index, read once (the browser keeps them too)."""
        if name not in self._files:
            path = self.folder / name
            self._files[name] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return self._files[name]

    def _shard(self, term: str) -> dict:
        """The postings shard holding ``term``: the longest listed prefix it starts with."""
        prefix = max((p for p in self.manifest["post"] if term.startswith(p)), key=len, default="")
        return self._load(f"post-{prefix}.json") if prefix else {}

    def _known(self, word: str) -> dict[str, str]:
        """The index's words starting with ``word``'s letter, each with its stem."""
        return self._load(f"words-{word[0]}.json")

    def _word_scores(self, word: str, typing: bool) -> dict[int, tuple[float, int]]:
        """Document -> (the word's score there, 1 when it is in the title): its best match among its stem, the words
        it begins when still being typed, and, for a word the index does not hold, the words one typo away (at
        ``typo`` of the score)."""
        ranking, known = self.manifest["ranking"], self._known(word)
        terms = {stem(word): 1.0}
        if typing:
            for other, term in known.items():
                if other.startswith(word):
                    terms.setdefault(term, 1.0)
        if word not in known and len(word) >= 5:  # "conseiler": conseil, and conseiller at ``typo``
            for other, term in known.items():
                if one_typo(other, word):
                    terms.setdefault(term, ranking["typo"])
        found = {term: self._shard(term).get(term) for term in terms}
        scores: dict[int, tuple[float, int]] = {}
        for term, flat in found.items():
            if not flat:
                continue
            idf = math.log(1 + self.manifest["count"] / (len(flat) / 2))
            for doc, written in decode(flat):
                weight = written >> 1
                score = terms[term] * idf * weight * (1 + ranking["saturation"]) / (weight + ranking["saturation"])
                if score > scores.get(doc, (0.0, 0))[0]:
                    scores[doc] = (score, written & 1)
        return scores

    def _text_scores(self, query: str) -> dict[int, float] | None:
        """Document -> score for the query's words (None without words). A word found nowhere is left out; two
        neighbours written joined in the index (``cyber securite``: cybersécurité) also match the joined word.
        The last query's scores are kept: a place search asks twice."""
        if self._scored[0] != query:
            self._scored = (query, self._score_text(query))
        return self._scored[1]

    def _score_text(self, query: str) -> dict[int, float] | None:
        query_words = words(query)
        if not query_words:
            return None
        typing = not query[-1:].isspace()  # "salon en lig" is still being typed; "salon en lig " is not
        last = len(query_words) - 1
        per_word = [self._word_scores(word, typing and i == last) for i, word in enumerate(query_words)]
        for i in range(last):
            joined = query_words[i] + query_words[i + 1]
            if joined in self._known(joined):
                for doc, found in self._word_scores(joined, typing and i + 1 == last).items():
                    for side in (i, i + 1):
                        if found[0] > per_word[side].get(doc, (0.0, 0))[0]:
                            per_word[side][doc] = found
        return combine([scores for scores in per_word if scores], self.manifest["ranking"])

    def _keeps(self, number: int, filters: dict[str, str | list[str]]) -> bool:
        """Every facet filter holds; a facet's inclusive value (events open to all) passes its filter too,
        unless ``cible`` asks for targeted items only."""
        for facet in self.manifest["facets"]:
            wanted = filters.get(facet["name"])
            if wanted:
                wanted = [wanted] if isinstance(wanted, str) else list(wanted)
                if facet.get("inclusive") and not filters.get(TARGETED_ONLY):
                    wanted.append(facet["inclusive"])
                value = self.facets[facet["name"]][number]
                keys = {facet["values"][v][0] for v in (value if facet["many"] else [value]) if v >= 0}
                if not keys.intersection(wanted):
                    return False
        return True

    def search(self, query: str, *, kind: str = "e", **filters: str | list[str]) -> list[dict]:
        """Documents of ``kind`` ("e" events, "s" services) matching the words and the facet filters; a filter
        is one key or a list of keys, any of which will do."""
        return self.find(query, kind=kind, **filters).documents

    def _matching(self, query: str, kind: str, filters: dict) -> list[int]:
        """Numbers of the documents matching the words and the filters, best first (by date without words)."""
        filtered = any(filters.get(facet["name"]) for facet in self.manifest["facets"])
        numbers = [n for n, k in enumerate(self.facets["k"]) if k == kind and (not filtered or self._keeps(n, filters))]
        scores = self._text_scores(query)
        if scores is None:
            return numbers
        return sorted((n for n in numbers if n in scores), key=lambda n: (-scores[n], n))

    @cached_property
    def place_shards(self) -> list[str]:
        return self._load(f"{FOLDER}/index.json") or []

    def place(self, text: str) -> dict | None:
        return resolve(text, lambda name: self._load(f"{FOLDER}/{name}"), self.place_shards)

    @cached_property
    def _geo(self) -> dict:
        return self._load("geo.json")

    def distance(self, place: dict, number: int) -> float | None:
        at = self._geo["i"][number]
        return distance_km(place["point"], self._geo["p"][at]) if at >= 0 else None

    def _online(self, number: int) -> bool:
        facet = next(f for f in self.manifest["facets"] if f["name"] == "mode")
        return ONLINE in {facet["values"][v][0] for v in self.facets["mode"][number]}

    def find(self, query: str, *, kind: str = "e", lieu: str = "", rayon: int = DEFAULT_RADIUS, tri: str = "",
             **filters: str | list[str]) -> Found:
        """The results, and around a place the online events and the nearest ones; ``tri="distance"`` sorts the
        results by distance instead of date or relevance."""
        place, text = None, query
        if lieu:
            place = self.place(lieu)
        elif kind == "e":
            text, place = split_place(query, lambda name: self._load(f"{FOLDER}/{name}"), self.place_shards)
        if place is None or kind != "e":
            return Found([self.documents[n] for n in self._matching(text, kind, filters)], words=text)
        around = dict(filters)
        if place["kind"] != "commune":  # a department or a region: its events
            filters = {**filters, place["kind"]: [place["code"]]}
        matching = self._matching(text, kind, around)  # every filter but the place's
        distances = {n: d for n in matching if (d := self.distance(place, n)) is not None}
        if place["kind"] != "commune":
            kept = set(self._matching(text, kind, filters))
            results = [n for n in matching if n in kept]
        else:
            results = [n for n in matching if n in distances and distances[n] <= rayon]
        if tri == "distance":
            results.sort(key=lambda n: (distances.get(n, math.inf), n))
        chosen = set(results)
        online = [n for n in matching if n not in chosen and self._online(n)]
        nearest = [] if results else sorted(distances, key=lambda n: (distances[n], n))[:NEAREST]

        def shown(numbers: list[int]) -> list[dict]:  # a department's or region's centre is no place to be from
            measured = distances if place["kind"] == "commune" else {}
            return [self.documents[n] | ({"d": math.floor(measured[n] + 0.5)} if n in measured else {}) for n in numbers]

        return Found(shown(results), place, text, shown(online), shown(nearest))
