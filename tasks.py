"""Developer tasks (invoke): import, check, build, serve, test."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
# Wide log lines so each "fichier:ligne: champ: message" stays on one line.
ENV = {"COLUMNS": "200"}


def pelican_run(c, arguments: str, settings: str = "pelicanconf.py", content=CONTENT, output=OUTPUT) -> None:
    c.run(f"{sys.executable} -m pelican {content} -o {output} -s {ROOT / settings} {arguments}", env=ENV, pty=False)


@task(name="import", iterable=["source"],
      help={"source": "only this source (repeatable)", "today": "import as of this day (samples are rebased to it)"})
def import_events(c, source=None, today=None):
    """Import the sources of sources.toml into content/events/imports/ and content/services/imports/."""
    options = "".join(f" --source {shlex.quote(name)}" for name in source or [])
    options += f" --today {shlex.quote(today)}" if today else ""
    c.run(f"{sys.executable} -m importers --config {ROOT / 'sources.toml'} --content {CONTENT}{options}", pty=False)


@task(help={"content": "content folder to check (default: content/)"})
def check(c, content=str(CONTENT)):
    """List every problem in every agency file; exit non-zero when there is one."""
    from catalogue.geography import geography
    from catalogue.scan import scan

    found = scan(Path(content), geography())
    for problem in found.problems:
        print(problem)
    print(f"{found.files} fichiers vérifiés, {len(found.problems)} problème(s).")
    if found.problems:
        sys.exit(1)


@task(help={"strict": "fail on the first invalid file instead of skipping it",
            "content": "content folder (default: content/)", "output": "output folder (default: output/)"})
def build(c, strict=False, content=str(CONTENT), output=str(OUTPUT)):
    """Build the site into output/ (invalid files are skipped and listed as warnings)."""
    if strict:
        check(c, content=content)  # lists every problem and stops before building
    pelican_run(c, "--fatal warnings" if strict else "", content=content, output=output)


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task(pre=[clean, build])
def rebuild(c):
    """Clean, then build."""


@task
def regenerate(c):
    """Rebuild whenever content or theme changes."""
    pelican_run(c, "--autoreload")


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def serve(c, port=8000):
    """Serve output/ on http://127.0.0.1:8000 (local only)."""
    print(f"Site disponible sur http://127.0.0.1:{port}/ (Ctrl+C pour arrêter)")
    pelican_run(c, f"--listen --bind 127.0.0.1 --port {port}")


@task
def publish(c):
    """Build with production settings (publishconf.py)."""
    pelican_run(c, "--fatal warnings", settings="publishconf.py")


@task(help={"options": "extra pytest options, e.g. '-k feeds -x'"})
def tests(c, options=""):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest {options}", pty=False)


@task
def lint(c):
    """Check the code style with ruff."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
