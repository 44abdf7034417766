"""Our search against Pagefind and lunr, on the same built site, in the same headless Chromium.

- Pagefind (the pip package ``pagefind[bin]``) indexes the very event pages we built, the event
  article as body, with region, department, type and mode as filters, so it counts them as our
  facets do.
- lunr: lunr.py indexes the same fields with the same weights as our index (``event_fields``), with
  the Snowball French stemmer (registered as ``stemmer-fr``, which lunr-languages provides to
  lunr.js in the browser); the query is the text typed, lunr's operators removed.

Each engine gets a small page under ``bench/`` exposing ``window.bench(query)`` -> the first ten
result addresses (fetching what shows them). A local server gzips text (Pagefind's files come
compressed) and counts the bytes it sends. Measured per engine: bytes from opening the page to the
first results, cold cache (each query of ``FIRST_QUERIES`` in a new browser context); latency of
every query once warm (median, p95); index size on disk; MRR and recall@5 on ``relevance.toml``, for its tuning
and check halves (``relevance.py``). Ours also
answers ``PLACE_QUERIES`` (around a commune, a postcode, in a department, a place at the end of the words), the
search none of the others has: the same cold bytes and warm latency, to hold against Pagefind's text queries.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import shutil
import statistics
import threading
import time
from functools import partial
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from catalogue.geography import geography
from catalogue.model import Event
from catalogue.scan import scan
from catalogue.text import html_to_text, render_markdown

from .relevance import by_half, labelled

ROOT = Path(__file__).resolve().parent.parent
FIRST_QUERIES = ["job dating restauration", "forum emploi", "atelier cv", "salon en ligne", "recrutement logistique",
                 "alternance", "aide a la personne", "numerique", "transport", "creer son entreprise"]
ENGINES = ("ours", "pagefind", "lunr")
PLACE_QUERIES = [{"q": "", "lieu": "Panazol"}, {"q": "", "lieu": "87350", "rayon": "100", "tri": "distance"},
                 {"q": "", "lieu": "31"}, {"q": "atelier", "lieu": "Lyon", "rayon": "10"}, {"q": "job dating 69003"},
                 {"q": "forum emploi colomiers"}, {"q": "", "lieu": "st junien", "rayon": "50"},
                 {"q": "alternance", "lieu": "974"}, {"q": "", "lieu": "Brive-la-Gaillarde", "rayon": "5"},
                 {"q": "recrutement", "lieu": "Lille", "tri": "distance"}]
HARNESS = {
    "ours": """import { SearchIndex } from "/theme/js/engine.js";
let index;
window.bench = async (query) => {  // the words, or a place search as the page's address holds it
  index ||= await SearchIndex.open("/recherche/index/");
  const found = await index.find(typeof query === "string" ? { q: query, kind: "e" } : { ...query, kind: "e" });
  const shown = found.numbers.length ? found.numbers : found.nearest || [];
  return (await index.documents(shown.slice(0, 10))).map((doc) => doc.u);
};""",
    "pagefind": """let pagefind;
window.bench = async (q) => {
  if (!pagefind) {
    pagefind = await import("/pagefind/pagefind.js");
    await pagefind.init();
  }
  const search = await pagefind.search(q);
  return (await Promise.all(search.results.slice(0, 10).map((result) => result.data()))).map((data) => data.url);
};""",
    "lunr": """let index;
window.bench = async (q) => {
  if (!index) index = lunr.Index.load(await (await fetch("/bench/lunr/index.json")).json());
  try {
    return index.search(q.replace(/[:^~*+\\-]/g, " ")).slice(0, 10).map((result) => result.ref);
  } catch {
    return [];
  }
};""",
}
LUNR_SCRIPTS = ["lunr/lunr.js", "lunr-languages/lunr.stemmer.support.js", "lunr-languages/lunr.fr.js"]


def indexed_events(output: Path) -> list[tuple[str, dict]]:
    """The events our index holds (upcoming ones), as (address, facet keys), in our index's order."""
    folder = output / "recherche" / "index"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    columns = json.loads((folder / "facets.json").read_text(encoding="utf-8"))
    found = []
    for chunk in range(manifest["chunks"]):
        for doc in json.loads((folder / f"docs-{chunk}.json").read_text(encoding="utf-8")):
            if doc["k"] == "e":
                keys = {}
                for facet in manifest["facets"]:
                    if facet["name"] in ("region", "departement", "type", "mode"):
                        value = columns[facet["name"]][doc["n"]]
                        keys[facet["name"]] = [facet["values"][v][1] for v in (value if facet["many"] else [value])
                                               if v >= 0]
                found.append((doc["u"], keys))
    return found


def build_pagefind(output: Path, work: Path) -> Path:
    """Pagefind's index of our event pages, written to ``output/pagefind``; returns that folder."""
    from pagefind.index import IndexConfig, PagefindIndex

    site = work / "pagefind-site"
    shutil.rmtree(site, ignore_errors=True)
    for url, keys in indexed_events(output):
        html = (output / url.strip("/") / "index.html").read_text(encoding="utf-8")
        filters = "".join(f'<span data-pagefind-filter="{name}">{escape(value)}</span>'
                          for name, values in keys.items() for value in values)
        html = html.replace('<article class="event">',
                            f'<article class="event" data-pagefind-body><div hidden>{filters}</div>', 1)
        target = site / url.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")

    async def index() -> None:
        config = IndexConfig(output_path=str(output / "pagefind"))
        async with PagefindIndex(config=config) as pagefind:
            await pagefind.add_directory(str(site))
            await pagefind.write_files()

    shutil.rmtree(output / "pagefind", ignore_errors=True)
    asyncio.run(index())
    return output / "pagefind"


def build_lunr(output: Path, content: Path) -> Path:
    """lunr.py's index of the same events and fields, and lunr.js beside it, in ``output/bench/lunr``."""
    import lunr.languages  # noqa: F401  (registers the Snowball stemmers as stemmer-<language>)
    from lunr import lunr as build
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline
    from lunr.trimmer import trimmer

    from catalogue.search.documents import WEIGHTS, event_fields

    events = {f"/evenement/{item.slug}/": item for item in scan(content, geography()).items if isinstance(item, Event)}
    documents = [{"id": url, **event_fields(events[url], html_to_text(render_markdown(events[url].body)))}
                 for url, _ in indexed_events(output)]
    stemmer = Pipeline.registered_functions["stemmer-fr"]
    builder = Builder()
    builder.pipeline.add(trimmer, stemmer)
    builder.search_pipeline.add(stemmer)
    index = build(ref="id", fields=[{"field_name": name, "boost": weight} for name, weight in WEIGHTS.items()],
                  documents=documents, builder=builder)
    folder = output / "bench" / "lunr"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.json").write_text(json.dumps(index.serialize(), separators=(",", ":")), encoding="utf-8")
    for script in LUNR_SCRIPTS:
        shutil.copy(ROOT / "node_modules" / script, folder / Path(script).name)
    return folder


def write_harness(output: Path) -> None:
    folder = output / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for engine, code in HARNESS.items():
        scripts = "".join(f'<script src="/bench/lunr/{Path(s).name}"></script>' for s in LUNR_SCRIPTS) if engine == "lunr" else ""
        (folder / f"{engine}.js").write_text(code, encoding="utf-8")
        (folder / f"{engine}.html").write_text(
            f'<!doctype html><html lang="fr"><meta charset="utf-8"><title>{engine}</title>{scripts}'
            f'<script type="module" src="/bench/{engine}.js"></script></html>', encoding="utf-8")


class _Counting(SimpleHTTPRequestHandler):
    """Serves text gzipped, compressed once as a static host does, and counts the bytes of every response body."""

    protocol_version = "HTTP/1.1"  # keep-alive, as any host
    disable_nagle_algorithm = True  # headers and body leave at once, no delayed-ACK stall
    sent: ClassVar[list[int]] = [0]  # bytes since the last reset, shared by the server's threads
    TEXT: ClassVar[set[str]] = {".html", ".js", ".json", ".css"}
    compressed: ClassVar[dict[Path, bytes]] = {}

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        text = path.suffix in self.TEXT
        if text and path not in self.compressed:
            self.compressed[path] = gzip.compress(path.read_bytes(), 6)
        body = self.compressed[path] if text else path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if text:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)
        self.sent[0] += len(body)

    def log_message(self, *_args):
        pass


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


RUN = "async q => { const t = performance.now(); const urls = await window.bench(q); return [performance.now() - t, urls]; }"


def cold_bytes(base: str, browser, queries: list) -> list[int]:
    """Bytes sent from opening the page to the first results of each query, each in a new browser context. A cold
    load that fails is measured again once, in a new context (Pagefind once failed to load its entry file in CI;
    two failures in a row stop the benchmark)."""
    from playwright.sync_api import Error as PlaywrightError

    sent = []
    for query in queries:
        for attempt in (1, 2):
            context = browser.new_context()
            page = context.new_page()
            _Counting.sent[0] = 0
            try:
                page.goto(base)
                page.wait_for_function("typeof window.bench === 'function'")
                page.evaluate(RUN, query)
                break
            except PlaywrightError:
                if attempt == 2:
                    raise
            finally:
                context.close()
        sent.append(_Counting.sent[0])
    return sent


def measure(output: Path, engine: str, browser) -> dict:
    handler = partial(_Counting, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/bench/{engine}.html"
    run = RUN
    places = {}
    try:
        first_bytes = cold_bytes(base, browser, FIRST_QUERIES)
        if engine == "ours":
            place_bytes = cold_bytes(base, browser, PLACE_QUERIES)
            places = {"place_first_query_bytes_median": statistics.median(place_bytes),
                      "place_first_query_bytes_max": max(place_bytes)}
        page = browser.new_page()
        page.goto(base)
        page.wait_for_function("typeof window.bench === 'function'")
        page.evaluate(run, "emploi")  # loads the engine; what follows is the warm latency
        pairs = labelled()
        timings, ranks = [], []
        for query in FIRST_QUERIES + [query for query, _, _ in pairs]:
            seconds, _ = page.evaluate(run, query)
            timings.append(seconds)
        for query, expected, _ in pairs:
            _, urls = page.evaluate(run, query)
            ranks.append(urls.index(expected) + 1 if expected in urls else 0)
        if engine == "ours":
            place_timings = [page.evaluate(run, query)[0] for query in PLACE_QUERIES for _ in range(3)]
            places |= {"place_latency_ms_median": statistics.median(place_timings),
                       "place_latency_ms_p95": percentile(place_timings, 0.95)}
        page.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "first_query_bytes_median": statistics.median(first_bytes), "first_query_bytes_max": max(first_bytes),
        "latency_ms_median": statistics.median(timings), "latency_ms_p95": percentile(timings, 0.95),
        "queries": len(timings), "relevance": by_half(ranks), **places,
    }


def compare(output: Path, content: Path, work: Path) -> dict:
    """Build the two other indexes beside ours, then measure the three engines in one Chromium."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    started = time.perf_counter()
    pagefind = folder_bytes(build_pagefind(output, work))
    built = time.perf_counter()
    lunr = (build_lunr(output, content) / "index.json").stat().st_size
    indexes = {"ours": (folder_bytes(output / "recherche" / "index"), None),
               "pagefind": (pagefind, built - started), "lunr": (lunr, time.perf_counter() - built)}
    write_harness(output)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            results = {engine: {"index_bytes": indexes[engine][0], "build_seconds": indexes[engine][1],
                                **measure(output, engine, browser)} for engine in ENGINES}
        finally:
            browser.close()
    return results

