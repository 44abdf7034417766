"""Problems found in agency files, worded in French for the people who fix them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from xml.etree import ElementTree


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: ``fichier:ligne: champ: ce qui ne va pas (attendu: …)``."""

    path: str
    line: int
    field: str
    message: str
    expected: str = ""

    def detail(self) -> str:
        """The problem without its place: ``champ: ce qui ne va pas (attendu: …)``."""
        text = f"{self.field}: {self.message}"
        return f"{text} (attendu: {self.expected})" if self.expected else text

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.detail()}"


def gitlab_code_quality(problems: list[Problem], warnings: list[Problem]) -> str:
    """The problems as a GitLab Code Quality report, so that a merge request shows them where the file changed."""
    entries = [{
        "description": problem.detail(), "check_name": "agenda-emploi",
        "fingerprint": hashlib.sha256(str(problem).encode("utf-8")).hexdigest()[:32],
        "severity": severity, "location": {"path": problem.path, "lines": {"begin": problem.line}},
    } for found, severity in ((problems, "major"), (warnings, "minor")) for problem in found]
    return json.dumps(entries, ensure_ascii=False, indent=1) + "\n"


def junit(problems: list[Problem], files: int) -> str:
    """The problems as a JUnit report: one failing test case per refused file, each problem a failure."""
    by_path: dict[str, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    root = ElementTree.Element("testsuites")
    suite = ElementTree.SubElement(root, "testsuite", name="agenda-emploi", tests=str(files),
                                   failures=str(len(by_path)))
    for path, found in by_path.items():
        case = ElementTree.SubElement(suite, "testcase", classname="agenda-emploi", name=path)
        for problem in found:
            ElementTree.SubElement(case, "failure", message=problem.detail()).text = str(problem)
    return ElementTree.tostring(root, encoding="unicode") + "\n"
