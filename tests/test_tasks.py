"""The invoke tasks a newcomer and an agency use: check and build --strict."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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
    assert result.stdout.strip().endswith("10 fichiers vérifiés, 0 problème(s), 3 avertissement(s).")


def test_check_lists_every_problem_and_fails(tmp_path):
    content = make_content(tmp_path / "content", invalid=True)
    result = invoke("check", "--content", str(content), state=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "19 fichiers vérifiés, 8 problème(s), 11 avertissement(s)."
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
    assert "19 fichiers vérifiés, 8 problème(s), 11 avertissement(s)." in strict.stdout
    assert "Traceback" not in strict.stdout + strict.stderr
    assert not (tmp_path / "strict").exists()


def test_an_interrupted_build_leaves_the_previous_site_serving(tmp_path):
    content = make_content(tmp_path / "content")
    output = tmp_path / "output"
    assert invoke("build", "--content", str(content), "--output", str(output), state=tmp_path).returncode == 0
    before = (output / "index.html").read_bytes()
    assert output.is_symlink()
    many = content / "events" / "beaucoup"
    many.mkdir()
    template = (content / "events" / "forum-montpellier.md").read_text(encoding="utf-8")
    for number in range(3000):  # a build that takes long enough to be killed in the middle
        (many / f"forum-{number}.md").write_text(template.replace("Forum de l'alternance", f"Forum {number}"),
                                                 encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "build", "--content", str(content), "--output", str(output)], cwd=ROOT,
        env={**os.environ, "AGENDA_NOW": NOW, "AGENDA_REVISIONS": str(tmp_path / "revisions.json")},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    builds = tmp_path / "output.builds"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(
            (folder / "evenement").exists() for folder in builds.iterdir() if folder != output.resolve()):
        time.sleep(0.05)  # wait until the new build has started writing pages
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert (output / "index.html").read_bytes() == before
    assert not (output / "evenement" / "forum-1").exists()  # nothing of the killed build is published
    assert invoke("build", "--content", str(content), "--output", str(output), state=tmp_path).returncode == 0
    assert (output / "evenement" / "forum-2999" / "index.html").exists()
    assert len(list(builds.iterdir())) == 2  # the killed build's leftovers are gone; current and previous remain


def test_development_server_listens_on_loopback_only(tmp_path):
    port = 8000 + os.getpid() % 1000
    server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        listening = []
        while time.monotonic() < deadline and not listening:
            time.sleep(0.2)
            listening = [line for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                         if line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A"]
        assert listening, "the server did not start"
        assert all(line.split()[1].startswith("0100007F:") for line in listening)  # 127.0.0.1, not 0.0.0.0
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def test_check_accepts_a_file_written_with_french_keys(tmp_path):
    from tests.test_validation import FRENCH_FILE

    folder = tmp_path / "content" / "events" / "agence"
    folder.mkdir(parents=True)
    (folder / "job-dating.md").write_text(FRENCH_FILE, encoding="utf-8")
    result = invoke("check", "--content", str(tmp_path / "content"), state=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "1 fichiers vérifiés, 0 problème(s), 0 avertissement(s)."


def test_a_yaml_front_matter_file_passes_check_and_is_built(tmp_path):
    from tests.conftest import Site, build_site
    from tests.test_validation import YAML_FILE

    folder = tmp_path / "content" / "events" / "agence"
    folder.mkdir(parents=True)
    (folder / "job-dating.md").write_text(YAML_FILE.replace("2026-12-03", "2026-12-10"), encoding="utf-8")
    result = invoke("check", "--content", str(tmp_path / "content"), state=tmp_path)
    assert result.returncode == 0 and "0 problème(s)" in result.stdout
    page = Site(build_site(tmp_path / "content", tmp_path / "output")).page("evenement/job-dating")
    assert page.select_one("h1").get_text(strip=True) == "Job dating"
    assert "CACES R489" in page.get_text()


def test_check_speaks_gitlab_code_quality_and_junit_for_merge_requests(tmp_path):
    import json
    from xml.etree import ElementTree

    content = make_content(tmp_path / "content", invalid=True)
    gitlab = invoke("check", "--content", str(content), "--format", "gitlab", state=tmp_path)
    entries = json.loads(gitlab.stdout)
    assert gitlab.returncode == 1 and {entry["severity"] for entry in entries} == {"major", "minor"}
    bad_date = next(entry for entry in entries if entry["location"]["path"].endswith("bad-date.md"))
    assert bad_date["location"]["lines"]["begin"] == 2 and bad_date["description"].startswith("Start: le 31/02/2026")
    assert len({entry["fingerprint"] for entry in entries}) == len(entries) == 8 + 11
    report = ElementTree.fromstring(invoke("check", "--content", str(content), "--format", "junit", state=tmp_path).stdout)
    suite = report.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("19", "8")
    assert any(case.get("name").endswith("bad-date.md") and case.find("failure") is not None for case in suite)
