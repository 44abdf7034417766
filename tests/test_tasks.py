"""The invoke tasks a newcomer and an agency use: check and build --strict."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import NOW, make_content

ROOT = Path(__file__).resolve().parent.parent


def invoke(*arguments: str, state: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *arguments], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "AGENDA_NOW": NOW, "AGENDA_REVISIONS": str(state / "revisions.json")}, timeout=300,
    )


def test_check_passes_on_valid_content(tmp_path):
    result = invoke("check", "--content", str(make_content(tmp_path / "content")), state=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("10 fichiers vérifiés, 0 problème(s).")


def test_check_lists_every_problem_and_fails(tmp_path):
    content = make_content(tmp_path / "content", invalid=True)
    result = invoke("check", "--content", str(content), state=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "19 fichiers vérifiés, 8 problème(s)."
    assert "content/events/depots/bad-date.md:2: Start: le 31/02/2026 n'existe pas (attendu: une date comme " \
        "2026-12-03 09:30 ou 03/12/2026 9h30)" in lines
    assert "Traceback" not in result.stdout + result.stderr


def test_build_skips_invalid_files_but_strict_build_fails(tmp_path):
    content = make_content(tmp_path / "content", invalid=True)
    relaxed = invoke("build", "--content", str(content), "--output", str(tmp_path / "out"), state=tmp_path)
    assert relaxed.returncode == 0
    assert "bad-date.md:2: Start: le 31/02/2026 n'existe pas" in relaxed.stdout + relaxed.stderr
    assert (tmp_path / "out/evenement/job-dating-toulouse/index.html").exists()
    strict = invoke("build", "--strict", "--content", str(content), "--output", str(tmp_path / "strict"), state=tmp_path)
    assert strict.returncode == 1
    assert "19 fichiers vérifiés, 8 problème(s)." in strict.stdout
    assert "Traceback" not in strict.stdout + strict.stderr
    assert not (tmp_path / "strict").exists()
