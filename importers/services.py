"""An online services catalogue (Emploi Store-like), as JSON or as a spreadsheet (CSV/XLSX).

JSON: a list of objects (or ``{"services": [...]}``) with the keys of ``JSON_KEYS``, HTML descriptions;
spreadsheets: the French names of the fields (catalogue/keys.py) as column headers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from catalogue.keys import FRENCH_NAMES
from catalogue.text import fold, html_to_markdown
from catalogue.validation import SERVICE_FIELDS

from .base import BaseServiceImporter, Record
from .fetch import SourceError
from .spreadsheet import read_table

# JSON key -> agency field.
JSON_KEYS = {
    "id": "key", "titre": "title", "nom": "title", "fournisseur": "provider", "categorie": "category",
    "public": "audience", "url": "url", "canaux": "channels", "gratuit": "free", "resume": "summary",
    "description": "body",
}
SERVICE_COLUMNS = {fold(name): key for name, key in FRENCH_NAMES.items() if key in SERVICE_FIELDS} | {
    "identifiant": "key", "description": "body"}


def _text(value) -> str:
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _record(row: dict[str, str], origin: str) -> Record:
    key = row.pop("key", "") or row.get("title", origin)
    return Record(key=key, fields=row, body=row.pop("body", ""), origin=origin)


class ServicesImporter(BaseServiceImporter):
    def records(self) -> Iterable[Record]:
        if self.source.location.lower().endswith(".json"):
            return self._from_json()
        return [_record(dict(row.values), row.origin) for row in read_table(self, SERVICE_COLUMNS).rows]

    def _from_json(self) -> list[Record]:
        try:
            payload = json.loads(self.read())
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise SourceError(f"catalogue JSON illisible ou tronqué ({type(error).__name__})") from None
        items = payload.get("services") if isinstance(payload, dict) else payload
        if not isinstance(items, list):
            raise SourceError("catalogue JSON inattendu : une liste de services est attendue")
        records = []
        for number, item in enumerate(items, start=1):
            if isinstance(item, dict):
                row = {JSON_KEYS[key]: _text(value) for key, value in item.items() if key in JSON_KEYS}
                row["body"] = html_to_markdown(row.get("body", ""))  # catalogue descriptions are HTML
                records.append(_record(row, f"service {number}"))
        return records
