"""The publishing report: every agency file the build refused or warned about, by folder (an agency's, or an
import source's), with the French message, the line and how to fix it; a page for staff and its JSON."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from pathlib import Path, PurePosixPath

from agenda_core import site_state
from pelican.generators import Generator

from catalogue.files import IMPORT_REPORT

REPORT_KEY = "agenda_report"  # in Pelican's shared context: {file: [(level, Problem)]}
LEVELS = {"refused": "refusé", "warning": "avertissement"}


def record(context: dict, level: str, problems) -> None:
    """Keep each problem for the report, once per file and message (a cached file is read again)."""
    found = context.setdefault(REPORT_KEY, {})
    for problem in problems:
        entries = found.setdefault(problem.path, [])
        if (level, problem) not in entries:
            entries.append((level, problem))


def folders(context: dict) -> list[dict]:
    """Folders in order, each with its files' problems by file name: refused ones first, then line by line."""
    by_folder: dict[str, list[dict]] = defaultdict(list)
    for path, entries in sorted(context.get(REPORT_KEY, {}).items()):  # in the order read: cached ones first
        for level, problem in sorted(entries, key=lambda entry: (entry[0] != "refused", entry[1].line)):
            by_folder[str(PurePosixPath(path).parent)].append({
                "file": PurePosixPath(path).name, "path": path, "line": problem.line, "field": problem.field,
                "level": level, "message": problem.message, "fix": problem.expected})
    return [{"folder": folder, "refused": len({e["path"] for e in found if e["level"] == "refused"}),
             "problems": found} for folder, found in sorted(by_folder.items())]


def imports(content: Path) -> list[dict]:
    """What each import's last run said (``importers`` writes it beside the source's files), by source name."""
    found = []
    for path in sorted(content.glob(f"*/imports/*/{IMPORT_REPORT}")):  # events/imports/<source>/, services/…
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")) | {"dossier": str(path.parent.relative_to(content))})
        except (OSError, ValueError):
            continue  # a report being replaced or damaged: the next import writes it again
    return sorted(found, key=lambda run: run["source"])


class ReportGenerator(Generator):
    """Writes the report page (``AGENDA_URLS["report"]``, kept out of the sitemap and of robots) and its JSON."""

    def generate_context(self):
        self.state = site_state(self)

    def generate_output(self, writer):
        url = self.state.urls.report
        found, runs = folders(self.context), imports(Path(self.path))
        shown = [run | {"when": datetime.fromisoformat(run["importe_le"]).astimezone(self.state.now.tzinfo)}
                 for run in runs]
        merged = [scope for scope in self.state.scopes.of_kind("organizer") if scope.organiser and scope.organiser.merged]
        writer.write_file(self.state.urls.save_as(url), self.get_template("report"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], url=url, noindex=True, folders=found,
                          imports=shown, merged=merged, template_name="report")
        data = {"genere_le": self.state.now.isoformat(), "imports": runs, "organisateurs_reunis": [
            {"organisateur": scope.title, "adresse": self.state.absolute(scope.url),
             "graphies": [{"nom": name, "evenements": count} for name, count in scope.organiser.spellings.most_common()]}
            for scope in merged], "dossiers": [
            {"dossier": folder["folder"], "fichiers_refuses": folder["refused"],
             "problemes": [{"fichier": p["path"], "ligne": p["line"], "champ": p["field"],
                            "niveau": LEVELS[p["level"]], "message": p["message"], "correction": p["fix"]}
                           for p in folder["problems"]]} for folder in found]}
        self.state.outputs.write(f"{url}rapport.json", (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())
