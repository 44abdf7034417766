"""The changes an agency or a developer makes between two builds, and how an incremental build is checked: the same
files with the same bytes as a full build of the same content, and how many files it wrote (the others are the
previous build's, linked). Used by ``invoke bench`` at every size and by ``tests/test_incremental.py``."""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

# what the benchmark times, in this order, each on the content the previous one left
SCENARIOS = ("unchanged", "edit", "add", "cancel", "template")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{path}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def an_event(content: Path) -> Path:
    return sorted((content / "events").rglob("*.md"))[3]


def edit(content: Path, theme: Path) -> None:
    """An agency adds a sentence to an event's description."""
    replace(an_event(content), "\n\n", "\n\nUne phrase ajoutée par l'agence.\n\n")


def add(content: Path, theme: Path) -> None:
    """A new event, beside the one it was copied from (its own identifier and title)."""
    event = an_event(content)
    text = event.read_text(encoding="utf-8").replace("Uid: ", "Uid: copie-", 1).replace("Title: ", "Title: Nouveau : ", 1)
    (event.parent / f"copie-{event.name}").write_text(text, encoding="utf-8")


def cancel(content: Path, theme: Path) -> None:
    replace(an_event(content), "Start: ", "Status: cancelled\nStart: ")


def delete(content: Path, theme: Path) -> None:
    an_event(content).unlink()


def service(content: Path, theme: Path) -> None:
    replace(sorted((content / "services").rglob("*.md"))[0], "\n\n", "\n\nUn mot de plus.\n\n")


def template(content: Path, theme: Path) -> None:
    """A developer renames a heading of the event page: every event page changes, nothing else."""
    replace(theme / "templates" / "event.html", '<h2 id="details">Les détails</h2>',
             '<h2 id="details">Les détails de l\'événement</h2>')


CHANGES = {"unchanged": lambda content, theme: None, "edit": edit, "add": add, "cancel": cancel, "delete": delete,
           "service": service, "template": template}


def files(folder: Path) -> list[str]:
    start = len(str(folder)) + 1
    return sorted(os.path.join(parent, name)[start:] for parent, _, names in os.walk(folder) for name in names)


def differences(built: Path, full: Path) -> list[str]:
    """The files only one of the two builds has, or that differ in a byte."""
    mine, theirs = files(built), files(full)
    if mine != theirs:
        return sorted(set(mine) ^ set(theirs))
    return [name for name in mine if not filecmp.cmp(built / name, full / name, shallow=False)]


def written(built: Path, previous: Path) -> list[str]:
    """The files of ``built`` that are not the previous build's own file (a hard link: same bytes, same date)."""
    found = []
    for name in files(built):
        try:
            if os.path.samefile(built / name, previous / name):
                continue
        except FileNotFoundError:
            pass
        found.append(name)
    return found
