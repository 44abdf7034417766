"""RSS 2.0 and Atom feeds of events or services, written with feedgen.

Atom feeds name their author (RFC 4287 §4.1.1) and their self link's type; RSS's channel ``<link>`` is
the scope's HTML page; item descriptions are HTML (escaped in the XML) with the plain text's line
breaks and links, which feed readers show as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from html import escape

from feedgen.feed import FeedGenerator

from catalogue.model import Event, Service
from catalogue.revisions import Revision

from .text import categories


@dataclass(frozen=True)
class Item:
    title: str
    summary: str  # HTML
    categories: tuple[tuple[str, str], ...]  # (term, label)
    revision: Revision
    page_url: str

    @classmethod
    def of_event(cls, event: Event, revision: Revision, page_url: str, description: str) -> Item:
        title = f"{event.title} ({event.status_term.label.lower()})" if event.status != "scheduled" else event.title
        return cls(title, html_description(description), tuple(categories(event)), revision, page_url)

    @classmethod
    def of_service(cls, service: Service, revision: Revision, page_url: str) -> Item:
        free = "gratuit" if service.free else "payant"
        summary = f"{service.summary}\n\nProposé par {service.provider} ({free}) : {service.url}"
        return cls(service.title, html_description(summary), ((service.category, service.category),), revision,
                   page_url)


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    page_url: str
    rss_url: str
    atom_url: str
    author: str  # the site's name: the publisher of every entry
    home_url: str


_LINK = re.compile(r"https?://[^\s<>\"]+")


def html_description(text: str) -> str:
    """Plain text as HTML: escaped, a paragraph per blank-line block, line breaks kept, addresses linked."""
    def paragraph(block: str) -> str:
        lines = [_LINK.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escape(line, quote=False))
                 for line in block.split("\n")]
        return f"<p>{'<br>'.join(lines)}</p>"

    return "".join(paragraph(block) for block in re.split(r"\n\s*\n", text.strip()) if block.strip())


def feeds(channel: Channel, items: list[Item], fallback_updated: datetime) -> tuple[bytes, bytes]:
    """(RSS, Atom), items in the given order. The feed's date is its newest item's: an unchanged feed is
    byte-identical from one build to the next."""
    generator = FeedGenerator()
    generator.id(channel.page_url)
    generator.title(channel.title)
    generator.subtitle(channel.description)
    generator.description(channel.description)
    generator.author({"name": channel.author, "uri": channel.home_url})
    # feedgen takes RSS's channel <link> from the last link: the HTML page
    generator.link([{"href": channel.rss_url, "rel": "self", "type": "application/rss+xml"},
                    {"href": channel.page_url, "rel": "alternate", "type": "text/html"}])
    generator.language("fr")
    generator.generator("agenda-emploi")
    updated = max((item.revision.updated for item in items), default=fallback_updated)
    generator.updated(updated)
    generator.lastBuildDate(updated)
    for item in reversed(items):  # feedgen prepends: keep the nearest event first
        entry = generator.add_entry()
        entry.id(item.page_url)
        entry.guid(item.page_url, permalink=True)
        entry.title(item.title)
        entry.link(href=item.page_url)
        entry.summary(item.summary, type="html")
        entry.updated(item.revision.updated)
        entry.published(item.revision.updated)
        for term, label in item.categories:
            entry.category(term=term, label=label)
    rss = generator.rss_str(pretty=True)
    generator.link([{"href": channel.atom_url, "rel": "self", "type": "application/atom+xml"},
                    {"href": channel.page_url, "rel": "alternate", "type": "text/html"}], replace=True)
    return rss, generator.atom_str(pretty=True)
