"""The search index: files written once per build, read by the browser and by the staff's CLI.

A first query downloads only what it needs:

- ``manifest.json``: the format version, the analysis data (stop words, suffixes) the browser analyses
  queries with, counts, facet labels, the list of shards;
- ``facets.json``: one compact column per facet (value numbers) and each event's first and last days, to
  filter and count without the documents;
- ``words-<c>.json``: the words met, by first letter, each with its stem (prefix and typo matching);
- ``post-<prefix>.json``: postings of the stems starting with that prefix, as flat lists
  [document gap, weight, document gap, weight…] (``documents.weighted_terms``: the weight doubled, plus one when the
  stem is in the title); a shard over ``SHARD_BYTES`` splits on a longer prefix;
- ``docs-<n>.json``: what a result shows, ``CHUNK`` documents a file, events in date order first;
- ``geo.json``, for place searches only: the distinct points events are at (thousandths of a degree) and each
  document's point number (-1: no place); ``lieux/``: the communes and departments (``places.py``).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from . import ANALYSIS, FORMAT_VERSION, RANKING
from .analysis import stem
from .documents import Entry, event_document, service_document
from .facets import FACETS, ONLINE, value_order
from .places import DEFAULT_RADIUS, NEAREST, RADII, point

CHUNK = 50  # documents per file: a page of results loads a few small files
SHARD_BYTES = 24_000


def _compact(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def split_shards(postings: dict[str, list[int]], depth: int = 1) -> dict[str, dict[str, list[int]]]:
    """Group stems by their first ``depth`` letters, splitting a group further while it is too big."""
    groups: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term, flat in postings.items():
        groups[term[:depth]][term] = flat
    shards = {}
    for prefix, group in groups.items():
        if len(group) > 1 and depth < 8 and len(_compact(group)) > SHARD_BYTES:
            shards.update(split_shards(group, depth + 1))
        else:
            shards[prefix] = group
    return shards


def _facet_columns(items: list[tuple[str, object]]) -> tuple[list[dict], dict[str, list]]:
    """Manifest entries (labels, value order) and one column of value numbers per facet."""
    described, columns = [], {}
    for facet in FACETS:
        values = [facet.event(item) if kind == "e" else facet.service(item) for kind, item in items]
        labels = dict(pair for found in values for pair in found)
        order = value_order(facet, labels)
        number = {key: n for n, key in enumerate(order)}
        entries = [[key, labels[key]] for key in order]
        if facet.name == "departement":  # a department names its region, so the page can keep them coherent
            parents = {event.commune.department.code: event.commune.region.code
                       for kind, event in items if kind == "e" and event.commune}
            entries = [[key, label, parents[key]] for key, label in entries]
        described.append({"name": facet.name, "label": facet.label, "many": facet.many, "values": entries,
                          **({"inclusive": facet.inclusive} if facet.inclusive else {})})
        columns[facet.name] = [sorted(number[key] for key, _ in found) if facet.many
                               else (number[found[0][0]] if found else -1) for found in values]
    return described, columns


def _points(events: list[Entry], count: int) -> dict:
    """``geo.json``: each distinct point once, and every document's point number."""
    points: dict[tuple[int, int], int] = {}
    numbers = [points.setdefault(tuple(point(entry.item.position)), len(points)) if entry.item.position else -1
               for entry in events]
    return {"p": [list(p) for p in points], "i": numbers + [-1] * (count - len(events))}


def build_index(events: list[Entry], services: list[Entry], now: datetime,
                memo: dict | None = None) -> tuple[dict, dict[str, object]]:
    """(manifest, other files by name), for upcoming events in date order and services; the files of ``lieux/``
    are apart (``places.place_files``): they depend on the geography only.

    ``memo``: the documents of an earlier build by ``Entry.key`` (analysing the words is most of the work); on
    return it holds this build's."""
    vocabulary: dict[str, str] = {}
    kept = {} if memo is not None else None
    built = ([_document(event_document, entry, n, vocabulary, memo, kept, now) for n, entry in enumerate(events)]
             + [_document(service_document, entry, len(events) + n, vocabulary, memo, kept)
                for n, entry in enumerate(services)])
    if memo is not None:
        memo.clear()
        memo.update(kept)
    postings: dict[str, list[int]] = defaultdict(list)
    last: dict[str, int] = {}
    for number, (_, terms) in enumerate(built):
        for term, weight in terms.items():
            postings[term] += [number - last.get(term, 0), weight]
            last[term] = number
    shards = split_shards(dict(sorted(postings.items())))
    words: dict[str, dict[str, str]] = defaultdict(dict)
    for word in sorted(vocabulary):
        words[word[0]][word] = vocabulary[word]
    days = [entry.item.start.date() for entry in events]  # the local day, in the event's zone
    day0 = min(days, default=date(2000, 1, 1))
    facets, columns = _facet_columns([("e", entry.item) for entry in events] + [("s", entry.item) for entry in services])
    documents = [document for document, _ in built]
    manifest = {
        "version": FORMAT_VERSION, "analysis": ANALYSIS, "ranking": RANKING,
        "count": len(documents), "events": len(events), "chunk": CHUNK,
        "chunks": (len(documents) + CHUNK - 1) // CHUNK, "day0": day0.isoformat(),
        "post": sorted(shards), "words": sorted(words), "facets": facets,
        # place searches: the radii offered, the default, how many nearest events to offer when none is within
        # it, and the mode facet's value of events one can follow online (they are listed apart)
        "places": {"radii": list(RADII), "radius": DEFAULT_RADIUS, "nearest": NEAREST, "online": ONLINE},
    }
    files: dict[str, object] = {
        "facets.json": {"k": "e" * len(events) + "s" * len(services),
                        "d": [(day - day0).days for day in days] + [-1] * len(services),
                        # last days: a date filter keeps the events running in its period, begun or not
                        "l": [(entry.item.last_day - day0).days for entry in events] + [-1] * len(services),
                        **columns},
    }
    files.update({f"words-{c}.json": found for c, found in words.items()})
    files.update({f"post-{prefix}.json": shard for prefix, shard in shards.items()})
    files.update({f"docs-{n}.json": documents[start:start + CHUNK]
                  for n, start in enumerate(range(0, len(documents), CHUNK))})
    files["geo.json"] = _points(events, len(documents))
    return manifest, files


def _document(make, entry: Entry, number: int, vocabulary: dict[str, str], memo: dict | None, kept: dict | None,
              *now) -> tuple[dict, dict[str, int]]:
    """``make(entry, number, vocabulary, *now)``, or the memo's copy when the entry has a key it holds. The memo keeps
    a document's words and stems as shared strings (one object per distinct word across the documents)."""
    if memo is None or not entry.key:
        return make(entry, number, vocabulary, *now)
    found = memo.get(entry.key)
    if found is None:
        seen: dict[str, str] = {}
        document, terms = make(entry, number, seen, *now)
        found = (document, {sys.intern(term): weight for term, weight in terms.items()},
                 tuple(sys.intern(word) for word in seen))
    document, terms, words = kept[entry.key] = found
    for word in words:
        if word not in vocabulary:
            vocabulary[word] = stem(word)
    return {**document, "n": number}, terms


def serialised(files: dict[str, object]) -> dict[str, bytes]:
    """Files of the index (by name under the index folder) as written."""
    return {name: _compact(data).encode() for name, data in files.items()}


def write_index(folder: Path, manifest: dict, files: dict[str, object]) -> None:
    """The index's files under ``folder``, and those of ``places.place_files`` when given with ``files``."""
    for name, data in serialised({"manifest.json": manifest, **files}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
