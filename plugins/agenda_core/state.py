"""One site state per build, built once from what Pelican read and stored under ``context["agenda"]``.

Every generator asks ``site_state(self)`` in ``generate_context``: Pelican's article and page
generators always run first, so whichever plugin generator comes next builds the state, and the order
of ``PLUGINS`` does not matter. Templates read it as ``agenda``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from pathlib import Path

from catalogue.organisers import organisers
from catalogue.revisions import Revisions
from catalogue.text import slugify

from . import fingerprints
from . import settings as core_settings
from .outputs import Outputs
from .scopes import Scopes, listing_order
from .urls import Urls

KEY = "agenda"
OUTPUTS_RECORD = "outputs.json"  # beside the revisions: the record of the published build's outputs


class ServiceCategory:
    def __init__(self, name: str, services: list, urls: Urls):
        self.name = name
        self.slug = slugify(name)
        self.services = services
        self.url = f"{urls.services}{self.slug}/"


@dataclass
class SiteState:
    now: datetime
    public_url: str  # SITE_PUBLIC_URL without its final slash: feeds, calendars, open data, JSON-LD
    urls: Urls
    settings: dict
    events: list  # articles with an ``event``, after duplicates were dropped, in listing order
    services: list  # pages with a ``service``, by category then title
    service_categories: list[ServiceCategory]
    scopes: Scopes
    revisions: Revisions
    outputs: Outputs  # what the previous build made, and from what: the writers skip what did not change
    build_key: str  # the code, data and settings of this build (fingerprints.build_key)
    feed_links: dict = field(default_factory=dict)  # scope key -> FeedLinks, filled by agenda_feeds
    template_digests: dict = field(default_factory=dict)  # template name -> fingerprints.template_digest

    def absolute(self, url: str) -> str:
        return f"{self.public_url}/{url}"


def site_state(generator) -> SiteState:
    """The build's state, built by the first plugin generator that asks for it."""
    state = generator.context.get(KEY)
    if state is None:
        state = generator.context[KEY] = build(generator.context, generator.settings)
    return state


def build(context: dict, settings: dict) -> SiteState:
    now = core_settings.now(settings)
    urls = Urls.of(settings.get("AGENDA_URLS") or {})
    events = sorted((article for article in context["articles"] if hasattr(article, "event")), key=listing_order)
    services = sorted((page for page in context["pages"] if hasattr(page, "service")),
                      key=lambda page: (page.service.category, page.title, page.service.uid))
    categories = [ServiceCategory(name, list(group), urls)
                  for name, group in groupby(services, key=lambda page: page.service.category)]
    revisions_path = Path(settings["AGENDA_ROOT"]) / settings["AGENDA_REVISIONS"]
    revisions = Revisions(revisions_path, now)
    for article in events:  # when each changed last: feeds' updated dates, calendars' SEQUENCE, open data
        article.revision = revisions.stamp(article.event)
    for page in services:
        page.revision = revisions.stamp(page.service)
    revisions.save()
    return SiteState(now=now, public_url=settings["SITE_PUBLIC_URL"].rstrip("/"), urls=urls, settings=settings,
                     events=events, services=services, service_categories=categories,
                     scopes=Scopes(events, now, urls, core_settings.site_geography(settings),
                                   organisers(article.event for article in events)),
                     revisions=revisions, build_key=fingerprints.build_key(settings),
                     outputs=Outputs(Path(settings["OUTPUT_PATH"]), settings["AGENDA_PREVIOUS_OUTPUT"],
                                     revisions_path.with_name(OUTPUTS_RECORD), settings["AGENDA_INCREMENTAL"]))
