"""Group events into the scopes a job seeker browses: region, department, type, month, online, audience,
benefit, objective, campaign and organiser; and the scopes partners subscribe to without a page of their own:
a region's or a department's events of one type."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from urllib.parse import urlencode

from catalogue import french
from catalogue.organisers import Organiser, organiser_key
from catalogue.text import fold
from catalogue.vocabulary import AUDIENCE_TAGGING, CAMPAIGN_PATH, EVENT_TYPES, TAGGINGS, Tagging, Term

from .urls import Urls

ONLINE = "a-distance"  # /evenements/a-distance/: online and hybrid events


def type_path(term: Term) -> str:
    return f"type/{term.slug}"


@dataclass
class Scope:
    """A listing page and its archive page: every event of one region, department, type…"""

    key: str
    kind: str  # all, region, department, type, mode, month, audience, benefit, objective, campaign, organizer,
    # organizers (the index of organisers), region-type, department-type
    title: str
    path: str  # under ``base``, '' for the folder itself
    urls: Urls
    parent: Scope | None = None
    search: dict[str, str] = field(default_factory=dict)  # the same events on the search page
    base: str = ""  # the folder the path is in: the events' (when empty), the organisers'
    page: bool = True  # False: feeds only (a region's job datings), or a page written apart (the organisers)
    organiser: Organiser | None = None
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    children: list[Scope] = field(default_factory=list)

    @property
    def url(self) -> str:
        if self.base:
            return f"{self.base}{self.path}/" if self.path else self.base
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
        if not self.search and self.kind != "all":  # the search page cannot narrow it (an organiser's events)
            return groups
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


BROWSED_APART = {"audience", "benefit", "objective", "campaign", "organizer", "organizers", "region-type",
                 "department-type"}  # not among the listings' "Affiner" links


def listing_order(article) -> tuple:
    """Events by start, then title, then identifier: one order whatever the order Pelican read the files in (a
    build from its cache reads them in another order than a build without)."""
    return article.event.start, article.event.title, article.event.uid


def _order(scope: Scope) -> str:
    """Months in time order, everything else alphabetically as a French reader expects (Î with I)."""
    return scope.key if scope.kind == "month" else fold(scope.title)


class Scopes:
    """Every scope of the site, built in one pass over the events (sorted by start).

    Every region and department the network serves has its scopes, with and without events, so that a team can
    subscribe to its feeds before the first event; ``organisers`` names the organisers (catalogue.organisers)."""

    def __init__(self, articles: Iterable, now: datetime, urls: Urls, geography=None,
                 organisers: dict[str, Organiser] | None = None):
        self.now = now
        self.urls = urls
        self.organisers = organisers or {}
        self.all = Scope("all", "all", "Tous les événements", "", urls)
        self.organizers = Scope("organizers", "organizers", "Organisateurs", "", urls, base=urls.organizers,
                                page=False)
        self.by_key: dict[str, Scope] = {"all": self.all, "organizers": self.organizers}
        for department in geography.served_departments if geography is not None else ():
            self._places(department)
        for term in EVENT_TYPES:  # so are the types and audiences: the feed builder offers each
            self._type(term)
        for term in AUDIENCE_TAGGING.vocabulary:
            self._tag(AUDIENCE_TAGGING, term)
        for article in sorted(articles, key=listing_order):
            for scope in self._scopes_of(article.event):
                (scope.past if article.event.is_past(now) else scope.upcoming).append(article)
        for scope in self.by_key.values():
            scope.past.reverse()  # most recent first in archives
            if scope.parent is not None and scope.kind not in BROWSED_APART:
                scope.parent.children.append(scope)
        for scope in self.by_key.values():
            scope.children.sort(key=_order)

    def _get(self, key: str, kind: str, title: str, path: str, parent: Scope | None = None, *, base: str = "",
             page: bool = True, **search: str) -> Scope:
        scope = self.by_key.get(key)
        if scope is None:
            scope = self.by_key[key] = Scope(key, kind, title, path, self.urls, parent, search, base, page)
        return scope

    def _places(self, department) -> tuple[Scope, Scope]:
        """The scopes of a department and its region, and of each event type in them."""
        known = self.by_key.get(f"department:{department.code}")
        if known is not None:  # made by an earlier event, or for every department at the start
            return known.parent, known
        region = department.region
        region_scope = self._get(f"region:{region.code}", "region", region.name, region.slug, self.all,
                                 region=region.code)
        department_scope = self._get(f"department:{department.code}", "department",
                                     f"{department.name} ({department.code})", f"{region.slug}/{department.slug}",
                                     region_scope, departement=department.code)
        for term in EVENT_TYPES:
            for scope in (region_scope, department_scope):
                self._combined(scope, term)
        return region_scope, department_scope

    def _combined(self, scope: Scope, term: Term) -> Scope:
        return self._get(f"{scope.key}:type:{term.key}", f"{scope.kind}-type", f"{term.label} — {scope.title}",
                         f"{scope.path}/{type_path(term)}", scope, page=False, **scope.search, type=term.key)

    def _scopes_of(self, event) -> list[Scope]:
        scopes = [self.all]
        term = EVENT_TYPES[event.type]
        if event.commune is not None:
            places = self._places(event.commune.department)
            scopes += [*places, *(self._combined(scope, term) for scope in places)]
        if event.is_online:
            scopes.append(self._get("mode:online", "mode", "À distance", ONLINE, self.all, mode=ONLINE))
        scopes.append(self._type(term))
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
        scopes.append(self.organizer_of(event))
        return scopes

    def organizer_of(self, event) -> Scope:
        """The page of the event's organiser."""
        key = organiser_key(event.organizer)
        scope = self.by_key.get(f"organizer:{key}")
        if scope is None:
            organiser = self.organisers.get(key)
            scope = self._get(f"organizer:{key}", "organizer", organiser.name if organiser else event.organizer, key,
                              self.organizers, base=self.urls.organizers)
            scope.organiser = organiser
        return scope

    def _type(self, term: Term) -> Scope:
        return self._get(f"type:{term.key}", "type", term.label, type_path(term), self.all, type=term.key)

    def _tag(self, tag: Tagging, term: Term) -> Scope:
        return self._get(f"{tag.kind}:{term.key}", tag.kind, term.label, f"{tag.path}/{term.slug}", self.all,
                         **{tag.path: term.key})

    def type_url(self, key: str) -> str:
        """The listing of an event type, whether it has events or not."""
        return self.urls.listing(type_path(EVENT_TYPES[key]))

    @property
    def online_url(self) -> str:
        return self.urls.listing(ONLINE)

    @cached_property  # after every event is in its scopes
    def organizers_by_department(self) -> dict[str, list[Scope]]:
        """Organiser pages by the department of most of their events ('' for online only), by name."""
        found: dict[str, list[Scope]] = {}
        for scope in self.of_kind("organizer"):
            found.setdefault(scope.organiser.department if scope.organiser else "", []).append(scope)
        return found

    def of_kind(self, kind: str) -> list[Scope]:
        return sorted((s for s in self.by_key.values() if s.kind == kind), key=_order)

    def for_event(self, event) -> list[Scope]:
        """Breadcrumb scopes of an event page: its department's trail, else the online listing."""
        if event.commune is not None:
            department = self.by_key[f"department:{event.commune.department.code}"]
            return [*department.trail, department]
        return [self.all, self.by_key["mode:online"]]
