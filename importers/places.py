"""Find the commune in a free-text place ("Agence de Rennes, 25 rue X, 35000 Rennes") from a source."""

from __future__ import annotations

import re

from catalogue.geography import Commune, CommuneError, Geography, Region

_POSTCODE_NAME = re.compile(r"\b(\d{5})\s+([^\d,;()\n]+)")


def find_commune(text: str, geo: Geography, region: Region | None = None) -> Commune | None:
    """The commune named in ``text``: a postcode and name first, then each comma-separated part.

    ``region`` (the source's default region) settles names shared by several regions' communes."""
    if not text.strip():
        return None
    candidates = [f"{code} {name.strip()}" for code, name in _POSTCODE_NAME.findall(text)]
    parts = [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]
    candidates += [text.strip(), *reversed(parts)]
    for candidate in candidates:
        try:
            return geo.resolve(candidate, region=region)
        except CommuneError:
            continue
    return None


def commune_field(commune: Commune | None) -> str:
    """The ``Commune`` value an importer writes for a resolved commune."""
    return f"{commune.postcode} {commune.name}" if commune else ""
