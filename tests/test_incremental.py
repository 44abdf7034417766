"""Incremental builds: after each kind of change, the build that links what did not change from the previous one
gives the very bytes of a full build from scratch, and a lost or damaged record only costs a full build."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site


class Chain:
    """One content folder changed step by step; each step is built incrementally from the previous build, and
    from scratch with the same revisions state for comparison."""

    def __init__(self, base: Path, content: Path):
        self.base, self.content = base, content
        self.theme = base / "theme"
        shutil.copytree(ROOT / "theme", self.theme)
        self.state = base / "state"
        self.state.mkdir()
        self.builds = 0
        self.published = self.build(None)

    def build(self, previous: Path | None, state: Path | None = None, **overrides) -> Path:
        self.builds += 1
        output = self.base / f"build-{self.builds}"
        state = state or self.state
        settings = {"THEME": str(self.theme), "AGENDA_REVISIONS": str(state / "revisions.json"),
                    "AGENDA_PREVIOUS_OUTPUT": str(previous) if previous else None, "CACHE_CONTENT": True,
                    "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(state / "cache")}
        build_site(self.content, output, **(settings | overrides))
        return output

    def step(self, **overrides) -> tuple[Path, Path]:
        """(incremental build, full build) of the content as it is now; the incremental one is published."""
        reference = self.base / f"reference-{self.builds}"
        shutil.copytree(self.state, reference, ignore=shutil.ignore_patterns("cache", "outputs.json"))
        previous = self.published
        self.published = self.build(previous, **overrides)
        full = self.build(None, reference, AGENDA_INCREMENTAL=False, LOAD_CONTENT_CACHE=False, **overrides)
        return previous, full

    def event(self, number: int = 0) -> Path:
        return sorted((self.content / "events").rglob("*.md"))[number]


def files(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def assert_same_tree(built: Path, full: Path) -> None:
    assert files(built) == files(full)
    different = [name for name in sorted(files(built)) if not filecmp.cmp(built / name, full / name, shallow=False)]
    assert different == []


def shared(built: Path, previous: Path) -> set[str]:
    """The files of ``built`` that are the previous build's own (hard links: same bytes, same date)."""
    return {name for name in files(built) if (previous / name).exists()
            and os.path.samefile(built / name, previous / name)}


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def chain(sample_site, tmp_path_factory) -> Chain:
    base = tmp_path_factory.mktemp("incremental")
    content = base / "content"
    shutil.copytree(sample_site.output.parent / "content", content)
    return Chain(base, content)


def test_an_unchanged_build_makes_nothing_again(chain):
    previous, full = chain.step()
    assert_same_tree(chain.published, full)
    assert files(chain.published) == shared(chain.published, previous)  # at the same "now": no file written


@pytest.mark.parametrize("change", ["edit", "add", "cancel", "delete", "service", "template", "settings"])
def test_each_change_gives_the_bytes_of_a_full_build(chain, change):
    event = chain.event(3)
    overrides = {}
    if change == "edit":
        replace(event, "\n\n", "\n\nUne phrase ajoutée par l'agence.\n\n")
    elif change == "add":
        text = event.read_text(encoding="utf-8").replace("Uid: ", "Uid: copie-", 1)
        (event.parent / f"copie-{event.name}").write_text(text.replace("Title: ", "Title: Nouveau : ", 1), encoding="utf-8")
    elif change == "cancel":
        replace(event, "Start: ", "Status: cancelled\nStart: ")
    elif change == "delete":
        event.unlink()
    elif change == "service":
        replace(sorted((chain.content / "services").glob("*.md"))[0], "\n\n", "\n\nUn mot de plus.\n\n")
    elif change == "template":
        replace(chain.theme / "templates" / "event.html", "<h2 id=\"details\">Les détails</h2>",
                "<h2 id=\"details\">Les détails de l'événement</h2>")
    else:
        overrides["SITENAME"] = "Agenda de l'emploi (essai)"
    previous, full = chain.step(**overrides)
    assert_same_tree(chain.published, full)
    kept = shared(chain.published, previous)
    total = len(files(chain.published))
    if change == "template":  # every event page changed, nothing else
        changed = files(chain.published) - kept
        assert changed and all(name.startswith("evenement/") and name.endswith(".html") for name in changed)
    elif change == "settings":  # the site's name is on every page: all of them are made again
        assert len(kept) < total / 2
    else:
        assert len(kept) > 0.9 * total, f"{change}: {total - len(kept)} of {total} files changed"


def test_a_lost_or_damaged_record_means_a_full_build_not_a_wrong_site(chain):
    record = chain.state / "outputs.json"
    event = chain.event(5)
    data = json.loads(record.read_text(encoding="utf-8"))
    page = next(unit for unit in data["units"] if unit.startswith("evenement/"))
    data["units"][page][0] = "0" * 32  # a key edited by hand: the checksum no longer matches
    record.write_text(json.dumps(data), encoding="utf-8")
    replace(event, "\n\n", "\n\nEncore une phrase.\n\n")
    full = chain.step()[1]
    assert_same_tree(chain.published, full)
    record.write_text("{not json", encoding="utf-8")  # or lost: the same, nothing to read
    replace(event, "Encore une phrase.", "Une autre phrase.")
    full = chain.step()[1]
    assert_same_tree(chain.published, full)


def test_a_file_missing_from_the_previous_build_is_made_again(chain):
    listed = json.loads((chain.state / "outputs.json").read_text(encoding="utf-8"))["units"]
    lost = next(name for unit, (_, names) in listed.items() if unit.startswith("evenements/") for name in names)
    (chain.published / lost).unlink()
    full = chain.step()[1]
    assert (chain.published / lost).exists()
    assert_same_tree(chain.published, full)


def test_the_published_build_is_never_written_through_a_link(chain):
    """A page made again goes to a new file: the previous build (what the web server reads) keeps its bytes."""
    previous = chain.published
    before = {name: (previous / name).read_bytes() for name in files(previous)}
    replace(chain.event(2), "\n\n", "\n\nModifié.\n\n")
    chain.step()
    assert {name: (previous / name).read_bytes() for name in files(previous)} == before
