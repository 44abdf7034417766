"""French communes, departments and regions from the official COG data (@etalab/decoupage-administratif)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from catalogue.text import fold, slugify
from catalogue.zones import commune_zone

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "node_modules/@etalab/decoupage-administratif/data"

_INSEE = re.compile(r"^(\d[\dAB]\d{3})$", re.IGNORECASE)
_POSTCODE_NAME = re.compile(r"^(?P<postcode>\d{5})?\s*(?P<name>.*?)$")


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


class Geography:
    """Resolves what an agency writes (INSEE code, ``31000 Toulouse``, ``Toulouse``) to a commune."""

    def __init__(self, data_dir: Path = DEFAULT_DATA_DIR):
        data_dir = Path(data_dir)
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
        for row in _read(data_dir / "communes.json"):
            if row.get("type") not in {"commune-actuelle", "arrondissement-municipal"}:
                continue
            department = self.departments.get(row.get("departement", ""))
            if department is None:
                continue
            commune = Commune(row["code"], row["nom"], tuple(row.get("codesPostaux", ())), department)
            self.communes[commune.code] = commune
            self._by_name.setdefault(_name_key(commune.name), []).append(commune)
            for postcode in commune.postcodes:
                self._by_postcode.setdefault(postcode, []).append(commune)

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
        raise CommuneError(f"« {value} » désigne plusieurs communes ({listed}) : précisez le code postal")

    def region(self, text: str) -> Region | None:
        """A region by its code (``76``) or its name (``Occitanie``, ``la reunion``)."""
        wanted = fold(text)
        return self.regions.get(text.strip()) or next(
            (r for r in self.regions.values() if fold(r.name) == wanted or r.slug == text.strip()), None)


def _name_key(name: str) -> str:
    """Compare names without case, accents, hyphens, and with ``St``/``Ste`` spelled out."""
    words = ["saint" if w == "st" else "sainte" if w == "ste" else w for w in fold(name).split()]
    return " ".join(words)


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def geography(data_dir: Path | str = DEFAULT_DATA_DIR) -> Geography:
    """The geography loaded once per process and data folder (``geography()`` and
    ``geography(DEFAULT_DATA_DIR)`` are one load)."""
    return _load(Path(data_dir).resolve())


@cache
def _load(data_dir: Path) -> Geography:
    return Geography(data_dir)
