"""Agency spreadsheets saved as CSV: French headers, ``;`` or ``,``, UTF-8 (with or without BOM) or Windows-1252."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from catalogue.text import fold

from .base import Importer, Record

# Column header (as agencies write it, compared without case or accents) -> agency field.
COLUMNS = {
    "identifiant": "key", "titre": "title", "type": "type", "modalite": "mode", "date": "date",
    "debut": "start_time", "heure de debut": "start_time", "fin": "end_time", "heure de fin": "end_time",
    "organisateur": "organizer", "commune": "commune", "lieu": "venue", "adresse": "address",
    "lien de connexion": "url", "public": "audience", "secteurs": "sectors", "inscription": "registration",
    "cloture des inscriptions": "registration_end", "places": "capacity", "statut": "status",
    "resume": "summary", "description": "body",
}


def decode(data: bytes) -> str:
    """UTF-8 first (a BOM is dropped); spreadsheets saved by older Excel are Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def rows(text: str) -> Iterable[tuple[int, dict[str, str]]]:
    """(row number as the spreadsheet shows it, {field: value}) for every non-empty row."""
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,\t")
    reader = csv.reader(io.StringIO(text), dialect)
    header = [COLUMNS.get(fold(name), "") for name in next(reader, [])]
    for number, cells in enumerate(reader, start=2):
        row = {key: cell.strip() for key, cell in zip(header, cells, strict=False) if key and cell.strip()}
        if row:
            yield number, row


def to_record(number: int, row: dict[str, str]) -> Record:
    day = row.pop("date", "")
    start_time, end_time = row.pop("start_time", ""), row.pop("end_time", "")
    fields = dict(row)
    fields["start"] = f"{day} {start_time}".strip()
    fields["end"] = end_time if "/" in end_time or "-" in end_time else f"{day} {end_time}".strip()
    key = fields.pop("key", "") or f"ligne-{number}"
    body = fields.pop("body", "")
    return Record(key=key, fields=fields, body=body, origin=f"ligne {number}")


class SpreadsheetImporter(Importer):
    def records(self) -> Iterable[Record]:
        data = (self.project_root / self.source.location).read_bytes()
        for number, row in rows(decode(data)):
            yield to_record(number, row)
