// The browser engine gives the result lists the Python engine gave for the shared query vectors, on
// the same index files. Run by tests/test_search_engines.py, which builds the index and passes:
// AGENDA_INDEX (the index folder) and AGENDA_EXPECTED (the vectors with Python's results).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";

import { SearchIndex } from "../../theme/static/js/engine.js";

const folder = process.env.AGENDA_INDEX;

test("the browser engine gives the Python engine's results", { skip: !folder }, async () => {
  globalThis.fetch = async (path) => ({
    ok: existsSync(path), json: async () => JSON.parse(readFileSync(path, "utf8")),
  });
  const index = await SearchIndex.open(`${folder}/`);
  const expected = JSON.parse(readFileSync(process.env.AGENDA_EXPECTED, "utf8"));
  const urls = async (numbers) => (await index.documents(numbers || [])).map((doc) => doc.u);
  for (const { vector, ...python } of expected) {
    const { q, kind = "e", ...filters } = vector;
    const found = await index.find({ q, kind, ...filters });
    const km = found.numbers.map((n) => (found.km && found.km.has(n) ? found.km.get(n) : null));
    const browser = { urls: await urls(found.numbers), km, place: found.place ? found.place.label : null, words: found.words,
      online: await urls(found.online), nearest: await urls(found.nearest) };
    assert.deepEqual(browser, python, JSON.stringify(vector));
  }
});

test("an index of another format version is refused", { skip: !folder }, async () => {
  const manifest = JSON.parse(readFileSync(`${folder}/manifest.json`, "utf8"));
  globalThis.fetch = async (path) => ({
    ok: true, json: async () => (path.endsWith("manifest.json") ? { ...manifest, version: 1 } : {}),
  });
  await assert.rejects(SearchIndex.open(`${folder}/`), /Index de recherche au format 1, attendu 4/);
});

test("a date filter keeps an event already running on its first day", { skip: !folder }, async () => {
  globalThis.fetch = async (path) => ({
    ok: existsSync(path), json: async () => JSON.parse(readFileSync(path, "utf8")),
  });
  const index = await SearchIndex.open(`${folder}/`);
  const running = [...index.days.keys()].find((n) => index.lastDays[n] > index.days[n]);
  assert.ok(running !== undefined, "the sample has an event over several days");
  const day = new Date(index.day0 + (index.days[running] + 1) * 86400000).toISOString().slice(0, 10);
  const found = await index.search({ q: "", kind: "e", from: day, to: day });
  assert.ok(found.numbers.includes(running), `an event begun the day before ${day} and still running`);
  const later = new Date(index.day0 + (index.lastDays[running] + 1) * 86400000).toISOString().slice(0, 10);
  assert.ok(!(await index.search({ q: "", kind: "e", from: later })).numbers.includes(running));
});
