"""Text helpers shared by the model, the validation and the outputs."""

from __future__ import annotations

import re
import unicodedata
from html import unescape

import markdown
import nh3
from markdownify import markdownify
from slugify import slugify as _slugify

from catalogue.french import spaces_in_html

_SPACES = re.compile(r"[\s_\-'’]+")

# Tags and attributes an agency description may use once rendered to HTML.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr",
    "i", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}
# Blocks whose content is not text (word-processor <style>, scripts, SVG, MathML): dropped when complete.
_OPAQUE = r"script|style|template|noscript|xmp|title|textarea|svg|math|iframe|noembed|noframes|object"
_OPAQUE_BLOCKS = re.compile(rf"<({_OPAQUE})\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# Ordinary layout tags that are removed quietly, their text kept (<div>, <span> from HTML editors).
_QUIET_TAGS = {
    "address", "article", "aside", "big", "caption", "center", "cite", "col", "colgroup", "data", "dd", "del",
    "dfn", "div", "dl", "dt", "figcaption", "figure", "font", "footer", "h1", "h5", "h6", "header", "img", "ins",
    "kbd", "label", "main", "mark", "nav", "picture", "q", "s", "samp", "section", "small", "span", "strike",
    "sub", "sup", "tfoot", "time", "tt", "u", "var", "wbr", "o:p",
}
_TAG = re.compile(r"<(/?\s*)([a-zA-Z][\w:-]*)")
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan"}, "th": {"colspan", "scope"}}


def fold(text: str) -> str:
    """Lower-case, strip accents, and turn spaces, hyphens and apostrophes into one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip()


def slugify(text: str) -> str:
    """URL-safe slug: ``Provence-Alpes-Côte d'Azur`` and ``d’Azur`` -> ``provence-alpes-cote-d-azur``."""
    return _slugify(text, lowercase=True, max_length=120, word_boundary=True, replacements=[["’", "'"]])


def sanitize_html(html: str) -> str:
    """Keep only the allowlisted tags, attributes and URL schemes: no script, handler, style or iframe.

    nh3 is the guard. Before it, complete blocks whose content is not text (``<style>…</style>``
    pasted from a word processor, scripts, SVG, MathML) are dropped, and any other tag that is neither
    allowed nor an ordinary layout tag is escaped, so it shows as text and cannot swallow the rest of
    the description (an unclosed ``<style>``, ``<svg><animate …>``, ``<math><mtext>``).
    """
    html = _TAG.sub(_escape_unknown, _OPAQUE_BLOCKS.sub("", html))
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=set(),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return _DEAD_LINK.sub(r"\1", clean)  # a link whose address was refused is left as its text


# nh3 drops a refused href (javascript:…) but keeps rel, which HTML allows only on a link with an address
_DEAD_LINK = re.compile(r'<a rel="noopener noreferrer">(.*?)</a>', re.DOTALL)


def _escape_unknown(match: re.Match) -> str:
    name = match.group(2).lower()
    return match.group(0) if name in ALLOWED_TAGS or name in _QUIET_TAGS else "&lt;" + match.group(0)[1:]


_MARKDOWN = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


def render_markdown(source: str) -> str:
    """Render agency Markdown to HTML; raw HTML inside it goes through the same allowlist; French spaces
    (``catalogue.french.spaces``) in its text.

    One Markdown converter is reused (reset between documents): building one costs more than converting.
    """
    return spaces_in_html(sanitize_html(_MARKDOWN.reset().convert(source)))


def html_to_text(html: str) -> str:
    """Clean HTML as one line of plain text (feeds, calendars)."""
    return unescape(" ".join(nh3.clean(html, tags=set()).split()))


def html_to_markdown(html: str) -> str:
    """Untrusted HTML (APIs, partner pages) to clean Markdown: sanitised first, then converted."""
    text = markdownify(sanitize_html(html), heading_style="ATX", bullets="-", escape_underscores=False)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
