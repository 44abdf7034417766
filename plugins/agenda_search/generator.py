"""Write the search index in shards under recherche/index/, and the search page."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from pelican.generators import Generator

from catalogue.vocabulary import EVENT_TYPES, STATUSES

from .documents import event_document, service_document

INDEX = "recherche/index"
CHUNK = 500  # documents per file: a result page loads one or two of them


def build_index(events: list, services: list) -> tuple[dict, dict[str, dict], list[list[dict]]]:
    """(manifest, term shards by first character, document chunks)."""
    documents, postings, vocabulary = [], defaultdict(list), {}
    for number, (document, terms) in enumerate(
            [event_document(a, n, vocabulary) for n, a in enumerate(events)]
            + [service_document(p, len(events) + n, vocabulary) for n, p in enumerate(services)]):
        documents.append(document)
        for term, weight in terms.items():
            postings[term].append([number, weight])
    # One shard per first letter: "t" maps stems to postings [document, weight], "w" maps the words
    # met to their stem (a stem is a prefix of its words, so both live in the same shard).
    shards: dict[str, dict] = defaultdict(lambda: {"t": {}, "w": {}})
    for term in sorted(postings):
        shards[term[0]]["t"][term] = postings[term]
    for word in sorted(vocabulary):
        shards[word[0]]["w"][word] = vocabulary[word]
    event_docs = [d for d in documents if d["k"] == "e"]
    regions = {a.event.commune.region.code: a.event.commune.region.name for a in events if a.event.commune}
    departments = {a.event.commune.department.code: [a.event.commune.department.name, a.event.commune.region.code]
                   for a in events if a.event.commune}
    manifest = {
        "count": len(documents), "events": len(event_docs), "chunk": CHUNK,
        "chunks": (len(documents) + CHUNK - 1) // CHUNK, "shards": sorted(shards),
        "facets": {
            "region": dict(sorted(regions.items(), key=lambda item: item[1])),
            "departement": dict(sorted(departments.items())),
            "type": {term.key: term.label for term in EVENT_TYPES},
            "mode": {"sur-place": "Sur place", "a-distance": "À distance"},
            "public": sorted({value for d in event_docs for value in d["au"]}),
            "secteur": sorted({value for d in event_docs for value in d["se"]}),
            "statut": {term.key: term.label for term in STATUSES},
        },
    }
    chunks = [documents[start:start + CHUNK] for start in range(0, len(documents), CHUNK)]
    return manifest, shards, chunks


class SearchGenerator(Generator):
    """Upcoming events and services; past events stay in the archives, found through the listings."""

    def generate_context(self):
        self.context["search_url"] = "recherche/"

    def generate_output(self, writer):
        now = self.context["agenda_now"]
        events = [a for a in self.context["scopes"].all.upcoming if not a.event.is_past(now)]
        manifest, shards, chunks = build_index(events, self.context["services"])
        folder = Path(self.output_path) / INDEX
        folder.mkdir(parents=True, exist_ok=True)

        def write(name: str, data) -> None:
            (folder / name).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

        write("manifest.json", manifest)
        for character, terms in shards.items():
            write(f"terms-{character}.json", terms)
        for number, chunk in enumerate(chunks):
            write(f"docs-{number}.json", chunk)
        writer.write_file("recherche/index.html", self.get_template("search"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url="recherche/")
