"""Agency spreadsheets (CSV or XLSX) with the French column headers documented in docs/sources.md.

CSV: ``;``, ``,`` or tab separated, UTF-8 (with or without BOM) or Windows-1252.
XLSX: the first sheet; merged cells count for every row they cover; dates and times may be real
spreadsheet dates or text like ``03/12/2026`` and ``9h30``. Empty rows are skipped; each bad row
is reported with its number and the others are imported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time

from catalogue.text import fold

from .base import Importer, Record
from .fetch import SourceError

# Column header (compared without case or accents) -> agency field.
EVENT_COLUMNS = {
    "identifiant": "key", "titre": "title", "type": "type", "modalite": "mode", "date": "date",
    "debut": "start_time", "heure de debut": "start_time", "fin": "end_time", "heure de fin": "end_time",
    "organisateur": "organizer", "site de l'organisateur": "organizer_url", "commune": "commune", "lieu": "venue",
    "adresse": "address",
    "lien de connexion": "url", "public": "audience", "secteurs": "sectors", "inscription": "registration",
    "cloture des inscriptions": "registration_end", "contact": "contact", "telephone": "contact",
    "e-mail": "contact", "email": "contact", "courriel": "contact", "statut": "status", "resume": "summary",
    "description": "body",
    "places": "places_onsite", "places sur place": "places_onsite", "places a distance": "places_online",
    "places restantes": "places_left", "avantages": "benefits", "objectifs": "objectives", "campagne": "campaign",
    "operation": "campaign", "prerequis": "prerequisites", "deroulement": "program", "programme": "program",
    "intervenants": "speakers", "entreprises presentes": "speakers", "offres d'emploi": "job_offers",
    "codes rome": "rome", "metiers (rome)": "rome", "codes naf": "naf", "secteurs (naf)": "naf",
}
EVENT_COLUMNS = {fold(header): field for header, field in EVENT_COLUMNS.items()}  # as headers are compared


def decode(data: bytes) -> str:
    """UTF-8 first (a BOM is dropped); spreadsheets saved by older Excel are Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def csv_rows(data: bytes) -> Iterator[list[str]]:
    text = decode(data)
    try:  # only the separator is guessed, from the header; quoting stays Excel's ("" inside quotes)
        delimiter = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";"
    try:
        yield from csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter)
    except csv.Error as error:
        raise SourceError(f"fichier CSV illisible ({error})") from None


def xlsx_rows(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # imported here: only XLSX sources need it

    try:
        sheet = load_workbook(io.BytesIO(data), data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors) on a damaged file
        raise SourceError(f"classeur XLSX illisible ({type(error).__name__})") from None
    for merged in list(sheet.merged_cells.ranges):
        value = sheet.cell(merged.min_row, merged.min_col).value
        sheet.unmerge_cells(str(merged))
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                sheet.cell(row, column).value = value
    for row in sheet.iter_rows(values_only=True):
        yield [_cell_text(value) for value in row]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == time(0) else value.strftime("%d/%m/%Y %Hh%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%Hh%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table(rows: Iterable[list[str]], columns: dict[str, str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number as the spreadsheet shows it, {field: value}) for every non-empty row under the header."""
    iterator = iter(rows)
    header = [columns.get(fold(name), "") for name in next(iterator, [])]
    if not any(header):
        raise SourceError("aucune colonne reconnue dans la première ligne (voir le modèle de tableur)")
    for number, cells in enumerate(iterator, start=2):
        row: dict[str, str] = {}
        for key, cell in zip(header, cells, strict=False):
            if key and cell and cell.strip():  # two columns of one field (Téléphone, E-mail: Contact) are joined
                row[key] = f"{row[key]}, {cell.strip()}" if key in row else cell.strip()
        if row:
            yield number, row


def event_record(number: int, row: dict[str, str]) -> Record:
    day = row.pop("date", "")
    start_time, end_time = row.pop("start_time", ""), row.pop("end_time", "")
    fields = dict(row)
    fields["start"] = f"{day} {start_time}".strip()
    fields["end"] = end_time if "/" in end_time or "-" in end_time else f"{day} {end_time}".strip()
    key = fields.pop("key", "") or f"ligne-{number}"
    return Record(key=key, fields=fields, body=fields.pop("body", ""), origin=f"ligne {number}")


def spreadsheet_rows(importer: Importer) -> Iterator[list[str]]:
    data = importer.read()
    return xlsx_rows(data) if importer.source.location.lower().endswith(".xlsx") else csv_rows(data)


class SpreadsheetImporter(Importer):
    def records(self) -> Iterable[Record]:
        return [event_record(number, row) for number, row in table(spreadsheet_rows(self), EVENT_COLUMNS)]
