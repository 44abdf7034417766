"""Every output written once: what the previous build made, from what, and which of its files can be kept.

The build writes into a new folder (``tasks.py`` swaps it in). A *unit* is one call that makes files: one template
rendered (all the pages of a paginated listing), or one set of bytes (an event's calendar, a scope's feeds). Each
unit that can be skipped has a *key*, a digest of everything it is made from (``fingerprints.py``). The record of
the previous build (``unit -> [key, files]``, or ``unit -> key`` for a unit of one file named as the unit; beside the
revisions state) says which units the published build made
from which key: a unit whose key did not change gets the previous build's files as hard links (same bytes, same
modification time, nothing written); another is made again. A file made again with the same bytes is also linked,
so a sync to the web server copies only what changed.

The record names the build folder it describes and carries a checksum of its content: a missing, corrupted or
foreign record, or a previous build that lacks a file, only means that the unit is made again (a full build when
nothing matches), never a wrong site.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from catalogue.files import write_atomic

logger = logging.getLogger(__name__)

RECORD_VERSION = 2


def _checksum(units: dict) -> str:
    return hashlib.sha256(json.dumps(units, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


class Outputs:
    current: Outputs | None = None  # this build's, saved when Pelican has finished (``save_current``)

    def __init__(self, output: Path, previous: Path | None, record: Path, reuse: bool = True):
        self.output = Path(output)
        if previous is not None and (not Path(previous).is_dir() or Path(previous).resolve() == self.output.resolve()):
            previous = None
        self.previous = Path(previous) if previous is not None else None
        self.record = Path(record)
        self.old: dict[str, str | list] = self._load() if reuse and self.previous is not None else {}
        self.new: dict[str, str | list] = {}
        self.counts: Counter = Counter()  # units reused / made; files linked as identical / written
        self.seen: set[str] = set()  # files this build linked or wrote through here
        self.folders: set[str] = set()  # made already
        Outputs.current = self

    def _load(self) -> dict[str, str | list]:
        try:
            data = json.loads(self.record.read_text(encoding="utf-8"))
        except FileNotFoundError:  # a first build, or a state folder started again
            logger.info("agenda : pas d'état des sorties (%s) : tout est construit", self.record)
            return {}
        except (OSError, ValueError):
            data = None
        units = data.get("units") if isinstance(data, dict) else None
        if (not isinstance(units, dict) or data.get("version") != RECORD_VERSION
                or data.get("build") != self.previous.name or data.get("checksum") != _checksum(units)):
            logger.warning("agenda : état des sorties périmé ou abîmé (%s) : tout est reconstruit", self.record)
            return {}
        return units

    def reuse(self, unit: str, key: str | None) -> list[str] | None:
        """The unit's files, linked from the previous build, when it was made from the same inputs; else None."""
        entry = self.old.get(unit) if key is not None else None
        if entry is None or _key(entry) != key:
            return None
        linked, names = [], _files(unit, entry)
        try:
            for name in names:
                self._link(name)
                linked.append(name)
        except OSError:  # the previous build lost a file: make the unit again, over none of its files
            for name in linked:
                (self.output / name).unlink(missing_ok=True)
            return None
        self.seen.update(linked)
        self.new[unit] = entry
        self.counts["units reused"] += 1
        return names

    def made(self, unit: str, key: str | None, files: list[str]) -> None:
        """Record what a unit made (``files`` relative to the output), and keep its unchanged files' dates."""
        for name in files:
            self.keep_if_same(name)
        self._record(unit, key, files)

    def _record(self, unit: str, key: str | None, files) -> None:
        self.counts["units made"] += 1
        if key is not None:  # a unit of one file named as the unit: its key alone (most of them: a smaller record)
            self.new[unit] = key if list(files) == [unit] else [key, sorted(files)]

    def write(self, name: str, data: bytes | Iterable[bytes]) -> None:
        """Write one file of the output (atomically); the previous build's file when the bytes are the same.
        ``data`` may come in parts (a large file is then never whole in memory, and compared once written)."""
        if isinstance(data, bytes) and self.previous is not None and _same(self.previous / name, data):
            self.seen.add(name)
            self._link(name)
            self.counts["files identical"] += 1
            return
        write_atomic(self.output / name, data)
        self.keep_if_same(name)

    def produce(self, unit: str, key: str | None, make) -> None:
        """``make()`` returns ``{name: bytes}``: called only when the unit's key changed."""
        if self.reuse(unit, key) is not None:
            return
        files = make()
        for name, data in files.items():
            self.write(name, data)
        self._record(unit, key, files)

    def keep_if_same(self, name: str) -> None:
        """A file just written with the previous build's bytes becomes a link to it (its date is kept)."""
        self.seen.add(name)
        path, old = self.output / name, self.previous / name if self.previous is not None else None
        try:
            same = old is not None and filecmp.cmp(old, path, shallow=False)
        except OSError:  # no such file in the previous build
            same = False
        if not same:
            self.counts["files written"] += 1
            return
        temporary = path.with_name(f".{path.name}.link")
        temporary.unlink(missing_ok=True)
        os.link(old, temporary)
        os.replace(temporary, path)
        self.counts["files identical"] += 1

    def _link(self, name: str) -> None:
        path = os.path.join(self.output, name)
        folder = os.path.dirname(path)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        try:
            os.link(os.path.join(self.previous, name), path)
        except FileExistsError:
            os.unlink(path)
            os.link(os.path.join(self.previous, name), path)

    def settle(self) -> None:
        """Files written by others (Pelican's copy of the theme's files, the DSFR bundle) keep the previous build's
        file when their bytes are the same."""
        if self.previous is None:
            return
        start = len(str(self.output)) + 1
        for folder, _, files in os.walk(self.output):
            for file in files:
                name = os.path.join(folder, file)[start:]
                if name not in self.seen:
                    self.keep_if_same(name)

    def save(self) -> None:
        """The record of this build, for the next one (written once the build is complete)."""
        self.settle()
        write_atomic(self.record, json.dumps({"version": RECORD_VERSION, "build": self.output.name,
                                              "checksum": _checksum(self.new), "units": self.new},
                                             separators=(",", ":")))
        logger.info("agenda : sorties : %s", ", ".join(f"{count} {what}" for what, count in sorted(self.counts.items())))


def _key(entry: str | list) -> str:
    return entry if isinstance(entry, str) else entry[0]


def _files(unit: str, entry: str | list) -> list[str]:
    return [unit] if isinstance(entry, str) else entry[1]


def save_current(pelican) -> None:
    """Pelican's ``finalized`` signal: the build is complete, its record is written for the next one."""
    if Outputs.current is not None and Outputs.current.output == Path(pelican.output_path):
        Outputs.current.save()
    Outputs.current = None


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
