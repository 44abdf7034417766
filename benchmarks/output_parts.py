"""What the output is made of: files and bytes by kind of output, so that a change's cost in size is seen where it
lands (the organisers' pages, the feeds of a type in a place, the widget's files…)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path, PurePosixPath

FEEDS = {"flux.rss", "flux.atom", "agenda.ics"}
# the folders below evenements/ that are not a region (listings of a type, an audience, a month…)
NOT_PLACES = {"type", "public", "avantage", "objectif", "campagne", "a-distance", "mois", "archives", "page"}
PARTS = ("event pages", "event calendars", "listings", "feeds", "type × place feeds", "organisers", "widget",
         "search index", "open data", "other")


def kind(path: PurePosixPath) -> str:
    top, parts = path.parts[0], path.parts
    if top == "evenement":
        return "event pages" if path.name == "index.html" else "event calendars"
    if top == "evenements":
        if path.name not in FEEDS:
            return "listings"
        combined = parts[1] not in NOT_PLACES and "type" in parts[2:]
        return "type × place feeds" if combined else "feeds"
    return {"organisateurs": "organisers", "integrer": "widget", "recherche": "search index",
            "donnees": "open data"}.get(top, "other")


def output_parts(output: Path) -> dict[str, dict[str, int]]:
    """``{part: {"files": n, "bytes": n}}`` for every part of ``PARTS``."""
    files, sizes = Counter(), Counter()
    for path in output.rglob("*"):
        if path.is_file():
            part = kind(PurePosixPath(path.relative_to(output).as_posix()))
            files[part] += 1
            sizes[part] += path.stat().st_size
    return {part: {"files": files[part], "bytes": sizes[part]} for part in PARTS}
