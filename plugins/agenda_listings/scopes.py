"""Group events into the scopes a job seeker browses: region, department, type, month, online."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from catalogue import french
from catalogue.dates import PARIS
from catalogue.text import fold
from catalogue.vocabulary import EVENT_TYPES

ROOT = "evenements"


@dataclass
class Scope:
    """A listing page and its archive page: every event of one region, department, type…"""

    key: str
    kind: str  # all, region, department, type, mode, month
    title: str
    path: str  # under ROOT, '' for all events
    parent: Scope | None = None
    upcoming: list = field(default_factory=list)
    past: list = field(default_factory=list)
    children: list[Scope] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{ROOT}/{self.path}/" if self.path else f"{ROOT}/"

    @property
    def archive_url(self) -> str:
        return f"{self.url}archives/"

    @property
    def trail(self) -> list[Scope]:
        """Ancestors from the top, for breadcrumbs."""
        chain, scope = [], self.parent
        while scope is not None:
            chain.insert(0, scope)
            scope = scope.parent
        return chain


def _order(scope: Scope) -> str:
    """Months in time order, everything else alphabetically as a French reader expects (Î with I)."""
    return scope.key if scope.kind == "month" else fold(scope.title)


class Scopes:
    """Every scope of the site, built in one pass over the events (sorted by start)."""

    def __init__(self, articles: Iterable, now: datetime):
        self.now = now
        self.all = Scope("all", "all", "Tous les événements", "")
        self.by_key: dict[str, Scope] = {"all": self.all}
        for article in sorted(articles, key=lambda article: (article.event.start, article.event.title)):
            for scope in self._scopes_of(article.event):
                (scope.past if article.event.is_past(now) else scope.upcoming).append(article)
        for scope in self.by_key.values():
            scope.past.reverse()  # most recent first in archives
            if scope.parent is not None:
                scope.parent.children.append(scope)
        for scope in self.by_key.values():
            scope.children.sort(key=_order)

    def _get(self, key: str, kind: str, title: str, path: str, parent: Scope | None = None) -> Scope:
        scope = self.by_key.get(key)
        if scope is None:
            scope = self.by_key[key] = Scope(key, kind, title, path, parent)
        return scope

    def _scopes_of(self, event) -> list[Scope]:
        scopes = [self.all]
        if event.commune is not None:
            region, department = event.commune.region, event.commune.department
            region_scope = self._get(f"region:{region.code}", "region", region.name, region.slug, self.all)
            scopes += [
                region_scope,
                self._get(f"department:{department.code}", "department", f"{department.name} ({department.code})",
                          f"{region.slug}/{department.slug}", region_scope),
            ]
        if event.is_online:
            scopes.append(self._get("mode:online", "mode", "À distance", "a-distance", self.all))
        term = EVENT_TYPES[event.type]
        scopes.append(self._get(f"type:{term.key}", "type", term.label, f"type/{term.slug}", self.all))
        start = event.start.astimezone(PARIS)
        label = french.month(start.year, start.month).capitalize()
        scopes.append(self._get(f"month:{start:%Y-%m}", "month", label, f"mois/{start:%Y-%m}", self.all))
        return scopes

    def of_kind(self, kind: str) -> list[Scope]:
        return sorted((s for s in self.by_key.values() if s.kind == kind), key=_order)

    def for_event(self, event) -> list[Scope]:
        """Breadcrumb scopes of an event page: its department's trail, else the online listing."""
        if event.commune is not None:
            department = self.by_key[f"department:{event.commune.department.code}"]
            return [*department.trail, department]
        return [self.all, self.by_key["mode:online"]]
