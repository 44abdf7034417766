"""Write the home page, the listing and archive pages of every scope, and the services catalogue."""

from __future__ import annotations

from datetime import datetime
from itertools import groupby

from pelican.generators import Generator

from catalogue.dates import PARIS, parse_datetime
from catalogue.text import slugify

from .scopes import CAMPAIGNS, ROOT, TAGS, Scopes

SERVICES_ROOT = "services"
FAVOURITES = "mes-evenements/"
TAG_INDEXES = (  # kind, heading and lead of the page listing a tag's values (/evenements/<path>/)
    ("campaign", "Opérations en cours",
     "Les opérations nationales et régionales pour l'emploi, et leurs événements à venir."),
    ("audience", "Événements par public", "Les événements ouverts à chaque public."),
    ("benefit", "Événements par avantage", "Ce que les événements proposent : contrats, formations…"),
    ("objective", "Événements par objectif", "Recruter, s'informer, découvrir un métier…"),
)  # filled in the browser from localStorage (theme/static/js/favourites.js)


def agenda_now(settings: dict) -> datetime:
    """The build's notion of now: ``AGENDA_NOW`` when set (tests, previews), else the clock."""
    configured = settings.get("AGENDA_NOW")
    return parse_datetime(configured) if configured else datetime.now(PARIS)


class ServiceCategory:
    def __init__(self, name: str, services: list):
        self.name = name
        self.slug = slugify(name)
        self.services = services
        self.url = f"{SERVICES_ROOT}/{self.slug}/"


class ListingsGenerator(Generator):
    """Reads the events and services the content generators found; writes every listing page."""

    def generate_context(self):
        now = agenda_now(self.settings)
        events = [article for article in self.context["articles"] if hasattr(article, "event")]
        self.scopes = Scopes(events, now)
        services = sorted((page for page in self.context["pages"] if hasattr(page, "service")),
                          key=lambda page: (page.service.category, page.title))
        self.categories = [
            ServiceCategory(name, list(group)) for name, group in groupby(services, key=lambda p: p.service.category)
        ]
        self.context.update(agenda_now=now, scopes=self.scopes, service_categories=self.categories,
                            services=services)

    def generate_output(self, writer):
        write = self._writer(writer)
        write("index.html", "index", "", upcoming=self.scopes.all.upcoming[: self.settings["HOME_EVENTS"]])
        for scope in self.scopes.by_key.values():
            write(scope.url + "index.html", "listing", scope.url, paginated=scope.upcoming, scope=scope, archive=False)
            if scope.past:
                write(scope.archive_url + "index.html", "listing", scope.archive_url, paginated=scope.past,
                      scope=scope, archive=True)
        paths = {tag.kind: tag.path for tag in TAGS} | {"campaign": CAMPAIGNS}
        for kind, heading, lead in TAG_INDEXES:
            url = f"{ROOT}/{paths[kind]}/"
            write(f"{url}index.html", "tags", url, heading=heading, lead=lead, tag_scopes=self.scopes.of_kind(kind))
        write(f"{SERVICES_ROOT}/index.html", "services", f"{SERVICES_ROOT}/", category=None)
        write(f"{FAVOURITES}index.html", "favourites", FAVOURITES, noindex=True)  # personal: kept in the browser
        for category in self.categories:
            write(category.url + "index.html", "services", category.url, category=category)

    def _writer(self, writer):
        def write(save_as: str, template: str, url: str, paginated: list | None = None, **extra):
            writer.write_file(
                save_as,
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                paginated={"events": paginated} if paginated is not None else None,
                template_name=template,
                url=url,
                **extra,
            )

        return write
