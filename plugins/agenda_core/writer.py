"""Pelican's writer, made incremental: a page made from the same inputs as in the previous build is not rendered
again (its files are linked from the previous build), and a page rendered again with the same bytes keeps the
previous file (``outputs.py``). Installed through the ``get_writer`` signal."""

from __future__ import annotations

import os
from collections import ChainMap
from contextlib import suppress

from pelican import signals
from pelican.writers import Writer

from . import fingerprints
from .state import KEY


def page_key(state, template, kwargs: dict, paginated: dict | None) -> str | None:
    """The key of a page that can be skipped (``fingerprints``), None for the others."""
    if template.name == "event.html" and "article" in kwargs:
        local = fingerprints.event_page(state, kwargs["article"])
    elif template.name == "listing.html" and paginated:
        local = fingerprints.listing(state, kwargs["scope"], paginated["events"], kwargs["archive"], kwargs["cut"])
    else:
        return None
    templates = state.template_digests
    if template.name not in templates:
        templates[template.name] = fingerprints.template_digest(template.environment, template.name)
    return fingerprints.digest(state.build_key, templates[template.name], local)


class AgendaWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self._made: list[str] | None = None

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        state = context.get(KEY)
        if not name or state is None:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        key = page_key(state, template, kwargs, paginated)
        reused = state.outputs.reuse(name, key)
        if reused is not None:
            for file in reused:  # the sitemap lists the pages written
                signals.content_written.send(os.path.join(self.output_path, file),
                                             context=ChainMap({"output_file": file}, kwargs, context))
            return None
        self._made = []
        try:
            super().write_file(name, template, context, relative_urls, paginated, template_name, override_output,
                               url, **kwargs)
        finally:
            made, self._made = self._made, None
        state.outputs.made(name, key, [os.path.relpath(path, self.output_path) for path in made])
        return None

    def _open_w(self, filename, encoding, override=False):
        if filename not in self._overridden_files:
            with suppress(FileNotFoundError):  # a link to the previous build's file: never write through it
                os.unlink(filename)
            if self._made is not None:
                self._made.append(filename)
        return super()._open_w(filename, encoding, override)


def get_writer(pelican):
    return AgendaWriter
