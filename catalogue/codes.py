"""Job and sector codes: ROME (France Travail's job directory) and NAF (INSEE's activity nomenclature).

NAF labels come from npm ``@socialgouv/codes-naf`` (NAF rév. 2, installed by ``npm ci``). For the ROME,
no maintained package is installable here: a code is checked for its shape, shown with the label its
source gives, and with its domain (the first letter) otherwise.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from catalogue.vocabulary import ROME_DOMAINS

NAF_DATA = Path(__file__).resolve().parent.parent / "node_modules/@socialgouv/codes-naf/index.json"
_ROME = re.compile(r"^\s*([A-N])\s?(\d{4})\b[\s:\-–]*(.*)$", re.IGNORECASE)
_NAF = re.compile(r"^(\d{2})\.?(\d{0,2})([A-Z]?)$")


@cache
def naf_labels() -> dict[str, str]:
    if not NAF_DATA.exists():
        raise FileNotFoundError(f"NAF labels not found at {NAF_DATA}: run `npm ci` to install @socialgouv/codes-naf")
    return {row["id"]: row["label"] for row in json.loads(NAF_DATA.read_text(encoding="utf-8"))}


def naf_code(text: str) -> str | None:
    """``56.10A``, ``5610a`` or ``56.10 A`` -> ``56.10A`` when the NAF knows it, else None."""
    match = _NAF.match(re.sub(r"\s", "", text).upper())
    if not match:
        return None
    division, group, letter = match.groups()
    code = division + (f".{group}" if group else "") + letter
    return code if code in naf_labels() else None


def rome_code(text: str) -> tuple[str, str] | None:
    """``G1602 Personnel de cuisine`` -> (``G1602``, ``Personnel de cuisine``); the label may be absent."""
    match = _ROME.match(text)
    if not match:
        return None
    letter, digits, label = match.groups()
    return f"{letter.upper()}{digits}", label.strip()


def rome_label(code: str, label: str = "") -> str:
    return label or f"Métiers du domaine « {ROME_DOMAINS[code[0]]} »"
