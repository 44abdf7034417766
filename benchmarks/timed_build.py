"""One Pelican build in this process, timing each generator.

Usage: python -m benchmarks.timed_build CONTENT OUTPUT SETTINGS [KEY=VALUE ...]
Prints one JSON object: {"seconds": total, "parts": {name: seconds}, "max_rss_kib": peak,
"peak_mib_after": {generator step: the peak so far}, "files", "bytes"}.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

from pelican import Pelican
from pelican.generators import Generator
from pelican.settings import read_settings

PART_NAMES = {  # generator class -> the share reported in the benchmark table
    "ArticlesGenerator": "events (read, pages)", "PagesGenerator": "services and pages",
    "ListingsGenerator": "listings", "FeedsGenerator": "feeds", "OpenDataGenerator": "exports",
    "SeoGenerator": "seo", "DsfrGenerator": "theme assets", "SearchGenerator": "search index",
    "StaticGenerator": "static files",
}


def timed(parts: dict, peaks: dict, method):
    def wrapper(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return method(self, *args, **kwargs)
        finally:
            name = PART_NAMES.get(type(self).__name__, type(self).__name__)
            parts[name] += time.perf_counter() - started
            # the process's peak so far: where it grows is where the memory goes
            peaks[f"{name} ({method.__name__.removeprefix('generate_')})"] = _peak_mib()

    return wrapper


def _peak_mib() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    return found.union(*(subclasses(child) for child in found)) if found else found


def main(argv: list[str]) -> None:
    content, output, settings_file, *overrides = argv
    parts: dict[str, float] = defaultdict(float)
    peaks: dict[str, int] = {}
    override = {"PATH": content, "OUTPUT_PATH": output, **dict(item.split("=", 1) for item in overrides)}
    for key in ("CACHE_CONTENT", "LOAD_CONTENT_CACHE", "AGENDA_INCREMENTAL"):
        if key in override:
            override[key] = override[key] == "True"
    settings = read_settings(settings_file, override=override)
    started = time.perf_counter()
    pelican = Pelican(settings)  # loads the plugins, so their generator classes exist from here on
    parts["setup"] = time.perf_counter() - started
    for cls in subclasses(Generator):
        for method in ("generate_context", "generate_output"):
            if method in vars(cls):
                setattr(cls, method, timed(parts, peaks, vars(cls)[method]))
    pelican.run()
    total = time.perf_counter() - started
    parts["other"] = max(0.0, total - sum(parts.values()))  # writing caches, signals, logging
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": total, "parts": dict(parts), "max_rss_kib": peak, "peak_mib_after": peaks,
                      "files": sum(1 for p in Path(output).rglob("*") if p.is_file()),
                      "bytes": sum(p.stat().st_size for p in Path(output).rglob("*") if p.is_file())}))


if __name__ == "__main__":
    main(sys.argv[1:])
