"""The keys of the outputs a build can skip: a digest of everything each one is made from.

Every key starts with the *build key*: the code and data the build runs (plugins, catalogue, the pinned Python and
npm packages) and the settings. A page's key adds its template and the templates that one extends, includes or
imports, then what the page reads:

- an event (``item``): its canonical text (the revisions' hash), its availability now, its revision, the values
  the plugins computed for it (addresses, calendar links, JSON-LD, sources: every plain attribute);
- an event page: the event, and the scopes the page links to (breadcrumbs, feed links, organiser, campaign);
- a listing: the events it lists, and what the page says of its scope: title, addresses, counts, the lists it
  links to with their counts, today's date (the day headings);
- a feed or calendar of a scope: its channel and the events in it.

What is not listed here (the home page, the search index, open data…) is made at every build; the writer then
keeps the previous file when the bytes are the same. ``tests/test_incremental.py`` builds the same content
incrementally and from scratch after each kind of change and compares the two outputs byte for byte.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path

from jinja2 import Environment, meta

ADDRESS = re.compile(r" at 0x[0-9a-f]+")  # a function's or object's repr: the same object in the next build
PLAIN = (str, int, float, bool, type(None), date, datetime)
# settings that name this build's folders or how Pelican caches what it read, not what the build makes
VOLATILE_SETTINGS = {"OUTPUT_PATH", "AGENDA_PREVIOUS_OUTPUT", "AGENDA_INCREMENTAL", "CACHE_PATH", "CACHE_CONTENT",
                     "LOAD_CONTENT_CACHE", "CONTENT_CACHING_LAYER", "GZIP_CACHE", "CHECK_MODIFIED_METHOD"}
CODE = ("plugins", "catalogue", "importers")  # under the project root, with the pinned packages below
PINNED = ("requirements.txt", "package-lock.json")


def digest(*parts) -> str:
    return hashlib.blake2b(ADDRESS.sub("", repr(parts)).encode(), digest_size=16).hexdigest()


@cache
def code_digest(root: str) -> str:
    """Every source and data file the build runs, with the pinned package versions."""
    hasher = hashlib.blake2b(digest_size=16)
    files = [path for folder in CODE for path in sorted((Path(root) / folder).rglob("*"))
             if path.is_file() and "__pycache__" not in path.parts]
    for path in files + [Path(root) / name for name in PINNED]:
        if path.is_file():
            hasher.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def build_key(settings: dict) -> str:
    shown = {name: value for name, value in settings.items() if name not in VOLATILE_SETTINGS}
    return digest(code_digest(str(settings["AGENDA_ROOT"])), _canonical(shown))


def _canonical(value):
    """Dicts and sets in a stable order (a set's order changes from one process to the next)."""
    if isinstance(value, dict):
        return sorted((repr(key), _canonical(part)) for key, part in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_canonical(part)) for part in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(part) for part in value]
    return value


def template_digest(env: Environment, name: str, seen: frozenset = frozenset()) -> str:
    """A template's source and, recursively, the sources of the templates it uses."""
    source = env.loader.get_source(env, name)[0]
    used = sorted(used for used in meta.find_referenced_templates(env.parse(source)) if used and used not in seen)
    return digest(name, source, [template_digest(env, used, seen | {name}) for used in used])


def item(article, state) -> str:
    """An event or service as any page shows it (computed once per build)."""
    found = getattr(article, "_agenda_digest", None)
    if found is None:
        # its plain values (text, numbers, dates, lists of them): Pelican's context and settings are left out
        plain = sorted((name, value) for name, value in vars(article).items() if _plain(value))
        event, service = getattr(article, "event", None), getattr(article, "service", None)
        if event is not None:
            canonical = (state.revisions.entries.get(event.uid, {}).get("hash"), event.availability(state.now))
        else:
            canonical = (state.revisions.entries.get(f"service:{service.uid}", {}).get("hash"),) if service else ()
        found = article._agenda_digest = digest(plain, canonical, getattr(article, "revision", None))
    return found


def _plain(value) -> bool:
    if isinstance(value, (list, tuple)):
        return all(isinstance(part, PLAIN) for part in value)
    return isinstance(value, PLAIN)


def _scope_name(scope) -> tuple:
    return scope.key, scope.title, scope.url


def _scope_link(scope) -> tuple:
    """A link to a scope's listing with its counts (the lists of lists show them)."""
    return *_scope_name(scope), len(scope.upcoming), len(scope.past)


def event_page(state, article) -> str:
    """An event page names its scopes without their counts: an event added in the department does not change it."""
    event, scopes = article.event, state.scopes
    trail = scopes.for_event(event)
    campaign = scopes.by_key.get(f"campaign:{event.campaign_slug}") if event.campaign else None
    return digest(item(article, state), [_scope_name(scope) for scope in trail],
                  state.feed_links.get(trail[-1].key), _scope_name(scopes.organizer_of(event)),
                  _scope_name(campaign) if campaign else None)


def listing(state, scope, events: list, archive: bool, cut: int) -> str:
    scopes = state.scopes
    months = [_scope_link(month) for month in scopes.of_kind("month")] if scope.kind == "all" else None
    organisers = bool(scopes.organizers_by_department.get(scope.search.get("departement"))) \
        if scope.kind == "department" else None
    return digest(_scope_link(scope), scope.kind, scope.archive_url, sorted(scope.search.items()), repr(scope.organiser),
                  [_scope_link(parent) for parent in scope.trail], [_scope_link(child) for child in scope.children],
                  scope.refinements, state.feed_links.get(scope.key), months, organisers, state.now.date(),
                  archive, cut, [item(article, state) for article in events])


def scope_feeds(state, channel, events: list) -> str:
    return digest(channel, [item(article, state) for article in events])
