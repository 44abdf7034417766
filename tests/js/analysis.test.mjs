// The browser's query analysis gives exactly what the Python index analysis gives (shared vectors).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { analyze, words } from "../../theme/static/js/analysis.js";

const vectors = JSON.parse(readFileSync(new URL("../fixtures/search-vectors.json", import.meta.url), "utf8"));

test("every shared vector", () => {
  assert.ok(vectors.length >= 40);
  for (const vector of vectors) {
    assert.deepEqual(words(vector.input), vector.words, vector.input);
    assert.deepEqual(analyze(vector.input), vector.terms, vector.input);
  }
});
