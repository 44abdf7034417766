"""Writes the DSFR bundle into output/theme/dsfr/ (see bundle.py)."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from .bundle import write_bundle

DEFAULTS = {
    "brand": True,  # the Marianne block (République française); a partner deployment sets False
    "components": ["skiplink", "logo", "header", "footer", "breadcrumb", "link", "button", "card", "tag", "badge",
                   "alert", "pagination", "form", "input", "select", "radio", "checkbox"],
    "fonts": ["Regular", "Bold"],
    "dist": "node_modules/@gouvfr/dsfr/dist",
    "cache": "cache/dsfr",
}


class DsfrGenerator(Generator):
    def generate_context(self):
        self.options = self.settings["DSFR"]  # checked at start-up (check_settings)
        self.context["dsfr"] = self.options

    def generate_output(self, writer):
        root = Path(self.settings["AGENDA_ROOT"])
        write_bundle(root / self.options["dist"], Path(self.output_path) / "theme" / "dsfr",
                     root / self.options["cache"], self.options["components"], self.options["fonts"])
