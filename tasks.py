"""Developer tasks (invoke): import, check, build, serve, test."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from invoke import task

from catalogue.dates import PARIS

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))  # Pelican loads these from PLUGIN_PATHS; tasks reuse the link checker
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


@task(help={"content": "content folder to check (default: content/)",
            "links": "instead, check that every link of the built site (output/) leads somewhere",
            "format": "text (default), gitlab (Code Quality JSON) or junit (XML), for a merge request"})
def check(c, content=str(CONTENT), links=False, format="text"):
    """List every problem in every agency file; exit non-zero when there is one."""
    if links:
        check_links(OUTPUT)
        return
    from catalogue.geography import geography
    from catalogue.problems import gitlab_code_quality, junit
    from catalogue.scan import scan
    from importers.cli import print_summaries
    from importers.dropped import import_dropped

    imported = import_dropped(Path(content), geography, datetime.now(PARIS))  # agencies' spreadsheets, as the build
    if format == "text":
        print_summaries(imported)
    found = scan(Path(content), geography())
    if format == "gitlab":
        print(gitlab_code_quality(found.problems, found.warnings), end="")
    elif format == "junit":
        print(junit(found.problems, found.files), end="")
    else:
        for problem in found.problems:
            print(problem)
        for warning in found.warnings:
            print(f"{warning.path}:{warning.line}: avertissement : {warning.detail()}")
        print(f"{found.files} fichiers vérifiés, {len(found.problems)} problème(s), "
              f"{len(found.warnings)} avertissement(s).")
    if found.problems or any(summary.error or summary.rejected for summary in imported):
        sys.exit(1)


def check_links(output: Path) -> None:
    from agenda_linkcheck import broken_links
    from pelican.settings import read_settings

    public = read_settings(str(ROOT / "pelicanconf.py"))["SITE_PUBLIC_URL"]
    broken = broken_links(output, public)
    for link in broken:
        print(f"lien cassé : {link}")
    print(f"{sum(1 for _ in output.rglob('*.html'))} pages vérifiées, {len(broken)} lien(s) cassé(s).")
    if broken:
        sys.exit(1)


@task(help={"strict": "fail on the first invalid file instead of skipping it",
            "full": "make every page again, without the previous build's record nor the content cache",
            "content": "content folder (default: content/)", "output": "output folder (default: output/)"})
def build(c, strict=False, full=False, content=str(CONTENT), output=str(OUTPUT)):
    """Build the site into output/, again only what changed (invalid files are skipped and listed as warnings)."""
    if strict:
        check(c, content=content)  # lists every problem and stops before building
    build_and_swap(c, "--fatal warnings" if strict else "", content=content, output=Path(output), full=full)


def build_and_swap(c, arguments: str, *, content=CONTENT, output: Path = OUTPUT, settings="pelicanconf.py",
                   full=False) -> None:
    """Build into a new folder; only a complete build replaces the published one. The published build is the
    previous one: what did not change is linked from it (plugins/agenda_core/outputs.py), unless ``full``."""
    previous = output.resolve() if output.is_symlink() and output.exists() else None
    staging = new_build_folder(output)
    if previous is not None:
        arguments += f" -e AGENDA_PREVIOUS_OUTPUT={shlex.quote(json.dumps(str(previous)))}"
    if full:
        arguments += " -e AGENDA_INCREMENTAL=false --ignore-cache"
    pelican_run(c, arguments, settings=settings, content=content, output=staging)
    publish_build(staging, output)


def new_build_folder(output: Path) -> Path:
    """A fresh folder beside the previous builds; unfinished ones left by a killed build are removed."""
    builds = output.parent / f"{output.name}.builds"
    builds.mkdir(parents=True, exist_ok=True)
    builds.chmod(0o755)  # the web server walks through it to the published build
    current = output.resolve() if output.is_symlink() else None
    for folder in builds.iterdir():
        if folder != current:
            shutil.rmtree(folder, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%dT%H%M%S-"), dir=builds))


def publish_build(staging: Path, output: Path) -> None:
    """Point ``output`` at the finished build in one atomic rename: the site is never half-built.

    ``output`` is a symbolic link to the current build; a server reading it sees the old build or
    the new one, never a mix. The previous build is removed at the next build.
    """
    make_world_readable(staging)
    if output.exists() and not output.is_symlink():  # a plain folder from an older version: set it aside
        shutil.rmtree(output)
    link = output.parent / f".{output.name}.link"
    link.unlink(missing_ok=True)
    link.symlink_to(staging.relative_to(output.parent), target_is_directory=True)
    os.replace(link, output)


def make_world_readable(folder: Path) -> None:
    """Folders 0755 and files 0644 whatever the builder's umask (``mkdtemp`` makes 0700): a web server
    running as another user (nginx's www-data) can read the site, and nobody else can change it."""
    folder.chmod(0o755)
    for parent, folders, files in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(parent, name), 0o755)
        for name in files:
            os.chmod(os.path.join(parent, name), 0o644)


@task
def clean(c):
    """Remove the generated site, its builds and the content cache."""
    if OUTPUT.is_symlink():
        OUTPUT.unlink()
    shutil.rmtree(OUTPUT, ignore_errors=True)
    shutil.rmtree(OUTPUT.parent / f"{OUTPUT.name}.builds", ignore_errors=True)
    shutil.rmtree(ROOT / "cache" / "pelican", ignore_errors=True)


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


@task(help={"port": "the site's port on 127.0.0.1 (default 8000); the CMS proxy listens on 127.0.0.1:8081",
            "workflow": "keep each entry on a Git branch of this repository until it is published (editorial workflow)"})
def cms(c, port=8000, workflow=False):
    """The back office on this working copy: decap-server on 127.0.0.1, and the site rebuilt as files change."""
    import subprocess

    environment = os.environ | {"MODE": "git" if workflow else "fs", "PORT": "8081", "BIND_HOST": "127.0.0.1",
                                "GIT_REPO_DIRECTORY": str(ROOT)}
    proxy = subprocess.Popen(["node", str(ROOT / "node_modules/decap-server/dist/index.js")], env=environment)
    try:
        print(f"Formulaire de publication : http://127.0.0.1:{port}/admin/ (Ctrl+C pour arrêter)")
        pelican_run(c, f"--autoreload --listen --bind 127.0.0.1 --port {port}")
    finally:
        proxy.terminate()


@task(help={"full": "make every page again (see build)"})
def publish(c, full=False):
    """Build with production settings (publishconf.py)."""
    check(c)
    build_and_swap(c, "--fatal warnings", settings="publishconf.py", full=full)


@task(help={"options": "extra pytest options, e.g. '-k feeds -x'"})
def tests(c, options=""):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest {options}", pty=False)


@task(help={"size": "how many events to generate (default 10000)",
            "workdir": "where the generated events are kept between runs"})
def relevance(c, size=10000, workdir="/tmp/agenda-relevance"):
    """Rank the labelled queries among SIZE generated events with the staff engine: each miss of the tuning half,
    and both halves' MRR and recall@5 (benchmarks/relevance.py)."""
    from benchmarks.relevance import tune

    print("\n".join(tune(int(size), Path(workdir))))


@task(help={"sizes": "comma-separated event counts (default 1000,10000,50000)",
            "output": "folder for results.md and results.json (default benchmarks/)",
            "workdir": "scratch folder for the generated sites (default a temporary folder)"})
def bench(c, sizes="1000,10000,50000", output=str(ROOT / "benchmarks"), workdir=None):
    """Measure full and incremental builds against bare Pelican, output size, memory, import speed."""
    from benchmarks.run import run

    counts = [int(size) for size in sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="agenda-bench-", dir=workdir) as scratch:
        results = run(counts, Path(scratch), Path(output), command=f"invoke bench --sizes {sizes}")
    print((Path(output) / "results.md").read_text(encoding="utf-8"))
    return results


@task(help={"query": "the words to look for", "region": "region code or name", "type": "event type (job-dating…)",
            "services": "search the services instead of the events",
            "lieu": "around a commune (name, postcode or INSEE code) or in a department (87, 2A, 974)",
            "rayon": "kilometres around the commune (default 30)", "tri": "distance: nearest first"})
def search(c, query, region="", type="", services=False, lieu="", rayon=30, tri=""):
    """Search the index of the last build (output/recherche/index/), as the site's search page does."""
    from catalogue.geography import geography
    from catalogue.search.query import Index

    index = Index(OUTPUT / "recherche" / "index")
    found_region = geography().region(region) if region else None
    if region and found_region is None:
        sys.exit(f"région inconnue : {region}")
    if lieu and index.place(lieu) is None:
        sys.exit(f"lieu inconnu : {lieu} (une commune, un code postal ou un numéro de département)")
    found = index.find(query, kind="s" if services else "e", region=found_region.code if found_region else "",
                       type=type, lieu=lieu, rayon=int(rayon), tri=tri)
    if found.place:
        around = "dans" if found.place["kind"] == "departement" else f"à moins de {rayon} km de"
        words = f", pour « {found.words.strip()} »" if found.words.strip() else ""
        print(f"Événements {around} {found.place['label']}{words}")
    for title, documents in (("", found.documents), ("Plus loin, les plus proches :", found.nearest),
                             ("À distance, où que vous soyez :", found.online)):
        if title and documents:
            print(title)
        for doc in documents[:20]:
            distance = f"à {doc['d']} km" if "d" in doc else ""
            print(f"{doc.get('w', doc.get('c', '')):<32} {doc['t']} — {doc['p']} {distance}  {doc['u']}")
    print(f"{len(found.documents)} résultat(s).")


@task
def lint(c):
    """Check the code style with ruff."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
