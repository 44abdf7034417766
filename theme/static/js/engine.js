// The search engine behind /recherche/, the home page's "Pour vous" and the benchmark: the exact twin
// of plugins/agenda_search/query.py, on the files of recherche/index/ (see generator.py).
import { stem, words } from "./analysis.js";

export function oneTypo(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)
    || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

const DAY = 86400000;

export class SearchIndex {
  static async open(base) {
    const index = new SearchIndex(base);
    [index.manifest, index.columns] = await Promise.all([index.json("manifest.json"), index.json("facets.json")]);
    index.day0 = Date.parse(index.manifest.day0);
    return index;
  }

  constructor(base) {
    this.base = base;
    this.cache = new Map();
  }

  json(name) {
    if (!this.cache.has(name)) {
      this.cache.set(name, fetch(this.base + name).then((response) => (response.ok ? response.json() : {})));
    }
    return this.cache.get(name);
  }

  facet(name) {
    return this.manifest.facets.find((facet) => facet.name === name);
  }

  // The postings shard holding a stem: the longest listed prefix it starts with.
  async shard(term) {
    let prefix = "";
    for (const candidate of this.manifest.post) if (term.startsWith(candidate) && candidate.length > prefix.length) prefix = candidate;
    return prefix ? this.json(`post-${prefix}.json`) : {};
  }

  async postings(word, typing) {
    const known = Object.entries(await this.json(`words-${word[0]}.json`));
    const terms = new Set([stem(word)]);
    if (typing) for (const [other, term] of known) if (other.startsWith(word)) terms.add(term);
    const lookup = async (list) => Promise.all([...list].map(async (term) => (await this.shard(term))[term]));
    let found = await lookup(terms);
    if (!found.some(Boolean) && word.length >= 5) {
      found = await lookup(known.filter(([other]) => oneTypo(other, word)).map(([, term]) => term));
    }
    const scores = new Map();
    for (const flat of found.filter(Boolean)) {
      const idf = Math.log(1 + this.manifest.count / (flat.length / 2));
      let doc = 0;
      for (let i = 0; i < flat.length; i += 2) {
        doc += flat[i];
        scores.set(doc, Math.max(scores.get(doc) || 0, flat[i + 1] * idf));
      }
    }
    return scores;
  }

  async textScores(query) {
    const queryWords = words(query);
    if (!queryWords.length) return null;
    const typing = !/\s$/.test(query);
    const perWord = await Promise.all(queryWords.map((word, i) => this.postings(word, typing && i === queryWords.length - 1)));
    const scores = new Map(perWord[0]);
    for (const other of perWord.slice(1)) {
      for (const doc of [...scores.keys()]) {
        if (other.has(doc)) scores.set(doc, scores.get(doc) + other.get(doc));
        else scores.delete(doc);
      }
    }
    return scores;
  }

  // Facet filters as value numbers: a facet's filter is one key or a list of keys (any of them).
  filters(state) {
    const wanted = {};
    for (const facet of this.manifest.facets) {
      const keys = [].concat(state[facet.name] || []);
      if (keys.length) wanted[facet.name] = new Set(facet.values.flatMap(([key], n) => (keys.includes(key) ? [n] : [])));
    }
    return wanted;
  }

  keeps(n, wanted, skip) {
    for (const facet of this.manifest.facets) {
      const accepted = wanted[facet.name];
      if (!accepted || facet.name === skip) continue;
      const value = this.columns[facet.name][n];
      if (facet.many ? !value.some((v) => accepted.has(v)) : !accepted.has(value)) return false;
    }
    return true;
  }

  dayNumber(isoDate) {
    return isoDate ? Math.round((Date.parse(isoDate) - this.day0) / DAY) : null;
  }

  // Numbers of the matching documents, best first (by date without words), and each facet's counts
  // among the documents matching everything else.
  async search(state) {
    const kind = state.kind || "e";
    const scores = await this.textScores(state.q || "");
    const wanted = this.filters(state);
    const from = this.dayNumber(state.from);
    const to = this.dayNumber(state.to);
    const days = this.columns.d;
    const candidates = [];
    for (let n = 0; n < this.manifest.count; n += 1) {
      if (this.columns.k[n] !== kind || (scores && !scores.has(n))) continue;
      if (kind === "e" && ((from !== null && days[n] < from) || (to !== null && days[n] > to))) continue;
      candidates.push(n);
    }
    const counts = {};
    for (const facet of this.manifest.facets) {
      const count = new Map();
      const column = this.columns[facet.name];
      for (const n of candidates) {
        if (!this.keeps(n, wanted, facet.name)) continue;
        for (const v of facet.many ? column[n] : [column[n]]) if (v >= 0) count.set(v, (count.get(v) || 0) + 1);
      }
      counts[facet.name] = count;
    }
    const numbers = candidates.filter((n) => this.keeps(n, wanted));
    if (scores) numbers.sort((a, b) => scores.get(b) - scores.get(a) || a - b);
    return { numbers, counts, ranked: Boolean(scores) };
  }

  async documents(numbers) {
    const size = this.manifest.chunk;
    const chunks = await Promise.all(numbers.map((n) => this.json(`docs-${Math.floor(n / size)}.json`)));
    return numbers.map((n, i) => chunks[i][n % size]);
  }
}
