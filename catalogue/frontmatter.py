"""The header of an agency Markdown file, with the line number of every field: ``Key: value`` lines,
or YAML front matter between ``---`` lines (what Decap CMS and other Git-based editors write)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

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
    with spaces continues the previous value, as in Pelican's Markdown metadata, on a new line of it
    (a programme or a list may give one item per line). A file that
    starts with ``---`` has YAML front matter instead, read by ``_parse_yaml``.
    """
    document = Document()
    lines = text.splitlines()
    if lines and lines[0].lstrip("\ufeff").strip() == "---":
        return _parse_yaml(lines, document)
    current: Field | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            document.body = "\n".join(lines[number:])
            document.body_line = number + 1
            return document
        if line[:1] in (" ", "\t") and current is not None:
            current.value = f"{current.value}\n{line.strip()}".strip()
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


def _parse_yaml(lines: list[str], document: Document) -> Document:
    """YAML front matter, read as text: values stay as written (``20``, ``2026-12-03 09:30``, ``oui``), a list
    becomes ``a; b``, and a mapping of lists (prerequisites by group) ``Permis : B, C ; Âge : 18 ans``."""
    end = next((n for n in range(1, len(lines)) if lines[n].strip() in ("---", "...")), None)
    if end is None:
        document.malformed.append((1, "l'en-tête YAML n'est pas fermé par une ligne « --- »"))
        return document
    document.body = "\n".join(lines[end + 1:])
    document.body_line = end + 2
    try:
        root = yaml.compose("\n".join(lines[1:end]), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        document.malformed.append((line, "en-tête YAML illisible : vérifiez les guillemets, les crochets et "
                                         "l'indentation de cette ligne et de la précédente"))
        return document
    if root is None:
        return document
    if not isinstance(root, yaml.MappingNode):
        document.malformed.append((2, "l'en-tête YAML doit être une suite de « clé: valeur »"))
        return document
    for key_node, value_node in root.value:
        name, number = str(key_node.value).strip(), key_node.start_mark.line + 2
        key = canonical_key(name)
        if key in document.fields:
            document.malformed.append((number, f"le champ {name} est déjà donné ligne {document.fields[key].line}"))
            continue
        document.fields[key] = Field(key, name, _text(value_node), number)
    return document


def _text(node) -> str:
    if isinstance(node, yaml.ScalarNode):
        lines = (" ".join(line.split()) for line in str(node.value).splitlines())  # a block keeps its lines
        return "" if node.tag.endswith(":null") else "\n".join(filter(None, lines))
    if isinstance(node, yaml.SequenceNode):
        return "; ".join(filter(None, map(_text, node.value)))
    if isinstance(node, yaml.MappingNode):
        entries = ((_text(key), _text(value).replace("; ", ", ")) for key, value in node.value)
        return " ; ".join(f"{key} : {value}" for key, value in entries if value)  # a group left empty is no group
    return ""
