"""What every agenda plugin shares: the site state, the addresses, the settings check. Not a plugin itself:
each plugin's ``register()`` calls ``connect()``, so the checks run whichever plugins are enabled."""

from __future__ import annotations

from pelican import signals

from .outputs import save_current
from .settings import SettingsError, check_core, merged, site_geography
from .state import KEY, SiteState, site_state
from .urls import Urls
from .writer import get_writer

__all__ = ["KEY", "SettingsError", "SiteState", "Urls", "connect", "merged", "site_geography", "site_state"]

# The theme's templates use what each of these plugins provides.
THEME_PLUGINS = ("agenda_content", "agenda_listings", "agenda_feeds", "agenda_opendata", "agenda_seo",
                 "agenda_dsfr", "agenda_search", "agenda_embed")
CORE_DEFAULTS = {"SITE_PUBLIC_URL": "http://127.0.0.1:8000", "HOME_EVENTS": 8, "LISTING_MAX_EVENTS": 240,
                 "AGENDA_URLS": {}, "AGENDA_REVISIONS": "state/revisions.json", "AGENDA_NOW": None,
                 # the published build, whose unchanged files a build links instead of making them (outputs.py);
                 # AGENDA_INCREMENTAL = False makes everything again (invoke build --full)
                 "AGENDA_PREVIOUS_OUTPUT": None, "AGENDA_INCREMENTAL": True}


def _name(plugin) -> str:
    return (plugin if isinstance(plugin, str) else getattr(plugin, "__name__", str(plugin))).rsplit(".", 1)[-1]


def check(pelican) -> None:
    """At start-up: every plugin the theme needs is enabled, and the core settings are right."""
    settings = pelican.settings
    for key, value in CORE_DEFAULTS.items():
        settings.setdefault(key, value)
    enabled = {_name(plugin) for plugin in settings.get("PLUGINS") or ()}
    found = [f"agenda : le thème a besoin du plugin {name} : ajoutez-le à PLUGINS / the theme needs the {name} "
             "plugin: add it to PLUGINS" for name in THEME_PLUGINS if name not in enabled]
    found += check_core(settings)
    if found:
        raise SettingsError("\n".join(found))


def connect() -> None:
    """Called by each plugin's ``register()``; connecting the same receiver twice keeps one."""
    signals.initialized.connect(check)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(save_current)
