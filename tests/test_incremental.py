"""Incremental builds: after each kind of change, the build that links what did not change from the previous one
gives the very bytes of a full build from scratch, and a lost or damaged record only costs a full build."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.incremental import CHANGES, differences, edit, files, replace, written
from tests.conftest import NOW, ROOT, build_site


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
        """Build the content as it is now incrementally (it becomes the published build) and from scratch;
        (the build it was made from, the full build)."""
        reference = self.base / f"reference-{self.builds}"
        shutil.copytree(self.state, reference, ignore=shutil.ignore_patterns("cache", "outputs.json"))
        previous = self.published
        self.published = self.build(previous, **overrides)
        full = self.build(None, reference, AGENDA_INCREMENTAL=False, LOAD_CONTENT_CACHE=False, **overrides)
        return previous, full


def assert_same_tree(built: Path, full: Path) -> None:
    assert differences(built, full) == []


def add_twins(content: Path) -> None:
    """The same titles at the same times in another town: each pair must be listed in one order, whatever the order
    Pelican reads the files in (it changes from one process to the next)."""
    for event in sorted((content / "events").rglob("*.md"))[:8]:
        text = re.sub(r"^Commune: .*$", "Commune: 31000 Toulouse", event.read_text(encoding="utf-8"), count=1,
                      flags=re.M)
        (event.parent / f"jumeau-{event.name}").write_text(text.replace("Uid: ", "Uid: jumeau-", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def chain(sample_site, tmp_path_factory) -> Chain:
    base = tmp_path_factory.mktemp("incremental")
    content = base / "content"
    shutil.copytree(sample_site.output.parent / "content", content)
    add_twins(content)
    return Chain(base, content)


@pytest.mark.parametrize("change", [*CHANGES, "settings"])
def test_each_change_gives_the_bytes_of_a_full_build(chain, change):
    overrides = {"SITENAME": "Agenda de l'emploi (essai)"} if change == "settings" else {}
    CHANGES.get(change, lambda content, theme: None)(chain.content, chain.theme)
    previous, full = chain.step(**overrides)
    assert_same_tree(chain.published, full)
    changed, total = written(chain.published, previous), len(files(chain.published))
    if change == "unchanged":  # at the same "now", nothing is written
        assert changed == []
    elif change == "template":  # every event page changed, nothing else
        assert changed and all(name.startswith("evenement/") and name.endswith(".html") for name in changed)
    elif change == "settings":  # the site's name is on every page: all of them are made again
        assert len(changed) > total / 2
    else:
        assert 0 < len(changed) < 0.1 * total, f"{change}: {len(changed)} of {total} files changed"


def damage(record: Path, how: str) -> None:
    if how == "edited":  # a key edited by hand: the checksum no longer matches
        data = json.loads(record.read_text(encoding="utf-8"))
        data["units"][next(unit for unit in data["units"] if unit.startswith("evenement/"))] = "0" * 32
        record.write_text(json.dumps(data), encoding="utf-8")
    else:  # cut short: nothing to read
        record.write_text(record.read_text(encoding="utf-8")[:1000], encoding="utf-8")


def test_builds_in_processes_that_read_the_files_in_other_orders_give_the_same_bytes(sample_site, tmp_path):
    """Pelican reads the files in an order that changes from one process to the next (a set of paths, ordered by
    the process's string hashing): the site must not follow it, or no build would be like the one before."""
    content = tmp_path / "content"
    shutil.copytree(sample_site.output.parent / "content", content)
    add_twins(content)
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / seed), "-s",
                        str(ROOT / "pelicanconf.py"), "-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"],
                       cwd=ROOT, check=True, capture_output=True, timeout=300,
                       env={**os.environ, "PYTHONHASHSEED": seed, "AGENDA_NOW": NOW,
                            "AGENDA_REVISIONS": str(tmp_path / f"state-{seed}" / "revisions.json")})
    assert_same_tree(tmp_path / "1", tmp_path / "2")


@pytest.mark.parametrize("how", ["edited", "cut short"])
def test_a_damaged_record_means_a_full_build_not_a_wrong_site(chain, caplog, how):
    damage(chain.state / "outputs.json", how)
    replace(sorted((chain.content / "events").rglob("*.md"))[5], "\n\n", f"\n\nRecord {how}.\n\n")
    full = chain.step()[1]
    assert_same_tree(chain.published, full)
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "sorties" in r.getMessage()] == [
        f"agenda : état des sorties périmé ou abîmé ({chain.state / 'outputs.json'}) : tout est reconstruit"]


def test_a_file_missing_from_the_previous_build_is_made_again(chain):
    listed = json.loads((chain.state / "outputs.json").read_text(encoding="utf-8"))["units"]
    lost = next(unit for unit in listed if unit.startswith("evenements/") and unit.endswith("/index.html"))
    (chain.published / lost).unlink()
    full = chain.step()[1]
    assert (chain.published / lost).exists()
    assert_same_tree(chain.published, full)


def test_the_published_build_is_never_written_through_a_link(chain):
    """A page made again goes to a new file: the previous build (what the web server reads) keeps its bytes."""
    previous = chain.published
    before = {name: (previous / name).read_bytes() for name in files(previous)}
    edit(chain.content, chain.theme)
    chain.step()
    assert {name: (previous / name).read_bytes() for name in files(previous)} == before
