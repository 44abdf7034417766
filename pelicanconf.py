"""Development settings of agenda-emploi (publishconf.py overrides them for production)."""

import os

# No AUTHOR: events have organisers, not authors, and Pelican groups the articles of each author in time
# quadratic in their number (18 s at 50,000 events for one author), even with author pages turned off.
SITENAME = "Agenda de l'emploi"
SITE_TAGLINE = "Job datings, forums, ateliers et réunions pour trouver un emploi près de chez vous"
SITEURL = ""
RELATIVE_URLS = False
# Absolute address used in feeds, calendars and open data (publishconf.py sets the real one).
SITE_PUBLIC_URL = "http://127.0.0.1:8000"
AGENDA_ROOT = os.path.dirname(os.path.abspath(__file__))

PATH = "content"
ARTICLE_PATHS = ["events"]
PAGE_PATHS = ["pages", "services"]
STATIC_PATHS = []
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
THEME = "theme"
# Every {{ value }} is HTML-escaped; only descriptions already cleaned by nh3 are marked |safe.
# French typography (non-breaking spaces before : ; ! ? and inside « ») in the templates and every value.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                     "extensions": ["agenda_core.typography.FrenchTypography"]}

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["agenda_content", "agenda_listings", "agenda_feeds", "agenda_opendata", "agenda_seo", "agenda_dsfr",
           "agenda_search", "agenda_cms", "agenda_embed"]
# The back office at /admin/ (plugins/agenda_cms, docs/back-office.md): one form per agency folder under
# content/events/, plus the agencies named here (folder -> name, the default organiser). publishconf.py sets the
# production Git backend ("backend": {"name": "gitlab", "repo": …}).
AGENDA_CMS = {"agencies": {"france-travail-toulouse-occitane": "France Travail Toulouse Occitane",
                           "mission-locale-metz": "Mission locale de Metz"}}
# The State design system (plugins/agenda_dsfr): set "brand" to False for a partner deployment
# without the Marianne block. Components and fonts are listed in the plugin's DEFAULTS.
DSFR = {"brand": True}

# The build's "now": events ending before it are shown as past. Unset means the clock;
# tests and previews pin it, e.g. AGENDA_NOW="2026-12-01 08:00".
AGENDA_NOW = os.environ.get("AGENDA_NOW") or None
# Where the official COG data (npm @etalab/decoupage-administratif) lives; the default is node_modules/.
# AGENDA_GEO_DATA = "node_modules/@etalab/decoupage-administratif/data"

EVENT_URL = "evenement/{slug}/"
EVENT_SAVE_AS = "evenement/{slug}/index.html"
SERVICE_URL = "service/{slug}/"
SERVICE_SAVE_AS = "service/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
HOME_EVENTS = 8
# Listings of France, a region, a type, a month… stop at this many events (10 pages); a department's, the online
# events' and an organiser's list every event (plugins/agenda_listings).
LISTING_MAX_EVENTS = 240

# When each event last changed (feeds' dates, calendars' SEQUENCE): keep this file between builds
# (commit it or cache it) for stable dates and SEQUENCE numbers.
AGENDA_REVISIONS = os.environ.get("AGENDA_REVISIONS", "state/revisions.json")
# Feeds (plugins/agenda_feeds): defaults shown.
AGENDA_FEEDS = {
    "recent_days": 14,
    "max_items": 500,  # per calendar
    "max_entries": 100,  # per RSS or Atom feed
    "refresh_hours": 6,
    "uid_domain": "agenda-emploi",
}
# Every address the site writes (plugins/agenda_core/urls.py lists the keys and defaults), e.g.
# AGENDA_URLS = {"events": "agenda/", "search": "chercher/"}
AGENDA_URLS = {}

# Listings are written by the agenda_listings plugin; Pelican's blog pages are turned off.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

# One language: no translation pass (Pelican's is quadratic in the number of articles: 17 s at 50,000 events).
ARTICLE_TRANSLATION_ID = PAGE_TRANSLATION_ID = None

DEFAULT_PAGINATION = 24
PAGINATED_TEMPLATES = {"listing": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

DELETE_OUTPUT_DIRECTORY = True

# Pelican's content cache: unchanged files are not read again (incremental builds; `invoke clean` empties it).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = os.path.join(AGENDA_ROOT, "cache", "pelican")
GZIP_CACHE = False  # compressing it took 5 s of each build at 50,000 events
