"""Settings read and checked once, at start-up: each plugin's dict merged over its defaults, and the
core's own settings. A bad value stops the build with one line per problem, in French and English."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from catalogue.dates import PARIS, DateError, parse_datetime
from catalogue.geography import DEFAULT_DATA_DIR, Geography, geography

from . import urls


class SettingsError(SystemExit):
    """One or more settings are wrong; the message lists them. A SystemExit, so that the build stops with
    these lines and status 1, not a traceback (Pelican catches and prints every Exception)."""


def site_geography(settings: dict) -> Geography:
    """The official geography the build reads: ``AGENDA_GEO_DATA``, else the npm package's data (loaded once)."""
    return geography(Path(settings.get("AGENDA_GEO_DATA") or DEFAULT_DATA_DIR))


def merged(settings: dict, name: str, defaults: dict) -> dict:
    """``settings[name]`` over ``defaults``; unknown keys and values of another type are errors."""
    given = settings.get(name) or {}
    if not isinstance(given, dict):
        raise SettingsError(f"{name} : un dictionnaire est attendu / a dict is expected, got {given!r}")
    found = [f"{name}[{key!r}] : clé inconnue / unknown key (one of {', '.join(defaults)})"
             for key in given if key not in defaults]
    found += [f"{name}[{key!r}] : {type(defaults[key]).__name__} attendu / expected, got {value!r}"
              for key, value in given.items() if key in defaults and not isinstance(value, type(defaults[key]))]
    if found:
        raise SettingsError("\n".join(found))
    return {**defaults, **given}


def check_core(settings: dict) -> list[str]:
    """The core's settings: public address, addresses, the build's "now", the home page's and listings' lengths,
    data."""
    found = urls.problems(settings.get("AGENDA_URLS") or {})
    public = urlsplit(str(settings.get("SITE_PUBLIC_URL", "")))
    if public.scheme not in {"http", "https"} or not public.hostname or public.query or public.fragment:
        found.append(f"SITE_PUBLIC_URL : adresse http(s) attendue / an http(s) address is expected, got "
                     f"{settings.get('SITE_PUBLIC_URL')!r}")
    if settings.get("AGENDA_NOW"):
        try:
            parse_datetime(str(settings["AGENDA_NOW"]))
        except DateError as error:
            found.append(f"AGENDA_NOW : {error} / unreadable date")
    for name in ("HOME_EVENTS", "LISTING_MAX_EVENTS"):
        value = settings.get(name, 1)
        if not isinstance(value, int) or value < 1:
            found.append(f"{name} : nombre entier positif attendu / a positive integer is expected, got {value!r}")
    geo = settings.get("AGENDA_GEO_DATA")
    if geo and not (Path(geo) / "communes.json").exists():
        found.append(f"AGENDA_GEO_DATA : communes.json introuvable dans {geo} / not found (run npm ci)")
    return found


def now(settings: dict) -> datetime:
    """The build's notion of now: ``AGENDA_NOW`` when set (tests, previews), else the clock."""
    configured = settings.get("AGENDA_NOW")
    return parse_datetime(configured) if configured else datetime.now(PARIS)
