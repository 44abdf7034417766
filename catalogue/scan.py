"""Read every agency file under ``content/`` and report each problem, as ``invoke check`` does."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from catalogue.geography import Geography
from catalogue.model import Event, Service
from catalogue.problems import Problem
from catalogue.validation import duplicates, load

SOURCE_FOLDERS = ("events", "services")


@dataclass
class Scan:
    items: list[Event | Service] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: int = 0


def scan(content_root: Path, geo: Geography, *, display_root: Path | None = None) -> Scan:
    """Validate every ``.md`` file under the event and service folders of ``content_root``."""
    found = Scan()
    base = display_root or content_root.parent
    for folder in SOURCE_FOLDERS:
        for path in sorted((content_root / folder).rglob("*.md")):
            found.files += 1
            result = load(path, content_root, geo, display=_display(path, base))
            found.problems.extend(result.problems)
            found.warnings.extend(result.warnings)
            if result.item is not None:
                found.items.append(result.item)
    found.problems.extend(duplicates(found.items))
    found.problems.sort()
    return found


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)
