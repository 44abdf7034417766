"""``python -m importers``: run the sources declared in sources.toml and print a summary per source."""

from __future__ import annotations

import argparse
import sys
import tomllib
from datetime import date, datetime
from pathlib import Path

from catalogue.dates import PARIS
from catalogue.geography import geography

from .base import Importer, SourceConfig, Summary
from .spreadsheet import SpreadsheetImporter

KINDS: dict[str, type[Importer]] = {"spreadsheet": SpreadsheetImporter}


def load_sources(path: Path) -> list[SourceConfig]:
    with path.open("rb") as handle:
        config = tomllib.load(handle)
    return [
        SourceConfig(
            name=name,
            kind=entry["kind"],
            location=entry["location"],
            organizer=entry.get("organizer", ""),
            rebase_from=entry.get("rebase_from"),
        )
        for name, entry in config.get("sources", {}).items()
    ]


def run(sources: list[SourceConfig], project_root: Path, content_root: Path, today: date) -> list[Summary]:
    geo = geography()
    summaries = []
    for source in sources:
        importer_class = KINDS.get(source.kind)
        if importer_class is None:
            summaries.append(Summary(source.name, error=f"type de source inconnu « {source.kind} »"))
            continue
        try:
            summaries.append(importer_class(source, project_root, content_root, geo, today).run())
        except (OSError, ValueError) as error:
            summaries.append(Summary(source.name, error=str(error)))
    return summaries


def print_summaries(summaries: list[Summary]) -> None:
    for summary in summaries:
        if summary.error:
            print(f"{summary.source}: ÉCHEC — {summary.error} (contenu existant conservé)")
            continue
        print(f"{summary.source}: {summary.created} créés, {summary.updated} mis à jour, "
              f"{summary.unchanged} inchangés, {summary.rejected} rejetés")
        for problem in summary.problems:
            print(f"  {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m importers", description=__doc__)
    parser.add_argument("--config", default="sources.toml", type=Path)
    parser.add_argument("--content", default="content", type=Path)
    parser.add_argument("--source", action="append", help="only this source (repeatable)")
    parser.add_argument("--today", type=date.fromisoformat, default=datetime.now(PARIS).date(),
                        help="date sample sources are rebased to (default: today)")
    args = parser.parse_args(argv)
    sources = load_sources(args.config)
    if args.source:
        unknown = set(args.source) - {source.name for source in sources}
        if unknown:
            parser.error(f"source inconnue : {', '.join(sorted(unknown))}")
        sources = [source for source in sources if source.name in args.source]
    summaries = run(sources, args.config.resolve().parent, args.content, args.today)
    print_summaries(summaries)
    return 1 if any(summary.error for summary in summaries) else 0


if __name__ == "__main__":
    sys.exit(main())
