"""Build one small DSFR bundle from the pinned npm package: used CSS modules, their icons, subset fonts.

The full DSFR is 730 KB of CSS and eight 58 KB fonts; an event page may weigh 150 KB in all. We keep
the core and the components the templates use, the Marianne regular and bold fonts cut down to the
characters French text needs (about 12 KB each), and the icons the kept CSS points to.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

UNICODES = ("U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+02BC,U+2013-2014,U+2018-201E,U+2022,U+2026,"
            "U+202F,U+2039-203A,U+20AC")
_FONT_FACE = re.compile(r"@font-face\{[^}]*\}")
_ICON = re.compile(r"url\(\.\./\.\./icons/([\w/\-]+\.svg)\)")
_DATA_SVG = re.compile(r"""url\((["'])data:image/svg\+xml;charset=utf-?8,(.+?)\1\)""")


def dsfr_version(dist: Path) -> str:
    return json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))["version"]


def stylesheet(dist: Path, components: list[str], fonts: list[str]) -> tuple[str, set[str]]:
    """The concatenated CSS, and the icon files it needs (paths under dist/icons)."""
    # core, then scheme (the dark theme's colour tokens: without them the dark theme keeps white pages and
    # paints the white motto on them)
    parts = [(dist / folder / f"{folder}.min.css").read_text(encoding="utf-8") for folder in ("core", "scheme")]
    parts += [(dist / "component" / name / f"{name}.min.css").read_text(encoding="utf-8") for name in components]
    css = "\n".join(parts)
    kept = {f"Marianne-{name}.woff2" for name in fonts}

    def font_face(match: re.Match) -> str:
        block = match.group(0)
        woff2 = re.search(r"url\(\.\./fonts/([\w-]+\.woff2)\)", block)
        if not woff2 or woff2.group(1) not in kept:
            return ""
        return re.sub(r',url\(\.\./fonts/[\w-]+\.woff\) format\("woff"\)', "", block).replace("../fonts/", "fonts/")

    css = _FONT_FACE.sub(font_face, css)
    icons = set(_ICON.findall(css))
    return _ICON.sub(lambda m: f"url(icons/{m.group(1)})", css), icons


def inline_images(css: str, folder: Path) -> str:
    """``data:`` SVGs (the Marianne logo) become files: the site's CSP allows images from itself only."""

    def to_file(match: re.Match) -> str:
        svg = unquote(match.group(2))
        name = f"inline-{hashlib.sha256(svg.encode()).hexdigest()[:12]}.svg"
        (folder / name).write_text(svg, encoding="utf-8")
        return f"url(icons/{name})"

    folder.mkdir(parents=True, exist_ok=True)
    return _DATA_SVG.sub(to_file, css)


def subset_font(source: Path, target: Path) -> None:
    from fontTools import subset  # only needed when the cache is cold

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga"]
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(target), options)


def write_bundle(dist: Path, target: Path, cache: Path, components: list[str], fonts: list[str]) -> None:
    css, icons = stylesheet(dist, components, fonts)
    target.mkdir(parents=True, exist_ok=True)
    (target / "dsfr.css").write_text(inline_images(css, target / "icons"), encoding="utf-8")
    for icon in icons:
        (target / "icons" / icon).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dist / "icons" / icon, target / "icons" / icon)
    for name in fonts:
        cached = cache / dsfr_version(dist) / f"Marianne-{name}.woff2"
        if not cached.exists():
            subset_font(dist / "fonts" / f"Marianne-{name}.woff2", cached)
        (target / "fonts").mkdir(exist_ok=True)
        shutil.copyfile(cached, target / "fonts" / cached.name)
    for script in ("core/core.module.min.js", "scheme/scheme.module.min.js"):
        shutil.copyfile(dist / script, target / Path(script).name)
    shutil.copyfile(dist / "favicon" / "favicon.svg", target / "favicon.svg")
