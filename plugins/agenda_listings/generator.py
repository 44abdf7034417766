"""Write the home page, the listing and archive pages of every scope, the services catalogue, and the agencies'
guide with its spreadsheet template."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from agenda_core import site_geography, site_state
from pelican.generators import Generator

from catalogue.text import render_markdown
from catalogue.vocabulary import CAMPAIGN_PATH, TAGGINGS
from importers.template import FILE_NAME as TEMPLATE
from importers.template import spreadsheet_template

from .department_map import department_map

TAG_INDEXES = (  # kind, path, heading and lead of the pages listing a tag's values (/evenements/<path>/)
    ("campaign", CAMPAIGN_PATH, "Opérations en cours",
     "Les opérations nationales et régionales pour l'emploi, et leurs événements à venir."),
    *((tag.kind, tag.path, tag.index_title, tag.index_lead) for tag in TAGGINGS),
)


# Listings every event is in one of, listed whole: the department's (or the online events'), the organiser's. The
# others (France, a region, a type, a month…) stop at LISTING_MAX_EVENTS: page 1,800 of every event in France
# helps no one, and would weigh hundreds of megabytes at national scale; the search goes on from there.
COMPLETE = {"department", "mode", "organizer"}
GUIDE = "docs/guide-agences.md"  # written for agencies in French; published as it is
_PICTURE = re.compile(r"!\[[^\]]*\]\((screenshots/[\w.-]+\.png)\)")


def agencies_guide(root: Path) -> SimpleNamespace:
    """The guide as a page (title: its first heading; content: the rest as HTML), from the document in docs/;
    ``pictures``: the screenshots it shows, by their path relative to the guide."""
    title, _, body = (root / GUIDE).read_text(encoding="utf-8").partition("\n")
    return SimpleNamespace(title=title.removeprefix("# ").strip(), content=render_markdown(body),
                           pictures=sorted(set(_PICTURE.findall(body))))


class ListingsGenerator(Generator):
    """Reads the site state; writes every listing page, the home page and the services catalogue."""

    def generate_context(self):
        self.state = site_state(self)
        self.context["map_departments"] = self.map_departments
        self.context["department_map"] = lambda rows, title: department_map(Path(self.settings["AGENDA_ROOT"]), [
            (row["code"], row["name"], row["url"], row["events"]) for row in rows], title)

    def map_departments(self, region: str = "") -> list[dict]:
        """The departments of the map (of one region, or all but the collectivities outside the network), each
        with its upcoming events and where a click leads: its listing, or the search around it (the nearest)."""
        state, base = self.state, self.settings["SITEURL"]
        geo = site_geography(self.settings)
        rows = []
        shown = (sorted((d for d in geo.departments.values() if d.region.code == region), key=lambda d: d.code)
                 if region else geo.served_departments)
        for department in shown:
            scope = state.scopes.by_key.get(f"department:{department.code}")
            events = len(scope.upcoming) if scope else 0
            url = f"{base}/{scope.url}" if scope and events else f"{base}/{state.urls.search}?lieu={department.code}"
            rows.append({"code": department.code, "name": department.name, "url": url, "events": events})
        return rows

    def generate_output(self, writer):
        state, urls = self.state, self.state.urls
        write = self._writer(writer)
        write("index.html", "index", "", upcoming=state.scopes.all.upcoming[: self.settings["HOME_EVENTS"]])
        limit = self.settings["LISTING_MAX_EVENTS"]
        for scope in state.scopes.by_key.values():
            if not scope.page:
                continue
            for archive, events in ((False, scope.upcoming), (True, scope.past)):
                if archive and not events:
                    continue
                listed = events if scope.kind in COMPLETE else events[:limit]
                url = scope.archive_url if archive else scope.url
                write(urls.save_as(url), "listing", url, paginated=listed, scope=scope, archive=archive,
                      cut=len(events) - len(listed))
        for kind, path, heading, lead in TAG_INDEXES:
            url = urls.listing(path)
            write(urls.save_as(url), "tags", url, heading=heading, lead=lead, tag_scopes=state.scopes.of_kind(kind))
        write(urls.save_as(urls.organizers), "organizers", urls.organizers, department=None)
        by_department = state.scopes.organizers_by_department
        for scope in state.scopes.of_kind("department"):  # evenements/<region>/<department>/organisateurs/
            if scope.search["departement"] in by_department:
                url = f"{scope.url}{urls.organizers}"
                write(urls.save_as(url), "organizers", url, department=scope)
        write(urls.save_as(urls.services), "services", urls.services, category=None)
        # filled in the browser from localStorage (theme/static/js/favourites.js): nothing to index
        write(urls.save_as(urls.favourites), "favourites", urls.favourites, noindex=True)
        for category in state.service_categories:
            write(urls.save_as(category.url), "services", category.url, category=category)
        root = Path(self.settings["AGENDA_ROOT"])
        guide = agencies_guide(root)
        write(urls.save_as(urls.guide), "page", urls.guide, page=guide)
        state.outputs.write(f"{urls.guide}{TEMPLATE}", spreadsheet_template())  # the guide links it, and its screenshots
        for picture in guide.pictures:
            state.outputs.write(f"{urls.guide}{picture}", (root / GUIDE).parent.joinpath(picture).read_bytes())

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
