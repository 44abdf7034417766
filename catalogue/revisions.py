"""When each event last changed, and how many times: feeds' ``updated`` and iCalendar ``SEQUENCE``.

A static build cannot tell an edited event from a rebuilt one, so the build keeps a small state file
(``uid -> content hash, sequence, updated``). An event whose canonical text changed gets
``sequence + 1`` and ``updated = now``; an unchanged one keeps both, whatever the number of builds.
An ``Updated`` field written in the file wins over the stored date.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from catalogue.files import write_atomic
from catalogue.model import Event, Service
from catalogue.serialize import render_event, render_service


@dataclass(frozen=True)
class Revision:
    sequence: int
    updated: datetime


class Revisions:
    def __init__(self, path: Path, now: datetime):
        self.path = Path(path)
        self.now = now
        try:
            self.entries: dict[str, dict] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}

    def stamp(self, item: Event | Service) -> Revision:
        text = render_event(item) if isinstance(item, Event) else render_service(item)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        key = item.uid if isinstance(item, Event) else f"service:{item.uid}"
        entry = self.entries.get(key)
        if entry is None:
            entry = {"hash": digest, "sequence": 0, "updated": self.now.isoformat()}
        elif entry.get("hash") != digest:
            entry = {"hash": digest, "sequence": int(entry.get("sequence", 0)) + 1, "updated": self.now.isoformat()}
        self.entries[key] = entry
        explicit = item.updated if isinstance(item, Event) else None
        return Revision(entry["sequence"], explicit or datetime.fromisoformat(entry["updated"]))

    @property
    def first(self) -> datetime:
        """When the oldest item known was stamped: the date of a feed that never had an entry, the same from one
        build to the next."""
        return min((datetime.fromisoformat(entry["updated"]) for entry in self.entries.values()), default=self.now)

    def save(self) -> None:
        write_atomic(self.path, json.dumps(dict(sorted(self.entries.items())), indent=0, ensure_ascii=False))
