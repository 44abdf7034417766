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
from .families import nouns

SCALE = 1000  # coordinates in thousandths of a degree
RADII = (5, 10, 20, 30, 50, 100)  # km, the choices the page offers
DEFAULT_RADIUS = 30
EARTH_KM = 6371.0
NEAREST = 5  # events offered when nothing lies within the radius
FOLDER = "lieux"  # under the search index
SHARD_BYTES = 24_000  # a name shard over this splits on a longer prefix
TOWN = 10_000  # inhabitants from which a name in the words is read as a place (``noms.json``): ``salon en ligne``
# stays words although Ligné is a commune, ``atelier cv colomiers`` is words and a place
NAME_WORDS = 5  # the longest place name read in the words: "provence alpes cote d azur"

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
def place_files(geo: Geography) -> dict[str, object]:
    """The files of ``lieux/`` by name under the index (``lieux/index.json``: the name shards' prefixes); they
    depend on the geography only."""
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
    departments = [[department.code, department.name, *_centre(geo, lambda c, d=department: c.department == d)]
                   for department in sorted(geo.departments.values(), key=lambda d: d.code)
                   if any(c.department == department and c.position for c in geo.communes.values())]
    shards = _split(names)
    regions = [[region.code, region.name, *_centre(geo, lambda c, r=region: c.region == r)]
               for region in geo.served_regions]  # every served region has communes with a centre
    files = {"index.json": sorted(shards), "departements.json": departments, "regions.json": regions,
             "noms.json": place_names(geo), **{f"n-{shard}.json": found for shard, found in shards.items()},
             **{f"c-{start}.json": found for start, found in codes.items()}}
    return {f"{FOLDER}/{name}": data for name, data in files.items()}


def _centre(geo: Geography, within) -> list[int]:
    """The mean of the centres of the communes ``within`` holds: where "near" a department or region is measured."""
    points = [c.position for c in geo.communes.values() if within(c) and c.position]
    return point((sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)))


def place_names(geo: Geography) -> dict[str, list]:
    """The names read as places in a query's words (``noms.json``): key -> [kind, code, anywhere]; the regions, the
    departments, and the towns of ``TOWN`` inhabitants or more, the most populated of a shared name (a town wins
    over a department of its name: Paris). ``anywhere``: 0 for a one-word name that is also a noun of the Lefff
    (Orange, Plaisir, Nord), read as a place at the end of the query only."""
    found: dict[str, list] = {}
    for region in geo.served_regions:
        found[place_key(region.name)] = ["region", region.code]
    for department in geo.served_departments:
        found[place_key(department.name)] = ["departement", department.code]
    towns = sorted((c for c in geo.communes.values() if c.population >= TOWN and c.position
                    and c.code not in geo.arrondissements), key=lambda c: (c.population, c.code))
    for commune in towns:  # the most populated last, so it wins
        found[place_key(commune.name)] = ["commune", commune.code]
    common = nouns()
    return {key: [kind, code, int(" " in key or key not in common)]
            for key, (kind, code) in sorted(found.items())}


def resolve(text: str, load, shards: list[str]) -> dict | None:
    """The place ``text`` names, read as the page reads it: a department number (``87``, ``2A``, ``974``), an INSEE
    code or a postcode (``87114``, ``87350``), ``87350 Panazol``, ``Panazol (87)``, a region's or department's name
    (``Occitanie``) or a commune's (``st junien``);
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
    entry = None if match else (load("noms.json") or {}).get(key)
    if entry and entry[0] != "commune":  # a region or a department by its name: "Occitanie", "Haute-Vienne"
        return _named(entry, load, shards)
    shard = shard_of(key, shards)
    found = next((e for e in (load(f"n-{shard}.json") if shard else None) or [] if place_key(e[0]) == key
                  and (not postcode or postcode in e[3].split()) and (not department or e[2].lower() == department.lower())),
                 None)
    return _commune(found)


def _commune(entry: list | None) -> dict | None:
    if entry is None:
        return None
    return {"kind": "commune", "code": entry[1], "label": f"{entry[0]} ({entry[2]})", "point": entry[4:6]}


def _named(entry: list, load, shards: list[str]) -> dict | None:
    """The place a ``noms.json`` entry names."""
    kind, code, _ = entry
    if kind == "region":
        found = next((r for r in load("regions.json") or [] if r[0] == code), None)
        return {"kind": "region", "code": code, "label": found[1], "point": found[2:4]} if found else None
    return resolve(code, load, shards)


def split_place(query: str, load, shards: list[str]) -> tuple[str, dict | None]:
    """A text query that is a place or holds one is words plus place: ``87``, ``Panazol``, ``job dating 87000``,
    ``atelier cv colomiers``, ``cuisinier saison hiver 74``, ``usine quimper recrutement`` -> ("", Haute-Vienne),
    ("", Panazol), (``job dating``, Limoges), (``atelier cv``, Colomiers), (``cuisinier saison hiver``,
    Haute-Savoie), (``usine recrutement``, Quimper). In the words, a place is a postcode anywhere, the name of a
    region, a department or a town (``noms.json``) anywhere (the last one; a name that is also a noun only at the
    end; a town followed by a department number: that department's, ``saint denis 93``), or a department number at
    the end; any commune can be chosen in the place field."""
    tokens = query.split()
    whole = " ".join(tokens)
    if whole and (_DEPARTMENT.match(whole) or _CODE.match(whole)):
        if place := resolve(whole, load, shards):
            return "", place
    for i, token in enumerate(tokens):
        if re.fullmatch(r"\d{5}", token) and (place := resolve(token, load, shards)):
            return " ".join(tokens[:i] + tokens[i + 1:]) + query[len(query.rstrip()):], place
    names = load("noms.json") or {}
    for end in range(len(tokens), 0, -1):
        for size in range(min(NAME_WORDS, end), 0, -1):
            name = " ".join(tokens[end - size:end])
            entry = names.get(place_key(name))
            if not entry or not (entry[2] or end == len(tokens)):
                continue
            after = tokens[end] if end < len(tokens) else ""
            if entry[0] == "commune" and _DEPARTMENT.match(after) and (
                    place := resolve(f"{name} ({after})", load, shards)):  # "saint denis 93": the one of the 93
                return _rest(query, tokens, end - size, end + 1), place
            if place := _named(entry, load, shards):
                return _rest(query, tokens, end - size, end), place
    if len(tokens) > 1 and _DEPARTMENT.match(tokens[-1]) and (place := resolve(tokens[-1], load, shards)):
        return _rest(query, tokens, len(tokens) - 1, len(tokens)), place
    return query, None


def _rest(query: str, tokens: list[str], start: int, end: int) -> str:
    """The query's words without ``tokens[start:end]``: complete (a space after them) when the place ended it."""
    words = " ".join(tokens[:start] + tokens[end:])
    tail = " " if end == len(tokens) else query[len(query.rstrip()):]
    return words + tail if words else ""
