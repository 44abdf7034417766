"""RSS 2.0 and Atom feeds of events or services, written with feedgen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator

from catalogue.model import Event, Service
from catalogue.revisions import Revision

from .text import categories


@dataclass(frozen=True)
class Item:
    title: str
    summary: str
    categories: tuple[tuple[str, str], ...]  # (term, label)
    revision: Revision
    page_url: str

    @classmethod
    def of_event(cls, event: Event, revision: Revision, page_url: str, description: str) -> Item:
        title = f"{event.title} ({event.status_term.label.lower()})" if event.status != "scheduled" else event.title
        return cls(title, description, tuple(categories(event)), revision, page_url)

    @classmethod
    def of_service(cls, service: Service, revision: Revision, page_url: str) -> Item:
        free = "gratuit" if service.free else "payant"
        summary = f"{service.summary}\n\nProposé par {service.provider} ({free}) : {service.url}"
        return cls(service.title, summary, ((service.category, service.category),), revision, page_url)


@dataclass(frozen=True)
class Channel:
    title: str
    description: str
    page_url: str
    rss_url: str
    atom_url: str


def feeds(channel: Channel, items: list[Item], fallback_updated: datetime) -> tuple[bytes, bytes]:
    """(RSS, Atom), items in the given order. The feed's date is its newest item's: an unchanged feed is
    byte-identical from one build to the next."""
    generator = FeedGenerator()
    generator.id(channel.page_url)
    generator.title(channel.title)
    generator.subtitle(channel.description)
    generator.description(channel.description)
    generator.link([{"href": channel.page_url, "rel": "alternate"}, {"href": channel.rss_url, "rel": "self"}])
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
        entry.summary(item.summary)
        entry.updated(item.revision.updated)
        entry.published(item.revision.updated)
        for term, label in item.categories:
            entry.category(term=term, label=label)
    rss = generator.rss_str(pretty=True)
    generator.link([{"href": channel.page_url, "rel": "alternate"}, {"href": channel.atom_url, "rel": "self"}],
                   replace=True)
    return rss, generator.atom_str(pretty=True)
