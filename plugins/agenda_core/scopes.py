"""Group events into the scopes a job seeker browses: region, department, type, month, online, audience,
benefit, objective and campaign."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from urllib.parse import urlencode

from catalogue import french
from catalogue.text import fold
from catalogue.vocabulary import CAMPAIGN_PATH, EVENT_TYPES, TAGGINGS, Tagging, Term

from .urls import Urls

ONLINE = "a-distance"  # /evenements/a-distance/: online and hybrid events


def type_path(term: Term) -> str:
    return f"type/{term.slug}"


@dataclass
class Scope:
    """A listing page and its archive page: every event of one region, department, type…"""

    key: str
    kind: str  # all, region, department, type, mode, month, audience, benefit, objective, campaign
    title: str
    path: str  # under the events' address, '' for all events
    urls: Urls
    parent: Scope | None = None
    search: dict[str, str] = field(default_factory=dict)  # the same events on the search page
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    children: list[Scope] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.urls.listing(self.path)

    @property
    def archive_url(self) -> str:
        return f"{self.url}{self.urls.archives}"

    @property
    def trail(self) -> list[Scope]:
        """Ancestors from the top, for breadcrumbs."""
        chain, scope = [], self.parent
        while scope is not None:
            chain.insert(0, scope)
            scope = scope.parent
        return chain

    @cached_property  # every page of a paginated listing shows it
    def refinements(self) -> list[tuple[str, list[tuple[str, int, str]]]]:
        """Audience, benefit and objective of the upcoming events here: (title, [(label, count, url)])."""
        groups = []
        for tag in TAGGINGS:
            counts: dict[str, int] = {}
            for article in self.upcoming:
                for key in getattr(article.event, tag.attribute):
                    counts[key] = counts.get(key, 0) + 1
            links = []
            for term in tag.vocabulary:
                if counts.get(term.key):
                    url = (self.urls.listing(f"{tag.path}/{term.slug}") if self.kind == "all"
                           else f"{self.urls.search}?" + urlencode({**self.search, tag.path: term.key}))
                    links.append((term.label, counts[term.key], url))
            if links:
                groups.append((tag.title, links))
        return groups


BROWSED_APART = {"audience", "benefit", "objective", "campaign"}  # not among the listings' "Affiner" links


def _order(scope: Scope) -> str:
    """Months in time order, everything else alphabetically as a French reader expects (Î with I)."""
    return scope.key if scope.kind == "month" else fold(scope.title)


class Scopes:
    """Every scope of the site, built in one pass over the events (sorted by start)."""

    def __init__(self, articles: Iterable, now: datetime, urls: Urls):
        self.now = now
        self.urls = urls
        self.all = Scope("all", "all", "Tous les événements", "", urls)
        self.by_key: dict[str, Scope] = {"all": self.all}
        for article in sorted(articles, key=lambda article: (article.event.start, article.event.title)):
            for scope in self._scopes_of(article.event):
                (scope.past if article.event.is_past(now) else scope.upcoming).append(article)
        for scope in self.by_key.values():
            scope.past.reverse()  # most recent first in archives
            if scope.parent is not None and scope.kind not in BROWSED_APART:
                scope.parent.children.append(scope)
        for scope in self.by_key.values():
            scope.children.sort(key=_order)

    def _get(self, key: str, kind: str, title: str, path: str, parent: Scope | None = None, **search: str) -> Scope:
        scope = self.by_key.get(key)
        if scope is None:
            scope = self.by_key[key] = Scope(key, kind, title, path, self.urls, parent, search)
        return scope

    def _scopes_of(self, event) -> list[Scope]:
        scopes = [self.all]
        if event.commune is not None:
            region, department = event.commune.region, event.commune.department
            region_scope = self._get(f"region:{region.code}", "region", region.name, region.slug, self.all,
                                     region=region.code)
            scopes += [
                region_scope,
                self._get(f"department:{department.code}", "department", f"{department.name} ({department.code})",
                          f"{region.slug}/{department.slug}", region_scope, departement=department.code),
            ]
        if event.is_online:
            scopes.append(self._get("mode:online", "mode", "À distance", ONLINE, self.all, mode=ONLINE))
        term = EVENT_TYPES[event.type]
        scopes.append(self._get(f"type:{term.key}", "type", term.label, type_path(term), self.all, type=term.key))
        start = event.start  # the local month, in the event's zone
        label = french.month(start.year, start.month).capitalize()
        last_day = calendar.monthrange(start.year, start.month)[1]
        scopes.append(self._get(f"month:{start:%Y-%m}", "month", label, f"mois/{start:%Y-%m}", self.all,
                                du=f"{start:%Y-%m}-01", au=f"{start:%Y-%m}-{last_day:02d}"))
        for tag in TAGGINGS:
            scopes += [self._tag(tag, tag.vocabulary[key]) for key in getattr(event, tag.attribute)]
        if event.campaign:
            scopes.append(self._get(f"campaign:{event.campaign_slug}", "campaign", event.campaign,
                                    f"{CAMPAIGN_PATH}/{event.campaign_slug}", self.all,
                                    **{CAMPAIGN_PATH: event.campaign_slug}))
        return scopes

    def _tag(self, tag: Tagging, term: Term) -> Scope:
        return self._get(f"{tag.kind}:{term.key}", tag.kind, term.label, f"{tag.path}/{term.slug}", self.all,
                         **{tag.path: term.key})

    def type_url(self, key: str) -> str:
        """The listing of an event type, whether it has events or not."""
        return self.urls.listing(type_path(EVENT_TYPES[key]))

    @property
    def online_url(self) -> str:
        return self.urls.listing(ONLINE)

    def of_kind(self, kind: str) -> list[Scope]:
        return sorted((s for s in self.by_key.values() if s.kind == kind), key=_order)

    def for_event(self, event) -> list[Scope]:
        """Breadcrumb scopes of an event page: its department's trail, else the online listing."""
        if event.commune is not None:
            department = self.by_key[f"department:{event.commune.department.code}"]
            return [*department.trail, department]
        return [self.all, self.by_key["mode:online"]]
