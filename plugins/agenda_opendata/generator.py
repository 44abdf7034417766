"""Write donnees/evenements.{json,csv}, donnees/services.{json,csv}, their JSON Schemas and /donnees/."""

from __future__ import annotations

import csv
import io
import json
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
            # compact JSON, as data portals publish it
            state.outputs.write(f"{root}{name}.json", json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode())
            state.outputs.write(f"{root}{name}.csv", _csv(rows, columns).encode())
            state.outputs.write(f"{root}{name}.schema.json",
                                json.dumps(self.schemas[name], ensure_ascii=False, indent=2).encode())
        self.context.update(open_data_counts={"evenements": len(event_rows), "services": len(service_rows)})
        writer.write_file(state.urls.save_as(root), self.get_template("opendata"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=root)


def _csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    stream = io.StringIO()
    table = csv.writer(stream, lineterminator="\r\n")
    table.writerow(columns)
    for row in rows:
        table.writerow([csv_value(row[column]) for column in columns])
    return stream.getvalue()
