"""Every address the site writes, declared once: ``AGENDA_URLS`` in the settings, these defaults below.

Pages, templates (``agenda.urls``), feeds, the sitemap and the scripts (through ``data-`` attributes)
all read them here, like Pelican's own ``X_URL``/``X_SAVE_AS`` pairs: an address ends with ``/`` and is
saved as ``<address>index.html``; feed and calendar names are file names inside a listing's folder.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

FOLDERS = ("events", "search", "search_index", "preferences", "favourites", "subscribe", "services",
           "open_data", "images", "guide", "report", "organizers", "embed")
FILES = ("rss", "atom", "calendar")


@dataclass(frozen=True)
class Urls:
    events: str = "evenements/"  # every listing lives below: evenements/occitanie/, evenements/type/atelier/
    search: str = "recherche/"
    search_index: str = "recherche/index/"
    preferences: str = "mes-preferences/"
    favourites: str = "mes-evenements/"
    subscribe: str = "s-abonner/"
    services: str = "services/"
    open_data: str = "donnees/"
    images: str = "images/evenements/"  # one picture per event type, for previews and JSON-LD
    guide: str = "publier-un-evenement/"  # the agencies' guide (docs/guide-agences.md), linked from every page
    report: str = "admin/rapport/"  # the publishing report for staff: out of the sitemap and of robots
    organizers: str = "organisateurs/"  # organisateurs/<organiser>/: its events and feeds
    embed: str = "integrer/"  # the widget for partners' sites: its page, its frame (cadre/) and its data
    archives: str = "archives/"  # inside a listing
    rss: str = "flux.rss"
    atom: str = "flux.atom"
    calendar: str = "agenda.ics"

    @classmethod
    def of(cls, configured: dict) -> Urls:
        return cls(**configured)

    def listing(self, path: str) -> str:
        """``evenements/occitanie/``; the listing of every event for ``''``."""
        return f"{self.events}{path}/" if path else self.events

    @staticmethod
    def save_as(url: str) -> str:
        return f"{url}index.html"


def problems(configured: dict) -> list[str]:
    """What is wrong in ``AGENDA_URLS``, in French and English, one line each."""
    known = {field.name for field in fields(Urls)}
    found = [f"AGENDA_URLS : clé inconnue « {key} » / unknown key (one of {', '.join(sorted(known))})"
             for key in configured if key not in known]
    for key, value in configured.items():
        if key not in known:
            continue
        if not isinstance(value, str) or not value or value.startswith("/") or ".." in value.split("/"):
            found.append(f"AGENDA_URLS[{key!r}] : adresse relative attendue, sans « / » au début ni « .. » "
                         f"/ a relative address is expected, got {value!r}")
        elif (key in FILES) == value.endswith("/"):
            what = "un nom de fichier / a file name" if key in FILES else "un dossier terminé par « / » / a folder"
            found.append(f"AGENDA_URLS[{key!r}] : {what} attendu, got {value!r}")
    return found
