// The browser's query analysis, built from the manifest's analysis data, gives exactly what the Python
// index analysis gives (shared vectors). AGENDA_INDEX: a built index (tests/test_search_engines.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { analyzer } from "../../theme/static/js/analysis.js";

const vectors = JSON.parse(readFileSync(new URL("../fixtures/search-vectors.json", import.meta.url), "utf8"));
const folder = process.env.AGENDA_INDEX;

test("every shared vector", { skip: !folder }, () => {
  const { words, analyze } = analyzer(JSON.parse(readFileSync(`${folder}/manifest.json`, "utf8")).analysis);
  assert.ok(vectors.length >= 40);
  for (const vector of vectors) {
    assert.deepEqual(words(vector.input), vector.words, vector.input);
    assert.deepEqual(analyze(vector.input), vector.terms, vector.input);
  }
});
