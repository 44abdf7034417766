"""The last valid text of every agency file, kept beside the revisions state: when an edit is refused,
the version already published stays online (and the report says so) until the file is fixed."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from catalogue.files import write_atomic
from catalogue.frontmatter import parse
from catalogue.geography import Geography
from catalogue.problems import Problem
from catalogue.validation import Result, validate_event, validate_service

KEPT = "version refusée : la version déjà publiée reste en ligne jusqu'à correction"


class LastGood:
    def __init__(self, settings: dict):
        revisions = Path(settings["AGENDA_ROOT"]) / settings["AGENDA_REVISIONS"]
        self.folder = revisions.parent / "last-good"

    def remember(self, relative: PurePosixPath, path: Path) -> None:
        """Keep a valid file's text, written only when it changed."""
        text = path.read_text(encoding="utf-8-sig")
        kept = self.folder / relative
        if not kept.exists() or kept.read_text(encoding="utf-8") != text:
            write_atomic(kept, text)

    def recall(self, relative: PurePosixPath, display: str, geo: Geography, refused: Result) -> Result | None:
        """The last valid version of a refused file, carrying the refusal's problems and a note; None without one."""
        kept = self.folder / relative
        if not kept.exists():
            return None
        document = parse(kept.read_text(encoding="utf-8"))
        if relative.parts[0] == "services":
            result = validate_service(document, path=display, relative=relative)
        else:
            result = validate_event(document, path=display, relative=relative, geo=geo)
        if result.item is None:
            return None
        return Result(result.item, [*refused.problems, Problem(display, 1, "fichier", KEPT)], result.warnings)
