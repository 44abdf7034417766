"""The ``Key: value`` header of an agency Markdown file, with the line number of every field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_FIELD = re.compile(r"^(?P<key>[A-Za-zÀ-ÿ][\w\-' ’()]*?)\s*:\s?(?P<value>.*)$")  # "Site de l'organisateur"


@dataclass
class Field:
    key: str  # canonical spelling: lower case, underscores
    name: str  # as written in the file
    value: str
    line: int


@dataclass
class Document:
    fields: dict[str, Field] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    # (line, message) for header lines that are not ``Key: value`` or repeat a key
    malformed: list[tuple[int, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # key -> how an import source names it (a column)


def canonical_key(name: str) -> str:
    """``Registration-End``, ``registration end`` and ``REGISTRATION_END`` are one key."""
    return re.sub(r"[\s\-]+", "_", name.strip()).lower()


def parse(text: str) -> Document:
    """Split a file into header fields and Markdown body.

    The header runs from the first line to the first blank line. A line that starts
    with spaces continues the previous value, as in Pelican's Markdown metadata.
    """
    document = Document()
    lines = text.splitlines()
    current: Field | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            document.body = "\n".join(lines[number:])
            document.body_line = number + 1
            return document
        if line[:1] in (" ", "\t") and current is not None:
            current.value = f"{current.value} {line.strip()}".strip()
            continue
        match = _FIELD.match(line.lstrip("\ufeff"))
        if not match:
            document.malformed.append((number, f"ligne d'en-tête illisible « {line.strip()[:60]} »"))
            current = None
            continue
        key = canonical_key(match.group("key"))
        if key in document.fields:
            first = document.fields[key].line
            document.malformed.append((number, f"le champ {match.group('key')} est déjà donné ligne {first}"))
            current = None
            continue
        current = Field(key, match.group("key").strip(), match.group("value").strip(), number)
        document.fields[key] = current
    document.body_line = len(lines) + 1
    return document
