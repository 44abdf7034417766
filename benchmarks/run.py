"""The benchmark suite behind ``invoke bench``: builds, baseline, incremental rebuilds, output, imports.

Every size is measured in one run of this script, each build in a child process of its own (so its
peak memory is its own), and our full build is reported as a ratio to bare Pelican building the same
number of plain articles of the same text on the same machine in the same run.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from catalogue.dates import PARIS
from catalogue.frontmatter import parse
from catalogue.geography import geography
from importers.base import Context, SourceConfig
from importers.fetch import Fetcher
from importers.francetravail import FranceTravailImporter

from .generate import generate
from .incremental import CHANGES, SCENARIOS, differences, written
from .output_parts import PARTS, output_parts
from .relevance import labelled
from .search_compare import ENGINES, FIRST_QUERIES, PLACE_QUERIES, compare

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 12, 1, 8, 0, tzinfo=PARIS)


def timed_build(content: Path, output: Path, settings: Path, *overrides: str, env: dict | None = None) -> dict:
    command = [sys.executable, "-m", "benchmarks.timed_build", str(content), str(output), str(settings), *overrides]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True,
                            env={**os.environ, **(env or {})})
    return json.loads(result.stdout.strip().splitlines()[-1])


def api_items(content: Path) -> list[dict]:
    """The generated events as items of the France Travail events API (its ``EvenementEmploiDto`` shape)."""
    items = []
    for number, path in enumerate(sorted((content / "events").rglob("*.md")), start=1):
        document = parse(path.read_text(encoding="utf-8"))
        field = {key: found.value for key, found in document.fields.items()}
        start = datetime.fromisoformat(field["start"]).replace(tzinfo=PARIS)
        commune, online = field.get("commune", ""), bool(field.get("url"))
        items.append({
            "id": number, "titre": field["title"], "dateEvenement": start.isoformat(timespec="milliseconds"),
            "heureDebut": f"{start:%H:%M}:00", "heureFin": f"{field['end'][-5:]}:00", "timezone": "Europe/Paris",
            "description": "".join(f"<p>{paragraph}</p>" for paragraph in document.body.split("\n\n")),
            **({"codeInsee": commune} if commune.isdigit() else {"ville": commune}),
            "modalites": (["en physique"] if commune else []) + (["à distance"] if online else []),
            "type": field["type"], "libelleOrganisateurPrincipal": field["organizer"],
            "urlDetailEvenement": field.get("url") or f"https://evenements.example.org/{number}",
        })
    return items


def import_throughput(folder: Path) -> dict:
    items = api_items(folder / "content")
    (folder / "api.json").write_text(json.dumps({"totalElements": len(items), "content": items}), encoding="utf-8")
    context = Context(folder, folder / "imported", geography(), NOW, Fetcher())
    started = time.perf_counter()
    summary = FranceTravailImporter(SourceConfig("api", "francetravail", "api.json"), context).run()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "created": summary.created, "rejected": summary.rejected,
            "events_per_second": summary.created / seconds if seconds else 0.0}


def staff_search(output: Path) -> dict:
    """The staff CLI's query time on the index the build wrote (the browser's figures are in compare)."""
    from catalogue.search.query import Index

    index, timings = Index(output / "recherche" / "index"), []
    for query in FIRST_QUERIES * 3:
        started = time.perf_counter()
        index.search(query)
        timings.append(time.perf_counter() - started)
    timings.sort()
    return {"staff_query_ms_median": 1000 * timings[len(timings) // 2],
            "staff_query_ms_p95": 1000 * timings[int(len(timings) * 0.95)]}


def rebuilds(folder: Path, settings: tuple[str, ...], env: dict) -> tuple[list[dict], Path]:
    """Each of ``SCENARIOS`` in turn: the change, a build from the previous one (timed) and a full build of the same
    content from the same revisions state, compared file by file; (one row per scenario, the last build)."""
    previous, rows = folder / "build-0", []
    reference = folder / "reference"
    for number, scenario in enumerate(SCENARIOS, start=1):
        CHANGES[scenario](folder / "content", folder / "theme")
        shutil.rmtree(reference, ignore_errors=True)
        reference.mkdir()
        shutil.copy2(folder / "revisions.json", reference / "revisions.json")
        built = folder / f"build-{number}"
        timing = timed_build(folder / "content", built, ROOT / "pelicanconf.py", *settings,
                             f"AGENDA_PREVIOUS_OUTPUT={previous}", env=env)
        full = None if scenario == "unchanged" else timed_build(  # unchanged: the previous build is a full build
            folder / "content", reference / "output", ROOT / "pelicanconf.py", f"THEME={folder / 'theme'}",
            "CACHE_CONTENT=False", "LOAD_CONTENT_CACHE=False", "AGENDA_INCREMENTAL=False",
            env={**env, "AGENDA_REVISIONS": str(reference / "revisions.json")})
        different = differences(built, reference / "output" if full else previous)
        rows.append({"scenario": scenario, "seconds": timing["seconds"], "peak_rss_mib": timing["max_rss_kib"] / 1024,
                     "parts": timing["parts"], "files_written": len(written(built, previous)),
                     "files": timing["files"], "full_seconds": full["seconds"] if full else None,
                     "identical": not different, "differences": different[:20]})
        shutil.rmtree(previous)
        shutil.rmtree(reference / "output", ignore_errors=True)
        previous = built
    shutil.rmtree(reference)
    return rows, previous


def measure(size: int, workdir: Path, services: int) -> dict:
    folder = workdir / str(size)
    shutil.rmtree(folder, ignore_errors=True)  # no content, cache, state or build of an earlier run
    started = time.perf_counter()
    generate(folder, size, services, now=NOW)
    generation = time.perf_counter() - started
    shutil.copytree(ROOT / "theme", folder / "theme")  # the template change edits this copy
    ours_env = {"AGENDA_NOW": NOW.strftime("%Y-%m-%d %H:%M"), "AGENDA_REVISIONS": str(folder / "revisions.json")}
    settings = ("CACHE_CONTENT=True", "LOAD_CONTENT_CACHE=True", f"CACHE_PATH={folder / 'cache'}",
                f"THEME={folder / 'theme'}")
    ours = timed_build(folder / "content", folder / "build-0", ROOT / "pelicanconf.py", *settings, env=ours_env)
    parts = output_parts(folder / "build-0")
    baseline = timed_build(folder / "baseline", folder / "baseline-output", ROOT / "benchmarks" / "baseline_settings.py")
    imports = import_throughput(folder)  # the generated events, before the changes below
    incremental, output = rebuilds(folder, settings, ours_env)
    engines = compare(output, folder / "content", folder)
    engines["ours"]["build_seconds"] = ours["parts"].get("search index", 0.0)  # measured inside our full build
    edit = next(row for row in incremental if row["scenario"] == "edit")
    return {
        "events": size, "services": services, "generation_seconds": generation,
        "full_build_seconds": ours["seconds"], "peak_rss_mib": ours["max_rss_kib"] / 1024,
        "peak_mib_after": ours["peak_mib_after"],
        "baseline_seconds": baseline["seconds"], "baseline_peak_rss_mib": baseline["max_rss_kib"] / 1024,
        "ratio_to_baseline": ours["seconds"] / baseline["seconds"],
        "incremental_seconds": edit["seconds"], "incremental_ratio": edit["seconds"] / ours["seconds"],
        "incremental": incremental,
        "output_files": ours["files"], "output_bytes": ours["bytes"], "output_parts": parts, "parts": ours["parts"],
        "import": imports,
        "search": {**staff_search(output), "engines": engines},
    }


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
            "date": datetime.now(PARIS).strftime("%Y-%m-%d %H:%M")}


def table(results: dict) -> str:
    rows = results["sizes"]
    lines = [
        "# Benchmark results", "",
        f"Command: `{results['command']}` — {results['machine']['date']}, Python {results['machine']['python']}, "
        f"{results['machine']['cpus']} cores, {results['machine']['memory_gib']} GiB, {results['machine']['platform']}.",
        "Each build runs in its own process; times are wall-clock seconds from one run; the baseline is bare Pelican "
        "(stock settings, default theme, no plugins) building the same number of plain articles of the same text.", "",
        "| events | full build (s) | bare Pelican (s) | ratio | one-event edit (s) | edit / full | peak RSS (MiB) "
        "| output files | output (MB) | import (events/s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['events']:,} | {row['full_build_seconds']:.1f} | {row['baseline_seconds']:.1f} | "
            f"{row['ratio_to_baseline']:.2f}× | {row['incremental_seconds']:.1f} | {row['incremental_ratio']:.0%} | "
            f"{row['peak_rss_mib']:.0f} | {row['output_files']:,} | {row['output_bytes'] / 1e6:.0f} | "
            f"{row['import']['events_per_second']:.0f} |".replace(",", " "))
    if len(rows) > 1:
        first, last = rows[-2], rows[-1]
        lines += ["", f"Growth: {last['events']:,} / {first['events']:,} events took "
                      f"{last['full_build_seconds'] / first['full_build_seconds']:.2f}× the time "
                      f"({last['events'] / first['events']:.0f}× the events).".replace(",", " ")]
    lines += ["", "Incremental builds (`benchmarks/incremental.py`): each change in turn on the content the previous one "
              "left, built from the previous build (Pelican's content cache and the record of the outputs), then "
              "built from scratch (no cache, no record) from the same revisions state and compared file by file "
              "(\"unchanged\": compared with the first full build, of the same content). "
              "Files written: those that are not the previous build's file (a hard link).", "",
              "| events | change | incremental (s) | / first full build | full build of the same content (s) | "
              "files written | of files | peak RSS (MiB) | byte-identical |", "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    for row in rows:
        for found in row.get("incremental", []):
            lines.append(f"| {row['events']:,} | {found['scenario']} | {found['seconds']:.1f} | "
                         f"{found['seconds'] / row['full_build_seconds']:.0%} | "
                         f"{'—' if found['full_seconds'] is None else format(found['full_seconds'], '.1f')} | "
                         f"{found['files_written']:,} | {found['files']:,} | {found['peak_rss_mib']:.0f} | "
                         f"{'yes' if found['identical'] else 'NO: ' + ' '.join(found['differences'][:3])} |"
                         .replace(",", " "))
    lines += ["", "Output by kind (files / MB): `benchmarks/output_parts.py`; \"type × place feeds\" are the feeds of an "
              "event type in a region or a department, \"organisers\" the organiser pages and their feeds, \"widget\" "
              "the partners' widget, its data files and iframe pages.", "",
              "| events | " + " | ".join(PARTS) + " |", "|---:|" + "---:|" * len(PARTS)]
    for row in rows:
        cells = [f"{row['output_parts'][part]['files']:,} / {row['output_parts'][part]['bytes'] / 1e6:.0f}"
                 for part in PARTS]
        lines.append((f"| {row['events']:,} | " + " | ".join(cells) + " |").replace(",", " "))
    lines += ["", "Search, in headless Chromium on the same built site: ours, Pagefind (pip `pagefind[bin]`) and lunr "
              "(lunr.py index, lunr.js with lunr-languages' French stemmer). First query: bytes sent (gzip) from opening the "
              "page to the first 10 results, cold cache, median and largest of 10 queries. Latency: each of "
              f"{len(FIRST_QUERIES)} + {len(labelled())} queries once warm, until its first 10 results are shown. "
              f"Relevance: {len(labelled())} labelled queries (benchmarks/relevance.toml) among the generated events and "
              "their distractors, MRR and recall@5 for the tuning half (the ranking was tuned on it) and the check half "
              "(never looked into).", "",
              "| events | engine | index build (s) | index (MB) | first query median / max (KB) | latency median (ms) "
              "| latency p95 (ms) | MRR tuning | recall@5 tuning | MRR check | recall@5 check |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        for engine in ENGINES:
            found = row["search"]["engines"][engine]
            tuning, check = found["relevance"]["tuning"], found["relevance"]["check"]
            lines.append(f"| {row['events']:,} | {engine} | {found['build_seconds']:.1f} | {found['index_bytes'] / 1e6:.1f} | "
                         f"{found['first_query_bytes_median'] / 1e3:.0f} / {found['first_query_bytes_max'] / 1e3:.0f} | "
                         f"{found['latency_ms_median']:.1f} | {found['latency_ms_p95']:.1f} | {tuning['mrr']:.3f} | "
                         f"{tuning['recall_at_5']:.3f} | {check['mrr']:.3f} | {check['recall_at_5']:.3f} |"
                         .replace(",", " "))
    lines += ["", f"Place searches (ours only; {len(PLACE_QUERIES)} queries in `PLACE_QUERIES`: around a commune, a postcode, "
              "in a department, a place at the end of the words): bytes sent before the first results, cold cache, "
              "against Pagefind's text queries; latency once warm, each query three times.", "",
              "| events | place first query median / max (KB) | Pagefind text first query max (KB) | place latency median (ms) "
              "| place latency p95 (ms) |", "|---:|---:|---:|---:|---:|"]
    for row in rows:
        ours, pagefind = row["search"]["engines"]["ours"], row["search"]["engines"]["pagefind"]
        lines.append(f"| {row['events']:,} | {ours['place_first_query_bytes_median'] / 1e3:.0f} / "
                     f"{ours['place_first_query_bytes_max'] / 1e3:.0f} | {pagefind['first_query_bytes_max'] / 1e3:.0f} | "
                     f"{ours['place_latency_ms_median']:.1f} | {ours['place_latency_ms_p95']:.1f} |".replace(",", " "))
    lines += ["", "Staff search (`invoke search`, Python, same index files):", "",
              "| events | median (ms) | p95 (ms) |", "|---:|---:|---:|"]
    for row in rows:
        found = row["search"]
        lines.append(f"| {row['events']:,} | {found['staff_query_ms_median']:.0f} | {found['staff_query_ms_p95']:.0f} |"
                     .replace(",", " "))
    lines += ["", "Time share of our full build (seconds):", "",
              "| events | " + " | ".join(rows[0]["parts"]) + " |", "|---:|" + "---:|" * len(rows[0]["parts"])]
    for row in rows:
        lines.append(f"| {row['events']:,} | ".replace(",", " ") + " | ".join(
            f"{row['parts'].get(name, 0):.1f}" for name in rows[0]["parts"]) + " |")
    return "\n".join(lines) + "\n"


def run(sizes: list[int], workdir: Path, results_dir: Path, services: int = 500, command: str = "") -> dict:
    results = {"command": command, "machine": machine(),
               "sizes": [measure(size, workdir, services) for size in sizes]}
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    (results_dir / "results.md").write_text(table(results), encoding="utf-8")
    return results

