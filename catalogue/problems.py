"""Problems found in agency files, worded in French for the people who fix them."""

from __future__ import annotations

from dataclasses import dataclass


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
