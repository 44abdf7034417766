"""Every internal link in the built pages, and every site URL in the feeds, must lead to a file."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import agenda_core
from pelican import signals

logger = logging.getLogger(__name__)
_ATTRIBUTE = re.compile(r'\b(?:href|src)="([^"]*)"')
_FEED_URL = re.compile(r"(?:<link>|<guid[^>]*>|<id>|href=\")([^<\"]+)")
_CALENDAR_URL = re.compile(r"^URL:(.+)$", re.MULTILINE)


def _target(url: str, public: str, page: str = "") -> str | None:
    """The output path a URL of ``page`` points to (a relative one from the page's folder), or None when it is
    not ours to check."""
    if url.startswith("webcal://"):
        url = "http://" + url.removeprefix("webcal://")
    if public and url.startswith(public):
        url = "/" + url[len(public):]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or url.startswith("#"):
        return None
    path = unquote(urljoin(f"/{page}", parts.path)).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def broken_links(output: Path, public_url: str = "") -> list[str]:
    """``page: link`` for every internal link, feed item or calendar URL with no file behind it."""
    output = Path(output)
    files = {str(Path(root, name).relative_to(output)) for root, _, names in os.walk(output, followlinks=True)
             for name in names}
    public = public_url.rstrip("/") + "/" if public_url else ""
    broken = []
    for name in sorted(files):
        if name.endswith(".html"):
            urls = _ATTRIBUTE.findall((output / name).read_text(encoding="utf-8", errors="replace"))
        elif name.endswith((".rss", ".atom")):
            urls = _FEED_URL.findall((output / name).read_text(encoding="utf-8", errors="replace"))
        elif name.endswith(".ics"):
            unfolded = (output / name).read_text(encoding="utf-8", errors="replace").replace("\n ", "")
            urls = _CALENDAR_URL.findall(unfolded)
        else:
            continue
        for url in urls:
            target = _target(url.strip().replace("&amp;", "&"), public, name)
            if target is not None and target not in files and f"{target}/index.html" not in files:
                broken.append(f"{name}: {url}")
    return broken


def check_output(pelican) -> None:
    for link in broken_links(Path(pelican.output_path), pelican.settings.get("SITE_PUBLIC_URL", "")):
        logger.warning("lien cassé : %s", link)


def register() -> None:
    agenda_core.connect()
    signals.finalized.connect(check_output)
