"""Places for the search "près de chez moi": every commune of the official geography with its centre, in small
files the browser reads only when a place is typed (``lieux/n-<two letters>.json`` by the start of the name,
``lieux/c-<two characters>.json`` by the start of the postcode or the INSEE code), the departments with their
centre, and the rules both engines share to read what a job seeker typed and to measure distances.

A commune entry is ``[name, INSEE code, department, "postcode postcode…", latitude, longitude]``, coordinates
in thousandths of a degree (about 100 m), the most populated communes first, so the first match of a name is the
one most people mean.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from functools import cache

from catalogue.geography import Geography

from .analysis import fold

SCALE = 1000  # coordinates in thousandths of a degree
RADII = (5, 10, 20, 30, 50, 100)  # km, the choices the page offers
DEFAULT_RADIUS = 30
EARTH_KM = 6371.0
NEAREST = 5  # events offered when nothing lies within the radius
FOLDER = "lieux"  # under the search index
SHARD_BYTES = 24_000  # a name shard over this splits on a longer prefix
TOWN = 10_000  # inhabitants from which a name in the words is read as a place (``villes.json``): ``salon en ligne``
# stays words although Ligné is a commune, ``atelier cv colomiers`` is words and a place

_DEPARTMENT = re.compile(r"^(\d{2}|2[ab]|97\d)$", re.IGNORECASE)
_CODE = re.compile(r"^(\d{5}|2[ab]\d{3})$", re.IGNORECASE)
_WITH_CODE = re.compile(r"^(?:(?P<postcode>\d{5})\s+(?P<name>.+)|(?P<named>.+?)\s*\((?P<department>\d{2}|2[ab]|97\d)\))$",
                        re.IGNORECASE)


def place_key(text: str) -> str:
    """What a name is compared by: no case, accents, hyphens or apostrophes, ``st``/``ste`` as ``saint``/``sainte``
    (``St-Junien``, ``saint junien`` and ``Saint-Junien`` are one key)."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(text)).split()
    return " ".join({"st": "saint", "ste": "sainte"}.get(word, word) for word in words)


def shard_of(key: str, shards: list[str]) -> str:
    """The name shard holding ``key``: the longest listed prefix it starts with, a space written ``_``."""
    written = key.replace(" ", "_") + "_"
    return max((shard for shard in shards if written.startswith(shard)), key=len, default="")


def _split(entries: list[list], depth: int = 2) -> dict[str, list[list]]:
    """Name shards by the first ``depth`` characters of the key, split further while one is over SHARD_BYTES
    (``saint`` names alone are 250 KB)."""
    groups: dict[str, list[list]] = defaultdict(list)
    for entry in entries:
        groups[(place_key(entry[0]).replace(" ", "_") + "_")[:depth]].append(entry)
    shards = {}
    for prefix, group in groups.items():
        if depth < 16 and len(json.dumps(group, ensure_ascii=False)) > SHARD_BYTES and len(prefix) == depth:
            shards.update(_split(group, depth + 1))
        else:
            shards[prefix] = group
    return shards


def point(position: tuple[float, float]) -> list[int]:
    return [round(position[0] * SCALE), round(position[1] * SCALE)]


def distance_km(first: list[int], second: list[int]) -> float:
    """Great-circle distance between two points in thousandths of a degree (the browser computes the same)."""
    lat1, lon1, lat2, lon2 = (math.radians(value / SCALE) for value in (*first, *second))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


@cache
def place_files(geo: Geography) -> tuple[list[str], dict[str, object]]:
    """The name shards' prefixes (for the manifest) and the files of ``lieux/``, by name."""
    names: list[list] = []
    codes: dict[str, list] = defaultdict(list)
    for commune in sorted(geo.communes.values(), key=lambda c: (-c.population, c.code)):
        if commune.position is None:  # no centre known: it cannot be measured from
            continue
        entry = [commune.name, commune.code, commune.department.code, " ".join(commune.postcodes),
                 *point(commune.position)]
        names.append(entry)
        for start in sorted({commune.code[:2].lower(), *(postcode[:2] for postcode in commune.postcodes)}):
            codes[start].append(entry)
    departments = []
    for department in sorted(geo.departments.values(), key=lambda d: d.code):
        points = [c.position for c in geo.communes.values() if c.department == department and c.position]
        if points:  # the mean of its communes' centres: where "near the department" is measured from
            centre = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
            departments.append([department.code, department.name, *point(centre)])
    towns: dict[str, str] = {}
    for commune in sorted(geo.communes.values(), key=lambda c: (-c.population, c.code)):
        if commune.population >= TOWN and commune.position and commune.code not in geo.arrondissements:
            towns.setdefault(place_key(commune.name), commune.code)  # a shared name: the most populated
    shards = _split(names)
    return sorted(shards), {"departements.json": departments, "villes.json": towns,
                            **{f"n-{shard}.json": found for shard, found in shards.items()},
                            **{f"c-{start}.json": found for start, found in codes.items()}}


def resolve(text: str, load, shards: list[str]) -> dict | None:
    """The place ``text`` names, read as the page reads it: a department number (``87``, ``2A``, ``974``), an INSEE
    code or a postcode (``87114``, ``87350``), ``87350 Panazol``, ``Panazol (87)`` or a name (``st junien``);
    ``load(name)`` reads a file of ``lieux/``, ``shards`` lists the name shards.
    Returns ``{"kind", "code", "label", "point"}`` or None."""
    value = " ".join(text.split())
    if _DEPARTMENT.match(value):
        found = next((d for d in load("departements.json") or [] if d[0].lower() == value.lower()), None)
        return {"kind": "departement", "code": found[0], "label": f"{found[1]} ({found[0]})", "point": found[2:4]} \
            if found else None
    if _CODE.match(value):
        entries = load(f"c-{value[:2].lower()}.json") or []
        found = next((e for e in entries if e[1].lower() == value.lower()), None) \
            or next((e for e in entries if value in e[3].split()), None)
        return _commune(found)
    match = _WITH_CODE.match(value)
    postcode, department = (match.group("postcode"), match.group("department")) if match else (None, None)
    key = place_key(match.group("name") or match.group("named")) if match else place_key(value)
    if not key:
        return None
    shard = shard_of(key, shards)
    found = next((e for e in (load(f"n-{shard}.json") if shard else None) or [] if place_key(e[0]) == key
                  and (not postcode or postcode in e[3].split()) and (not department or e[2].lower() == department.lower())),
                 None)
    return _commune(found)


def _commune(entry: list | None) -> dict | None:
    if entry is None:
        return None
    return {"kind": "commune", "code": entry[1], "label": f"{entry[0]} ({entry[2]})", "point": entry[4:6]}


def split_place(query: str, load, shards: list[str]) -> tuple[str, dict | None]:
    """A text query that is a place, ends with one or holds a postcode is words plus place: ``87``, ``Panazol``,
    ``job dating 87000`` and ``atelier cv colomiers`` -> ("", Haute-Vienne), ("", Panazol), (``job dating``,
    Limoges), (``atelier cv``, Colomiers). A name is read as a place only for a town (``villes.json``); any
    commune can be chosen in the place field."""
    tokens = query.split()
    whole = " ".join(tokens)
    if whole and (_DEPARTMENT.match(whole) or _CODE.match(whole)):
        if place := resolve(whole, load, shards):
            return "", place
    for i, token in enumerate(tokens):
        if re.fullmatch(r"\d{5}", token) and (place := resolve(token, load, shards)):
            return " ".join(tokens[:i] + tokens[i + 1:]) + query[len(query.rstrip()):], place
    if not tokens:
        return query, None
    towns = load("villes.json") or {}
    for size in (3, 2, 1):
        if len(tokens) >= size and (code := towns.get(place_key(" ".join(tokens[-size:])))):
            words = " ".join(tokens[:-size])
            return words + " " if words else "", resolve(code, load, shards)  # the words before are complete
    return query, None
