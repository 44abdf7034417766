"""Writes the back office into output/admin/: the page, its configuration (config.yml) and communes.json for the
commune field; and Decap CMS's files from the pinned npm package into output/theme/decap/, with the site's scripts."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from agenda_core import site_geography, site_state
from pelican.generators import Generator

from .config import cms_config

DEFAULTS = {
    # Where the CMS saves in production (Decap's backend block): see docs/agencies-back-office.md
    "backend": {"name": "git-gateway", "branch": "main"},
    # folder under content/events -> the agency's name; folders found there are added with their own name
    "agencies": {},
    "local_port": 8081,  # decap-server on 127.0.0.1 (invoke cms)
    "dist": "node_modules/decap-cms/dist",
}
FOLDER = "admin"  # the CMS page; the publishing report lives under it too


def agency_folders(content: Path, named: dict[str, str]) -> dict[str, str]:
    """Every agency folder: those named in the settings and those already under content/events/."""
    events = content / "events"
    found = {path.name: path.name for path in events.iterdir() if path.is_dir() and path.name != "imports"} \
        if events.is_dir() else {}
    return found | named


class CmsGenerator(Generator):
    def generate_context(self):
        self.state = site_state(self)
        self.options = self.settings["AGENDA_CMS"]

    def generate_output(self, writer):
        root = Path(self.settings["AGENDA_ROOT"])
        agencies = agency_folders(Path(self.path), self.options["agencies"])
        config = cms_config(agencies, self.options["backend"], self.options["local_port"])
        outputs = site_state(self).outputs
        outputs.write(f"{FOLDER}/config.yml", ("# Made by the build from the catalogue (plugins/agenda_cms): do not edit\n"
                                              + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)).encode())
        geo = site_geography(self.settings)
        communes = [[c.code, c.name, " ".join(c.postcodes)] for c in sorted(geo.communes.values(), key=_by_size)]
        outputs.write(f"{FOLDER}/communes.json", json.dumps(communes, ensure_ascii=False, separators=(",", ":")).encode())
        for script in sorted((root / self.options["dist"]).glob("*decap-cms.js")):  # and the chunks it loads beside it
            outputs.write(f"theme/decap/{script.name}", script.read_bytes())
        writer.write_file(f"{FOLDER}/index.html", self.get_template("cms"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=f"{FOLDER}/", noindex=True,
                          cms_collections=[collection["name"] for collection in config["collections"]])


def _by_size(commune) -> tuple:
    """Larger communes first, so a few letters suggest Toulouse before Toulouse-le-Château."""
    return (-commune.population, commune.name)
