"""Text helpers shared by the model, the validation and the outputs."""

from __future__ import annotations

import re
import unicodedata

import markdown
import nh3
from markdownify import markdownify
from slugify import slugify as _slugify

_SPACES = re.compile(r"[\s_\-'’]+")

# Tags and attributes an agency description may use once rendered to HTML.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr",
    "i", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan"}, "th": {"colspan", "scope"}}


def fold(text: str) -> str:
    """Lower-case, strip accents, and turn spaces, hyphens and apostrophes into one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip()


def slugify(text: str) -> str:
    """URL-safe slug: ``Provence-Alpes-Côte d'Azur`` -> ``provence-alpes-cote-d-azur``."""
    return _slugify(text, lowercase=True, max_length=120, word_boundary=True)


def sanitize_html(html: str) -> str:
    """Keep only the allowlisted tags, attributes and URL schemes: no script, handler, style or iframe."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def render_markdown(source: str) -> str:
    """Render agency Markdown to HTML; raw HTML inside it goes through the same allowlist."""
    return sanitize_html(markdown.markdown(source, extensions=["extra", "sane_lists"], output_format="html"))


def html_to_markdown(html: str) -> str:
    """Untrusted HTML (APIs, partner pages) to clean Markdown: sanitised first, then converted."""
    text = markdownify(sanitize_html(html), heading_style="ATX", bullets="-", escape_underscores=False)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
