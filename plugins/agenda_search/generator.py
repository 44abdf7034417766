"""Pelican plugin side of the search: the index of the build's upcoming events and services
(``catalogue.search``), the search page and "Mes préférences"."""

from __future__ import annotations

import pickle
from pathlib import Path

from agenda_core import fingerprints, site_geography, site_state
from agenda_core.fingerprints import digest
from pelican.generators import Generator

from catalogue.files import write_atomic
from catalogue.geography import geography
from catalogue.search.documents import Entry
from catalogue.search.facets import FACETS
from catalogue.search.index import build_index, serialised
from catalogue.search.places import DEFAULT_RADIUS, FOLDER, RADII, place_files
from catalogue.text import fold, html_to_text
from catalogue.vocabulary import AUDIENCES, EVENT_TYPES

MEMO = "agenda-search-documents.pickle"  # in CACHE_PATH
# Collectivities with their own employment services (or nobody living there): not offered as preferences.
OUTSIDE_NETWORK = {"984", "986", "987", "988", "989"}


class SearchGenerator(Generator):
    """Upcoming events and services; past events stay in the archives, found through the listings."""

    def generate_context(self):
        self.state = site_state(self)
        self.context["search_facets"] = FACETS
        self.context["search_places"] = {"radii": RADII, "radius": DEFAULT_RADIUS}

    def generate_output(self, writer):
        state = self.state
        memo = self.memo()
        events = [self.entry(a, a.event, memo) for a in state.scopes.all.upcoming if not a.event.is_past(state.now)]
        services = [self.entry(p, p.service, memo) for p in state.services]
        root = state.urls.search_index
        state.outputs.produce(f"{root}{FOLDER}/", digest(state.build_key, FOLDER),  # from the geography only
                              lambda: {f"{root}{name}": data for name, data
                                       in serialised(place_files(site_geography(self.settings))).items()})
        manifest, files = build_index(events, services, state.now, memo)
        for name, data in serialised({"manifest.json": manifest, **files}).items():
            state.outputs.write(f"{root}{name}", data)
        if self.settings["CACHE_CONTENT"]:
            write_atomic(Path(self.settings["CACHE_PATH"]) / MEMO, pickle.dumps(memo, pickle.HIGHEST_PROTOCOL))
        # the preferences are filled and saved in the browser (theme/static/js/preferences-form.js)
        personal = {**self.choices(), "noindex": True}
        for url, template, extra in ((state.urls.search, "search", {}), (state.urls.preferences, "preferences",
                                                                          personal)):
            writer.write_file(state.urls.save_as(url), self.get_template(template), self.context,
                              relative_urls=self.settings["RELATIVE_URLS"], url=url, **extra)

    def memo(self) -> dict:
        """The documents of the last build (a build cache beside Pelican's content cache, read and written with it)."""
        if not self.settings["LOAD_CONTENT_CACHE"]:
            return {}
        try:
            found = pickle.loads((Path(self.settings["CACHE_PATH"]) / MEMO).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def entry(self, page, item, memo: dict) -> Entry:
        """What the index shows and matches of an event's or a service's page; its text is read only when its
        document is not in the memo (its key: everything the page is made from)."""
        key = digest(self.state.build_key, fingerprints.item(page, self.state))
        return Entry(item, f"/{page.url}", "" if key in memo else html_to_text(page.content), key)

    @staticmethod
    def choices() -> dict:
        """What "Mes préférences" offers: every department by region, the event types, the audiences."""
        regions: dict = {}
        for department in sorted(geography().departments.values(), key=lambda d: d.code):
            if department.region.code not in OUTSIDE_NETWORK:
                regions.setdefault(department.region, []).append(department)
        return {"preference_regions": sorted(regions.items(), key=lambda item: fold(item[0].name)),
                "preference_types": list(EVENT_TYPES), "preference_audiences": list(AUDIENCES)}
