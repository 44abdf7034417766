"""Writes integrer/: each department's and organiser's upcoming events as JSON (the widget's data, readable from
any origin), the widget script from the theme, the iframe pages (one per department, and one that reads its
address), and the page where a partner makes the snippet."""

from __future__ import annotations

import json
from pathlib import Path

from agenda_core import site_state
from pelican.generators import Generator

from catalogue.vocabulary import AUDIENCES, EVENT_TYPES

from .records import embed_file, record

SCRIPT = "agenda-emploi.js"  # integrer/agenda-emploi.js, from theme/static/js/widget.js
FRAME = "cadre/"  # integrer/cadre/<department>/
FRAME_EVENTS = 20  # the iframe's list without JavaScript: the nearest ones, then a link to every event


class EmbedGenerator(Generator):
    def generate_context(self):
        self.state = site_state(self)

    def data_url(self, scope) -> str:
        """``integrer/departements/31.json``, ``integrer/organisateurs/<organiser>.json``."""
        folder = "departements" if scope.kind == "department" else "organisateurs"
        name = scope.search["departement"] if scope.kind == "department" else scope.path
        return f"{self.state.urls.embed}{folder}/{name}.json"

    def generate_output(self, writer):
        state, urls = self.state, self.state.urls
        records = {id(article): record(article, state.absolute(article.url), state.now)
                   for article in state.scopes.all.upcoming}
        departments = state.scopes.of_kind("department")
        for scope in departments + state.scopes.of_kind("organizer"):
            data = embed_file(scope.title, state.absolute(scope.url), [records[id(a)] for a in scope.upcoming])
            state.outputs.write(self.data_url(scope), json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
        theme = Path(self.settings["THEME"]) / "static" / "js" / "widget.js"
        state.outputs.write(f"{urls.embed}{SCRIPT}", theme.read_bytes())
        frames = f"{urls.embed}{FRAME}"
        write = self._writer(writer)
        write(f"{frames}index.html", "frame", frames, departments=departments, department=None, noindex=True,
              frames=frames, frame_events=FRAME_EVENTS)
        for scope in departments:
            url = f"{frames}{scope.search['departement']}/"
            write(urls.save_as(url), "frame", url, department=scope, noindex=True, frame_events=FRAME_EVENTS,
                  shown=[records[id(article)] for article in scope.upcoming[:FRAME_EVENTS]])
        busiest = max(departments, key=lambda scope: len(scope.upcoming), default=None)  # shown until one is chosen
        write(urls.save_as(urls.embed), "embed", urls.embed, departments=departments, busiest=busiest,
              script=f"{urls.embed}{SCRIPT}",
              frames=frames, types=list(EVENT_TYPES), audiences=list(AUDIENCES),
              campaigns=[scope for scope in state.scopes.of_kind("campaign") if scope.upcoming])

    def _writer(self, writer):
        def write(save_as: str, template: str, url: str, **extra):
            writer.write_file(save_as, self.get_template(template), self.context,
                              relative_urls=self.settings["RELATIVE_URLS"], url=url, template_name=template, **extra)

        return write
