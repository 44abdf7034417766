"""A Markdown reader that turns agency files into Pelican content through the catalogue validation."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from agenda_core import site_geography
from pelican.readers import BaseReader

from catalogue.frontmatter import parse
from catalogue.model import Event, Service
from catalogue.text import render_markdown, slugify
from catalogue.validation import load, read_text

from .last_good import LastGood

PROBLEMS_KEY = "agenda_problems"
WARNINGS_KEY = "agenda_warnings"
# Keys a static page (content/pages) may set. No save_as/url: a page's address is its slug, inside the site.
PAGE_KEYS = {"title", "slug", "summary"}


class AgendaReader(BaseReader):
    """Events (``content/events``) and services (``content/services``) go through the model.

    An invalid file comes back with status ``skip`` and its problems, which the plugin logs;
    Pelican then leaves it out without stopping the build.
    """

    enabled = True
    file_extensions = ["md", "markdown"]  # noqa: RUF012 (Pelican reads this class attribute)

    def read(self, source_path):
        root = Path(self.settings["PATH"])
        path = Path(source_path)
        relative = PurePosixPath(path.resolve().relative_to(root.resolve()).as_posix())
        display = str(PurePosixPath(root.name) / relative)
        if relative.parts[0] not in {"events", "services"}:
            return self._read_page(path, display)
        geo = site_geography(self.settings)
        result = load(path, root, geo, display)
        last_good = LastGood(self.settings)
        if result.item is not None:
            last_good.remember(relative, path)
        else:  # a refused edit: the version already published stays, reported with its problems
            result = last_good.recall(relative, display, geo, result) or result
        if result.item is None:
            return "", {"status": "skip", PROBLEMS_KEY: result.problems}
        reported = {PROBLEMS_KEY: result.problems, WARNINGS_KEY: result.warnings}
        if isinstance(result.item, Event):
            return render_markdown(result.item.body), {**self._event_metadata(result.item), **reported}
        return render_markdown(result.item.body), {**self._service_metadata(result.item), **reported}

    def _event_metadata(self, event: Event) -> dict:
        return {
            "title": event.title,
            "date": event.start,
            "slug": event.slug,
            "template": "event",
            "status": "published",
            "url": self.settings["EVENT_URL"].format(slug=event.slug),
            "save_as": self.settings["EVENT_SAVE_AS"].format(slug=event.slug),
            "event": event,
        }

    def _service_metadata(self, service: Service) -> dict:
        return {
            "title": service.title,
            "slug": service.slug,
            "template": "service",
            "status": "published",
            "url": self.settings["SERVICE_URL"].format(slug=service.slug),
            "save_as": self.settings["SERVICE_SAVE_AS"].format(slug=service.slug),
            "service": service,
        }

    def _read_page(self, path: Path, display: str):
        text, problems = read_text(path, display)
        if text is None:
            return "", {"status": "skip", PROBLEMS_KEY: problems}
        document = parse(text)
        metadata = {key: self.process_metadata(key, " ".join(found.value.split()))  # continued lines joined
                    for key, found in document.fields.items() if key in PAGE_KEYS}
        if "slug" in metadata:
            metadata["slug"] = slugify(metadata["slug"]) or slugify(path.stem)
        return render_markdown(document.body), metadata
