"""Time zones of French places: an event's times are the local times of its commune.

The official geography (COG) says which department or overseas collectivity a commune belongs to, but
not its time zone, and no maintained package maps one to the other. This table does, by department
code: 14 rows, IANA names checked against the tz database by the tests, and the French name each place
gives its own time. French Polynesia spans three zones: the Marquesas and the Gambier islands are
named by their communes, the rest of Polynesia keeps Tahiti's time.
"""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo

PARIS_ZONE = "Europe/Paris"
# department or collectivity code -> (IANA zone, how the page names it)
BY_DEPARTMENT = {
    "971": ("America/Guadeloupe", "heure de la Guadeloupe"),
    "972": ("America/Martinique", "heure de la Martinique"),
    "973": ("America/Cayenne", "heure de la Guyane"),
    "974": ("Indian/Reunion", "heure de La Réunion"),
    "975": ("America/Miquelon", "heure de Saint-Pierre-et-Miquelon"),
    "976": ("Indian/Mayotte", "heure de Mayotte"),
    "977": ("America/St_Barthelemy", "heure de Saint-Barthélemy"),
    "978": ("America/Marigot", "heure de Saint-Martin"),
    "984": ("Indian/Kerguelen", "heure des Terres australes"),
    "986": ("Pacific/Wallis", "heure de Wallis-et-Futuna"),
    "987": ("Pacific/Tahiti", "heure de Tahiti"),
    "988": ("Pacific/Noumea", "heure de la Nouvelle-Calédonie"),
    "989": ("Etc/GMT+8", "heure de Clipperton"),
}
# communes of French Polynesia outside Tahiti's zone, by their official name
POLYNESIA = {
    **dict.fromkeys(("Nuku-Hiva", "Ua-Pou", "Ua-Huka", "Hiva-Oa", "Tahuata", "Fatu-Hiva"),
                    ("Pacific/Marquesas", "heure des Marquises")),
    "Gambier": ("Pacific/Gambier", "heure des Gambier"),
}
LABELS = {PARIS_ZONE: "heure de Paris", **dict(BY_DEPARTMENT.values()), **dict(POLYNESIA.values())}


def commune_zone(department_code: str, commune_name: str) -> str:
    """The IANA zone of a commune: its collectivity's, Europe/Paris in metropolitan France."""
    if department_code == "987" and commune_name in POLYNESIA:
        return POLYNESIA[commune_name][0]
    return BY_DEPARTMENT.get(department_code, (PARIS_ZONE, ""))[0]


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def label(name: str) -> str:
    """``heure de la Guadeloupe``: how a page names an event's local time."""
    return LABELS.get(name, name)


def is_known(name: str) -> bool:
    return name in LABELS
