"""Find the commune in a free-text place ("Agence de Rennes, 25 rue X, 35000 RENNES CEDEX") from a source.

A postal line (postcode and name) is read against the postcode base, its postcode kept. Without one,
a part that names a commune is taken when it is written exactly (accents included), or when the
commune is in the source's region, or has 10,000 inhabitants or more: ``PLACE`` is not Placé (Mayenne),
``ORLEANS`` is Orléans. A foreign address (a country named, or a postcode that no French commune of that
name has) is refused, the address quoted, never read as French.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalogue.countries import foreign_country
from catalogue.geography import AmbiguousCommune, Commune, CommuneError, Geography, Region

_POSTCODE_NAME = re.compile(r"\b(\d{5})\s+([^\d,;\n]+)")
TOWN = 10_000  # inhabitants: a name written without its accents is still taken for a town this size


@dataclass(frozen=True)
class Place:
    commune: Commune | None = None
    postcode: str = ""  # as the source wrote it, when it is one of the commune's
    problem: str = ""  # why the place is refused (a foreign or unknown postal address), in French

    @property
    def field(self) -> str:
        """The ``Commune`` value an importer writes."""
        if self.commune is None:
            return ""
        return f"{self.postcode or self.commune.postcode} {self.commune.name}"


def find_place(text: str, geo: Geography, region: Region | None = None) -> Place:
    """The commune named in ``text``: postal lines first, then each comma-separated part."""
    quoted = f"« {' '.join(text.split())[:80]} »"
    country = foreign_country(text)
    if country:
        return Place(problem=f"adresse à l'étranger ({country}) : {quoted}")
    postal = _POSTCODE_NAME.findall(text)
    for postcode, name in postal:
        commune = geo.postal(postcode, name.strip())
        if commune is not None:
            return Place(commune, postcode if postcode in commune.postcodes else "")
    if postal:
        return Place(problem=f"code postal et commune qui ne correspondent à aucune commune française : {quoted}")
    parts = [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]
    for part in [text.strip(), *reversed(parts)]:
        try:
            commune = _named(part, geo, region)
        except AmbiguousCommune as error:
            return Place(problem=str(error))
        if commune is not None:
            return Place(commune)
    return Place()


def _named(part: str, geo: Geography, region: Region | None) -> Commune | None:
    try:
        commune = geo.resolve(part, region=region)
    except AmbiguousCommune:
        raise
    except CommuneError:
        return None
    exact = part.casefold().replace("-", " ") == commune.name.casefold().replace("-", " ") or part.upper() == commune.code
    return commune if exact or commune.region == region or commune.population >= TOWN else None
