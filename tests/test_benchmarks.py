"""The benchmark generator is deterministic and writes valid agency files; `invoke bench` runs end to end."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.incremental import SCENARIOS
from benchmarks.relevance import labelled
from catalogue.geography import geography
from catalogue.model import Event
from catalogue.scan import scan

ROOT = Path(__file__).resolve().parent.parent


def digest(folder: Path) -> str:
    files = sorted(path for path in folder.rglob("*.md"))
    return hashlib.sha256(b"".join(path.relative_to(folder).as_posix().encode() + path.read_bytes()
                                   for path in files)).hexdigest()


def test_generator_is_deterministic_and_its_output_passes_the_check(tmp_path):
    generate(tmp_path / "a", 300, services=20)
    generate(tmp_path / "b", 300, services=20)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    generate(tmp_path / "c", 300, services=20, seed=7)
    assert digest(tmp_path / "c") != digest(tmp_path / "a")
    found = scan(tmp_path / "a" / "content", geography())
    assert found.problems == []
    events = [item for item in found.items if isinstance(item, Event)]
    needles = {expected.split("/")[2] for _, expected, _ in labelled()}  # the relevance set's events
    assert len(needles) == 54 and needles <= {event.uid for event in events}
    # with their 327 distractors: other events in their town and in towns named alike, their twins and rivals
    assert len(events) == 300 + 54 + 327 and len(found.items) == 701
    twins = [event for event in events if event.uid.startswith("bench-soudeur-jumeau-")]
    (needle,) = [event for event in events if event.uid == "bench-soudeur"]
    assert twins and all(twin.title == needle.title and twin.commune.department != needle.commune.department
                         for twin in twins)
    assert {event.type for event in events} >= {"job-dating", "forum", "information", "workshop", "recruitment",
                                                "company-visit", "online-fair", "other"}
    assert {event.mode for event in events} == {"onsite", "online", "hybrid"}
    assert len({event.region.code for event in events if event.region}) >= 10
    past = sum(event.end.isoformat() < "2026-12-01" for event in events) / len(events)
    cancelled = sum(event.status == "cancelled" for event in events) / len(events)
    assert 0.05 < past < 0.15 and 0.005 < cancelled < 0.07
    assert len(list((tmp_path / "a" / "baseline").glob("*.md"))) == 300


def test_bench_runs_end_to_end(tmp_path):
    result = subprocess.run([sys.executable, "-m", "invoke", "bench", "--sizes", "200", "--output", str(tmp_path),
                             "--workdir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env=os.environ.copy())
    assert result.returncode == 0, result.stderr[-2000:]
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    (row,) = results["sizes"]
    assert row["events"] == 200 and row["import"]["created"] == 581  # with the 54 labelled events and their distractors
    assert row["full_build_seconds"] > 0 and row["baseline_seconds"] > 0 and row["output_files"] > 200
    rebuilt = {found["scenario"]: found for found in row["incremental"]}  # each compared with a full build
    assert list(rebuilt) == list(SCENARIOS) and all(found["identical"] for found in rebuilt.values()), rebuilt
    assert rebuilt["unchanged"]["files_written"] == 0 and 0 < rebuilt["edit"]["files_written"] < 100
    parts = row["output_parts"]  # every file in one part, and the partners' parts measured
    assert sum(part["bytes"] for part in parts.values()) == row["output_bytes"]
    assert all(parts[name]["files"] > 0 for name in ("organisers", "type × place feeds", "widget", "event pages"))
    engines = row["search"]["engines"]
    assert set(engines) == {"ours", "pagefind", "lunr"}
    for found in engines.values():
        assert found["index_bytes"] > 0 and found["first_query_bytes_median"] > 0
        assert 0 < found["latency_ms_median"] <= found["latency_ms_p95"]
        halves = found["relevance"]
        assert halves["tuning"]["labelled"] == halves["check"]["labelled"] == 108 and 0 < halves["check"]["mrr"] <= 1
    assert engines["ours"]["place_first_query_bytes_max"] > 0 and engines["ours"]["place_latency_ms_p95"] > 0
    assert engines["ours"]["relevance"]["check"]["recall_at_5"] > 0.9  # the labelled events are found on a small catalogue
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert "| 200 |" in table and "| 200 | pagefind |" in table and "| 200 | lunr |" in table
