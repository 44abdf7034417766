"""The Excel template agencies fill, made at each build from the spreadsheet columns and the catalogue's
vocabulary, so it never lags behind them: a sheet of events (one row each, drop-down lists for the one-value
fields), a sheet of instructions (every column, whether it is required, the values it takes) and the lists.

The file is the same bytes from one build to the next (fixed dates inside and in the archive)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from catalogue.keys import HINTS
from catalogue.vocabulary import AUDIENCES, BENEFITS, EVENT_TYPES, MODES, OBJECTIVES, STATUSES, Vocabulary

FILE_NAME = "modele-evenements.xlsx"
ROWS = 500  # rows the drop-down lists cover
# (column as the template writes it, required, what to write), in the order of a form
COLUMNS = (
    ("Titre", True, HINTS["title"]),
    ("Type", True, "Choisissez dans la liste (Job dating, Forum, Atelier…)."),
    ("Modalité", True, "Sur place, à distance ou les deux."),
    ("Date", True, "Le jour, par exemple 03/12/2026."),
    ("Début", True, "L'heure de début, par exemple 9h30."),
    ("Fin", False, "L'heure de fin ; vide, l'événement dure deux heures."),
    ("Organisateur", True, "L'agence ou la structure qui organise."),
    ("Site de l'organisateur", False, HINTS["organizer_url"]),
    ("Commune", False, "Obligatoire sur place : le code postal et la commune, par exemple 31000 Toulouse."),
    ("Lieu", False, HINTS["venue"]),
    ("Adresse", False, HINTS["address"]),
    ("Lien de connexion", False, HINTS["url"]),
    ("Public", False, "Un ou plusieurs publics de la liste, séparés par des virgules."),
    ("Secteurs", False, HINTS["sectors"]),
    ("Inscription", False, HINTS["registration"]),
    ("Clôture des inscriptions", False, "Le jour et l'heure, par exemple 02/12/2026 18h."),
    ("Places", False, "Le nombre de places."),
    ("Places restantes", False, "Les places encore libres ; 0 si c'est complet."),
    ("Avantages", False, "Ce que l'événement propose, de la liste, séparés par des virgules."),
    ("Objectifs", False, "Recruter, S'informer…, de la liste, séparés par des virgules."),
    ("Opération", False, HINTS["campaign"]),
    ("Prérequis", False, "Ce qu'il faut avoir : Permis B, Travailler le week-end…"),
    ("Déroulement", False, "L'heure puis l'étape, séparées par des points-virgules : 9h Accueil ; 9h30-12h Entretiens."),
    ("Intervenants", False, "Les organisations présentes, séparées par des points-virgules."),
    ("Statut", False, "Vide si l'événement a lieu ; sinon annulé, reporté ou complet."),
    ("Résumé", False, HINTS["summary"]),
    ("Description", False, "Le texte complet."),
    ("Identifiant", False, "Laissez vide, ou une référence qui ne change pas (tls-001) pour pouvoir corriger une ligne."),
)
CHOICES: dict[str, Vocabulary] = {"Type": EVENT_TYPES, "Modalité": MODES, "Statut": STATUSES}  # one value each
LISTS: dict[str, Vocabulary] = CHOICES | {"Public": AUDIENCES, "Avantages": BENEFITS, "Objectifs": OBJECTIVES}
_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
FIXED = datetime(2026, 1, 1)  # inside the file: a template has no creation date to tell


def spreadsheet_template() -> bytes:
    book = Workbook()
    events = book.active
    events.title = "Événements"
    _instructions(book.create_sheet("Consignes"))
    lists = book.create_sheet("Listes")
    names = [name for name, _, _ in COLUMNS]
    events.append(names)
    for index, (name, required, _) in enumerate(COLUMNS, start=1):
        cell = events.cell(1, index)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="000091" if required else "3A3A68")
        events.column_dimensions[get_column_letter(index)].width = max(14, len(name) + 4)
    events.freeze_panes = "A2"
    for index, (name, vocabulary) in enumerate(LISTS.items(), start=1):
        labels = [term.label for term in vocabulary]
        lists.cell(1, index, name).font = Font(bold=True)
        for row, label in enumerate(labels, start=2):
            lists.cell(row, index, label)
        if name in CHOICES:
            letter, column = get_column_letter(index), get_column_letter(names.index(name) + 1)
            check = DataValidation(type="list", formula1=f"=Listes!${letter}$2:${letter}${len(labels) + 1}",
                                   allow_blank=True, showErrorMessage=True, errorTitle=name,
                                   error=f"Choisissez une valeur de la liste « {name} ».")
            check.add(f"{column}2:{column}{ROWS + 1}")
            events.add_data_validation(check)
    book.properties.creator = "agenda-emploi"
    book.properties.created = book.properties.modified = FIXED
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable(buffer.getvalue())


def _instructions(sheet) -> None:
    sheet.append(["Colonne", "Obligatoire", "Ce qu'il faut écrire", "Valeurs possibles"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for name, required, help_text in COLUMNS:
        values = ", ".join(term.label for term in LISTS[name]) if name in LISTS else ""
        sheet.append([name, "oui" if required else "non", help_text, values])
    for letter, width in zip("ABCD", (26, 12, 70, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _stable(data: bytes) -> bytes:
    """The archive again with a fixed date on every member and as the modification date that openpyxl sets
    when it saves, so equal templates are equal bytes."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            stamped = zipfile.ZipInfo(member.filename, date_time=FIXED.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            body = source.read(member)
            if member.filename == "docProps/core.xml":
                body = _MODIFIED.sub(rf"\g<1>{FIXED:%Y-%m-%dT%H:%M:%SZ}\g<2>", body.decode("utf-8")).encode("utf-8")
            target.writestr(stamped, body)
    return output.getvalue()
