"""Agency spreadsheets (CSV or XLSX) the way French staff save them, with the headers of docs/sources.md.

CSV: ``;``, ``,`` or tab separated; UTF-8 (with or without BOM), Windows-1252 (Excel's « CSV
(séparateur : point-virgule) »), or UTF-16 (Excel's « Texte Unicode »). A file that mixes UTF-8 and
Windows-1252 lines is refused, the lines named. XLSX: the first sheet with a header row (an
instructions sheet before it is skipped); merged cells count for every row they cover; dates and times
may be real spreadsheet dates, serial numbers and day fractions, or text like ``03/12/2026`` and ``9h30``.

The header row is the one, among the first ten, that names the most known columns (a title line above
it is skipped); a second header row under it fills its blank names. Unknown columns are listed once.
Messages name the sheet, the row as the spreadsheet numbers it and the column as the file names it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from catalogue.dates import parse_datetime, source_iso
from catalogue.keys import FRENCH_NAMES
from catalogue.text import fold
from catalogue.validation import EVENT_FIELDS
from catalogue.vocabulary import EVENT_TYPES, MODES, STATUSES, TAGGINGS, guess_event_type

from .base import Importer, Record, default_end, known_labels
from .fetch import SourceError

# Column header (compared without case, accents, hyphens or apostrophes) -> agency field: the French names of
# the fields (catalogue/keys.py), where ``Début`` and ``Fin`` are times beside a ``Date``, and the columns
# only spreadsheets have.
SPREADSHEET_ONLY = {
    "identifiant": "key", "id": "key", "reference": "key",
    "intitule de l'evenement": "title", "nom de l'evenement": "title", "titre de l'evenement": "title",
    "type d'evenement": "type",
    "date": "date", "date de debut": "date", "jour": "date", "date de fin": "end_date",
    "debut": "start_time", "heure de debut": "start_time", "heure debut": "start_time", "horaire de debut": "start_time",
    "fin": "end_time", "heure de fin": "end_time", "heure fin": "end_time", "horaire de fin": "end_time",
    "structure": "organizer", "ville": "town", "code postal": "postcode", "cp": "postcode",
    "lieu de l'evenement": "venue", "adresse postale": "address", "lien visio": "url", "lien de la visio": "url",
    "public cible": "audience", "lien d'inscription": "registration", "nombre de places": "places_onsite",
    "telephone": "contact", "e-mail": "contact", "email": "contact", "courriel": "contact", "description": "body",
}
EVENT_COLUMNS = {fold(name): key for name, key in FRENCH_NAMES.items() if key in EVENT_FIELDS} | {
    fold(header): key for header, key in SPREADSHEET_ONLY.items()}
HEADER_SEARCH = 10  # rows where the header row is looked for


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it
    values: dict[str, str]
    names: dict[str, str]  # field -> the column name(s) the file uses
    sheet: str = ""

    @property
    def origin(self) -> str:
        return f"feuille « {self.sheet} », ligne {self.number}" if self.sheet else f"ligne {self.number}"


@dataclass
class Table:
    rows: list[Row]
    ignored: list[str] = field(default_factory=list)  # column names the file has and we do not read


def decode(data: bytes) -> str:
    """UTF-16 (with its BOM), UTF-8 (a BOM dropped), else Windows-1252; a mix of the last two is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    bad = [number for number, line in enumerate(lines, start=1) if not _is_utf8(line)]
    if any(not line.isascii() and _is_utf8(line) for line in lines):
        shown = ", ".join(map(str, bad[:5])) + (" …" if len(bad) > 5 else "")
        raise SourceError(f"le fichier mélange deux encodages : ligne{'s' if len(bad) > 1 else ''} {shown} en "
                          "Windows-1252, le reste en UTF-8 ; réenregistrez-le au format « CSV UTF-8 »")
    return data.decode("cp1252", errors="replace")


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def csv_sheets(data: bytes) -> list[tuple[str, list[list[str]]]]:
    text = decode(data)
    lines = [line for line in text.splitlines()[:HEADER_SEARCH] if line.strip()]

    def steady(separator: str) -> int:  # the count most early lines share: a title line does not sway it
        counts = [line.count(separator) for line in lines]
        return max(counts, key=lambda n: (counts.count(n), n)) if counts else 0

    delimiter = max(";\t,", key=steady)  # only the separator is guessed; quoting stays Excel's
    try:
        return [("", list(csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter)))]
    except csv.Error as error:
        raise SourceError(f"fichier CSV illisible ({error})") from None


def xlsx_sheets(data: bytes) -> list[tuple[str, list[list[str]]]]:
    from openpyxl import load_workbook  # imported here: only XLSX sources need it

    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors) on a damaged file
        raise SourceError(f"classeur XLSX illisible ({type(error).__name__})") from None
    sheets = []
    for sheet in workbook.worksheets:
        for merged in list(sheet.merged_cells.ranges):
            value = sheet.cell(merged.min_row, merged.min_col).value
            sheet.unmerge_cells(str(merged))
            for row in range(merged.min_row, merged.max_row + 1):
                for column in range(merged.min_col, merged.max_col + 1):
                    sheet.cell(row, column).value = value
        sheets.append((sheet.title, [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]))
    return sheets


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


def table(sheets: list[tuple[str, list[list[str]]]], columns: dict[str, str]) -> Table:
    """The rows under the header row of the first sheet that has one."""
    for name, rows in sheets:
        scores = [sum(1 for cell in row if columns.get(fold(cell))) for row in rows[:HEADER_SEARCH]]
        if not scores or max(scores) == 0:
            continue
        at = scores.index(max(scores))
        names = [cell.strip() for cell in rows[at]]
        after = rows[at + 1] if at + 1 < len(rows) else []
        second = sum(1 for cell in after if columns.get(fold(cell))) >= 2  # "Horaires" over "Début | Fin"
        if second:
            names = [below.strip() or above for above, below in zip(names, after, strict=False)] + names[len(after):]
        keys = [columns.get(fold(name), "") for name in names]
        found = [_row(number, cells, keys, names, name) for number, cells in enumerate(rows, start=1)
                 if number > at + 1 + second]
        ignored = list(dict.fromkeys(name for name, key in zip(names, keys, strict=False) if name and not key))
        return Table([row for row in found if row.values], ignored)
    where = f" de la feuille « {sheets[0][0]} »" if sheets and sheets[0][0] else ""
    raise SourceError(f"aucune ligne d'en-tête reconnue dans les {HEADER_SEARCH} premières lignes{where} "
                      "(voir le modèle de tableur)")


def _row(number: int, cells: list[str], keys: list[str], names: list[str], sheet: str) -> Row:
    row = Row(number, {}, {}, sheet)
    for key, name, cell in zip(keys, names, cells, strict=False):
        if key and cell and cell.strip():  # two columns of one field (Téléphone, E-mail: Contact) are joined
            row.values[key] = f"{row.values[key]}, {cell.strip()}" if key in row.values else cell.strip()
            row.names[key] = f"{row.names[key]} / {name}" if key in row.names else name
        elif key:
            row.names.setdefault(key, name)  # an empty cell: messages still name its column
    return row


def _day(text: str) -> str:
    """An Excel serial day number (``46359``) as ``03/12/2026``; other text as it is."""
    if re.fullmatch(r"\d{5}", text) and 20000 < int(text) < 80000:
        return (date(1899, 12, 30) + timedelta(days=int(text))).strftime("%d/%m/%Y")
    return text


def _clock(text: str) -> str:
    """A time stored as a fraction of a day (``0.395833``, ``0,395833``) as ``9h30``; other text as it is."""
    if re.fullmatch(r"0?[.,]\d+", text):
        minutes = round(float(text.replace(",", ".")) * 24 * 60)
        return f"{minutes // 60}h{minutes % 60:02d}"
    return text


def event_record(row: Row, options: dict | None = None) -> Record:
    """A row as agency fields: only a missing title, date, place or link refuses it; a value outside a
    controlled list is left out (the type then comes from the title), with a warning."""
    values, names, warnings, options = dict(row.values), dict(row.names), [], options or {}
    day, end_day = _day(values.pop("date", "")), _day(values.pop("end_date", ""))
    start_time, end_time = _clock(values.pop("start_time", "")), _clock(values.pop("end_time", ""))
    town = " ".join(values.pop(key, "") for key in ("postcode", "town")).strip()
    if town:
        values.setdefault("commune", town)
    values["start"] = f"{day} {start_time}".strip()
    if end_time and ("/" in end_time or "-" in end_time):  # a full date and time in the end column
        values["end"] = end_time
    elif end_time or end_day:
        values["end"] = f"{end_day or day} {end_time}".strip()
    elif start_time:
        values["end"] = _later(values["start"], options, warnings)
    names["start"] = " / ".join(names.pop(key) for key in ("date", "start_time") if key in names) or "Date"
    names["end"] = " / ".join(names.pop(key) for key in ("end_date", "end_time") if key in names) or "Fin"
    for key, vocabulary in (("type", EVENT_TYPES), ("mode", MODES), ("status", STATUSES)):
        if values.get(key) and vocabulary.find(values[key]) is None:
            warnings.append(f"{names.get(key, key)} « {values.pop(key)[:40]} » inconnu, ignoré")
    if not values.get("type"):
        guessed = guess_event_type(values.get("title", ""))
        values["type"] = guessed if guessed != "other" else options.get("default_type", "other")
    for tag in TAGGINGS:  # a value outside the list is left out, with a warning; the row stays
        if values.get(tag.attribute):
            parts = re.split(r"[,;]", values[tag.attribute])
            values[tag.attribute] = known_labels(parts, tag.vocabulary, tag.path, warnings)
    key = values.pop("key", "") or f"ligne-{row.number}"
    return Record(key=key, fields=values, body=values.pop("body", ""), origin=row.origin, warnings=warnings,
                  names=names)


def _later(start: str, options: dict, warnings: list[str]) -> str:
    """The end of a row whose end time is empty (the start's own problem, if any, is reported)."""
    try:  # read as a floating time: the commune's zone applies later
        begins = parse_datetime(start).replace(tzinfo=None)
    except ValueError:
        return start
    return source_iso(default_end(begins, options, warnings))


def spreadsheet_sheets(importer: Importer) -> list[tuple[str, list[list[str]]]]:
    data = importer.read()
    return xlsx_sheets(data) if importer.source.location.lower().endswith(".xlsx") else csv_sheets(data)


def read_table(importer: Importer, columns: dict[str, str]) -> Table:
    """The source's table; its unknown columns are noted once in the import summary."""
    found = table(spreadsheet_sheets(importer), columns)
    if found.ignored:
        importer.notes.append(f"colonnes ignorées : {', '.join(found.ignored)}")
    return found


class SpreadsheetImporter(Importer):
    def records(self) -> Iterable[Record]:
        return [event_record(row, self.source.options) for row in read_table(self, EVENT_COLUMNS).rows]

