"""Helpers shared by the importer tests: a run context on tmp_path and readers of what was written."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from catalogue.dates import PARIS
from catalogue.files import IMPORT_REPORT
from catalogue.frontmatter import parse
from catalogue.geography import geography
from importers.base import Context, SourceConfig
from importers.fetch import Fetcher

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=PARIS)


class Sleeps(list):
    """Records the waits a Fetcher asks for instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_context(root: Path, *, timeout: float = 5.0, now: datetime = NOW) -> Context:
    return Context(project_root=root, content_root=root / "content", geo=geography(), now=now,
                   fetcher=Fetcher(timeout=timeout, retries=3, backoff=0.5, sleep=Sleeps()), secrets=dict(os.environ))


def source(name: str, kind: str, location: str, **options) -> SourceConfig:
    organizer = options.pop("organizer", "Agence de test")
    return SourceConfig(name, kind, location, organizer=organizer, options=options)


def written(root: Path, folder: str) -> dict[str, dict[str, str]]:
    """{record key: {field: value, 'body': …}} of what an importer wrote in ``content/<folder>``.

    Files are named ``<source>-<key>.md``; the source prefix (the folder's name) is left out here.
    """
    files = {}
    for path in sorted((root / "content" / folder).glob("*.md")):
        document = parse(path.read_text(encoding="utf-8"))
        key = path.stem.removeprefix(f"{Path(folder).name}-")
        files[key] = {name: found.value for name, found in document.fields.items()} | {"body": document.body}
    return files


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under content/ but the runs' reports (which say what the last run did)."""
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted((root / "content").rglob("*"))
            if path.is_file() and path.name != IMPORT_REPORT}
