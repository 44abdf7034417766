"""A default picture per event type (1200×630 PNG) for JSON-LD ``image`` and ``og:image``, self-hosted.

Search engines and link previews want a raster picture; agency events rarely come with one. Each
type gets the same card: the type's label and the site's name in Marianne (the DSFR's font, read from
the pinned npm package) on the State's blue. Pillow writes the same bytes for the same text.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
MARGIN = 80
BLUE_FRANCE, WHITE = "#000091", "#ffffff"
FONT = Path(__file__).resolve().parents[2] / "node_modules/@gouvfr/dsfr/dist/fonts/Marianne-Bold.woff2"


@cache
def _font_bytes() -> bytes:
    """Marianne Bold as TrueType: Pillow reads TTF, the package ships WOFF2 (fontTools converts it)."""
    font = TTFont(str(FONT))
    font.flavor = None
    data = io.BytesIO()
    font.save(data)
    return data.getvalue()


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(_font_bytes()), size)


def _lines(label: str, draw: ImageDraw.ImageDraw) -> tuple[str, ImageFont.FreeTypeFont]:
    """The label on one line at the largest size that fits, else on two lines."""
    width = SIZE[0] - 2 * MARGIN
    for size in range(110, 70, -8):
        if draw.textlength(label, font=_font(size)) <= width:
            return label, _font(size)
    words = label.split()
    middle = min(range(1, len(words)), default=1,
                 key=lambda n: abs(len(" ".join(words[:n])) - len(" ".join(words[n:]))))
    return f"{' '.join(words[:middle])}\n{' '.join(words[middle:])}", _font(96)


def type_picture(label: str, site_name: str) -> bytes:
    image = Image.new("RGB", SIZE, BLUE_FRANCE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((MARGIN, 120, MARGIN + 120, 132), fill=WHITE)
    text, font = _lines(label, draw)
    draw.multiline_text((MARGIN, 170), text, font=font, fill=WHITE, spacing=24)
    draw.text((MARGIN, 500), site_name, font=_font(48), fill=WHITE)
    data = io.BytesIO()
    image.save(data, "PNG", optimize=True)
    return data.getvalue()
