"""``python -m importers``: run the sources declared in sources.toml and print a summary per source."""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from datetime import date, datetime
from pathlib import Path

from rich.progress import track

from catalogue.dates import PARIS
from catalogue.geography import geography

from .base import Context, Importer, SourceConfig, Summary
from .fetch import Fetcher
from .francetravail import FranceTravailImporter
from .html_agenda import HtmlAgendaImporter
from .ical import ICalendarImporter
from .services import ServicesImporter
from .spreadsheet import SpreadsheetImporter

KINDS: dict[str, type[Importer]] = {
    "francetravail": FranceTravailImporter,
    "icalendar": ICalendarImporter,
    "spreadsheet": SpreadsheetImporter,
    "html": HtmlAgendaImporter,
    "services": ServicesImporter,
}
COMMON_KEYS = {"kind", "location", "organizer", "organizer_url", "contact", "region", "rebase_from", "timezone"}
PROGRESS_FROM = 200  # records; shorter sources import without a progress bar


def load_sources(path: Path) -> list[SourceConfig]:
    with path.open("rb") as handle:
        config = tomllib.load(handle)
    return [
        SourceConfig(
            name=name,
            kind=entry["kind"],
            location=entry["location"],
            organizer=entry.get("organizer", ""),
            organizer_url=entry.get("organizer_url", ""),
            contact=entry.get("contact", ""),
            timezone=entry.get("timezone", ""),
            region=entry.get("region", ""),
            rebase_from=entry.get("rebase_from"),
            options={key: value for key, value in entry.items() if key not in COMMON_KEYS},
        )
        for name, entry in config.get("sources", {}).items()
    ]


def _progress(items: list, label: str):
    if len(items) < PROGRESS_FROM or not sys.stdout.isatty():
        return items
    return track(items, description=f"{label} :", transient=True)


def run(sources: list[SourceConfig], context: Context) -> list[Summary]:
    summaries = []
    for source in sources:
        importer_class = KINDS.get(source.kind)
        if importer_class is None:
            known = ", ".join(KINDS)
            summaries.append(Summary(source.name, error=f"type de source inconnu « {source.kind} » (connus : {known})"))
            continue
        summaries.append(importer_class(source, context).run())
    return summaries


def print_summaries(summaries: list[Summary]) -> None:
    for summary in summaries:
        if summary.error:
            print(f"{summary.source} : ÉCHEC — {summary.error} (contenu existant conservé)")
            continue
        line = (f"{summary.source} : {summary.created} créés, {summary.updated} mis à jour, "
                f"{summary.unchanged} inchangés, {summary.cancelled} annulés, {summary.rejected} rejetés")
        print(line + (f", {summary.conflicts} conflits" if summary.conflicts else ""))
        for problem in summary.problems:
            print(f"  {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m importers", description=__doc__)
    parser.add_argument("--config", default="sources.toml", type=Path)
    parser.add_argument("--content", default="content", type=Path)
    parser.add_argument("--source", action="append", help="only this source (repeatable)")
    parser.add_argument("--today", type=date.fromisoformat,
                        help="the day to import as of (default: today); sample sources are rebased to it")
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # the report is UTF-8 whatever the terminal or pipe says
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    sources = load_sources(args.config)
    if args.source:
        unknown = set(args.source) - {source.name for source in sources}
        if unknown:
            parser.error(f"source inconnue : {', '.join(sorted(unknown))}")
        sources = [source for source in sources if source.name in args.source]
    now = datetime.now(PARIS)
    if args.today:
        now = datetime.combine(args.today, now.time(), tzinfo=PARIS)
    context = Context(args.config.resolve().parent, args.content, geography(), now, Fetcher(), _progress,
                      secrets=os.environ)  # credentials are named in sources.toml, given by the environment
    summaries = run(sources, context)
    print_summaries(summaries)
    return 1 if any(summary.error for summary in summaries) else 0


if __name__ == "__main__":
    sys.exit(main())
