"""Write donnees/evenements.{json,csv}, donnees/services.{json,csv}, their JSON Schemas and /donnees/."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from agenda_core import site_state
from pelican.generators import Generator

from .records import EVENT_COLUMNS, SERVICE_COLUMNS, csv_value, event_record, service_record

SCHEMAS = Path(__file__).parent / "schemas"


class OpenDataGenerator(Generator):
    """Every event, upcoming and past, and every service; published fields only."""

    def generate_context(self):
        self.state = site_state(self)
        self.schemas = {name: json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
                        for name in ("evenements", "services")}
        self.context.update(open_data_schemas=self.schemas)

    def generate_output(self, writer):
        state = self.state
        events = sorted(state.events, key=lambda a: (a.event.start, a.event.uid))
        event_rows = [event_record(a.event, state.absolute(a.url), a.revision.updated.isoformat(), state.now)
                      for a in events]
        service_rows = [service_record(p.service, state.absolute(p.url), p.revision.updated.isoformat())
                        for p in state.services]
        root = state.urls.open_data
        for name, rows, columns in (("evenements", event_rows, EVENT_COLUMNS), ("services", service_rows, SERVICE_COLUMNS)):
            state.outputs.write(f"{root}{name}.json", _json(rows))  # row by row: 240 MB at 50,000 events
            state.outputs.write(f"{root}{name}.csv", _csv(rows, columns))
            state.outputs.write(f"{root}{name}.schema.json",
                                json.dumps(self.schemas[name], ensure_ascii=False, indent=2).encode())
        self.context.update(open_data_counts={"evenements": len(event_rows), "services": len(service_rows)})
        writer.write_file(state.urls.save_as(root), self.get_template("opendata"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=root)


def _json(rows: list[dict]) -> Iterator[bytes]:
    """Compact JSON, as data portals publish it: ``json.dumps(rows)``'s bytes, a row at a time."""
    yield b"["
    for number, row in enumerate(rows):
        yield (b"," if number else b"") + json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()
    yield b"]"


def _csv(rows: list[dict], columns: tuple[str, ...]) -> Iterator[bytes]:
    stream = io.StringIO()
    table = csv.writer(stream, lineterminator="\r\n")
    table.writerow(columns)
    for number, row in enumerate(rows, start=1):
        table.writerow([csv_value(row[column]) for column in columns])
        if number % 1000 == 0:
            yield stream.getvalue().encode()
            stream.seek(0)
            stream.truncate()
    yield stream.getvalue().encode()
