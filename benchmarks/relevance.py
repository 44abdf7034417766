"""The labelled queries of ``relevance.toml``, split in two halves, and the tool the ranking is tuned with.

``invoke relevance --size 10000`` generates that many events (``benchmarks.generate``, once per size under
its work folder), writes their search index without Pelican (the build's index of the same upcoming events), ranks
every labelled query with the staff engine (the browser engine's twin, ``catalogue.search.query``) and prints MRR
and recall@5 for each half, and the misses of the tuning half only: the check half is measured, never looked into.
``invoke bench`` measures both halves in the browser, for ours, Pagefind and lunr.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

RELEVANCE = Path(__file__).with_name("relevance.toml")
HALVES = ("tuning", "check")


def labelled() -> list[tuple[str, str, str]]:
    """(query, expected address, half): needles alternate between the halves, the first in the tuning half."""
    needles = tomllib.loads(RELEVANCE.read_text(encoding="utf-8"))["needle"]
    return [(query, f"/evenement/{needle['uid']}/", HALVES[n % 2]) for n, needle in enumerate(needles)
            for query in needle["queries"]]


def scores(ranks: list[int]) -> dict:
    """MRR and recall@5 of 1-based ranks (0: not in the first ten)."""
    return {"mrr": sum(1 / rank for rank in ranks if rank) / len(ranks),
            "recall_at_5": sum(1 for rank in ranks if 0 < rank <= 5) / len(ranks), "labelled": len(ranks)}


def by_half(ranks: list[int]) -> dict:
    """Both halves' scores, and all queries', from ranks in ``labelled()`` order."""
    halves = [half for _, _, half in labelled()]
    return {"all": scores(ranks),
            **{half: scores([r for r, h in zip(ranks, halves, strict=True) if h == half]) for half in HALVES}}


def write_index(content: Path, folder: Path) -> None:
    """The search index of ``content``'s upcoming events and services, as the build writes it."""
    from catalogue.geography import geography
    from catalogue.model import Event, Service
    from catalogue.scan import scan
    from catalogue.search.documents import Entry
    from catalogue.search.index import build_index
    from catalogue.search.index import write_index as write
    from catalogue.search.places import place_files
    from catalogue.text import html_to_text, render_markdown

    from .run import NOW

    items = scan(content, geography()).items
    events = sorted((item for item in items if isinstance(item, Event) and not item.is_past(NOW)),
                    key=lambda event: (event.start, event.title))
    text = lambda item: html_to_text(render_markdown(item.body))  # noqa: E731
    manifest, files = build_index([Entry(e, f"/evenement/{e.slug}/", text(e)) for e in events],
                                  [Entry(s, f"/service/{s.slug}/", text(s)) for s in items if isinstance(s, Service)],
                                  NOW)
    write(folder, manifest, files | place_files(geography()))


def tune(size: int, workdir: Path) -> list[str]:
    """The report: each miss of the tuning half (its rank, or -, and the first three results), then both halves'
    scores."""
    from catalogue.search.query import Index

    from .generate import generate
    from .run import NOW

    target = workdir / str(size)
    if not (target / "content").exists():
        generate(target, size, now=NOW)
    write_index(target / "content", target / "index")
    index, ranks, lines = Index(target / "index"), [], []
    for query, expected, half in labelled():
        found = index.find(query)
        urls = [doc["u"] for doc in (found.documents or found.nearest)[:10]]
        ranks.append(urls.index(expected) + 1 if expected in urls else 0)
        if half == "tuning" and ranks[-1] != 1:
            lines.append(f"{ranks[-1] or '-':>2}  {query!r:50} {expected}  first: {urls[:3]}")
    return lines + [f"{half:7} MRR {found['mrr']:.3f}  recall@5 {found['recall_at_5']:.3f}  ({found['labelled']} queries)"
                    for half, found in by_half(ranks).items()]
