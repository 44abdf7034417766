// The search engine behind /recherche/, the home page's "Pour vous" and the benchmark: the exact twin
// of catalogue/search/query.py, on the index files (catalogue/search/index.py).
import { analyzer } from "./analysis.js";
import { distanceKm, resolvePlace, splitPlace } from "./places.js";

export const FORMAT_VERSION = 4; // catalogue/search/__init__.py: an index of another version is refused

export class IndexVersionError extends Error {}

export function oneTypo(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)
    || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

const DAY = 86400000;

// A word's matches: each document's score (0: no match) and whether it is in the title, as typed arrays.
function matches(count) {
  return { score: new Float64Array(count), title: new Uint8Array(count), size: 0 };
}

// Keeps a document's better match of a word.
function keepBest(found, doc, score, title) {
  if (score <= found.score[doc]) return;
  if (!found.score[doc]) found.size += 1;
  found.score[doc] = score;
  found.title[doc] = title;
}

// The documents' scores (query.py's combine; 0: not a result): the sum of their words' scores, for those matching
// every word, or all but one of a query of ranking.partial_from words or more (times ranking.missing); times
// ranking.title when every word is in the title.
export function combine(perWord, ranking, count) {
  const words = new Uint8Array(count);
  const titled = new Uint8Array(count);
  const total = new Float64Array(count);
  for (const { score, title } of perWord) {
    for (let doc = 0; doc < count; doc += 1) {
      if (score[doc] > 0) {
        words[doc] += 1;
        total[doc] += score[doc];
        titled[doc] += title[doc];
      }
    }
  }
  const all = perWord.length;
  const needed = all >= ranking.partial_from ? all - 1 : all;
  for (let doc = 0; doc < count; doc += 1) {
    total[doc] = words[doc] >= needed
      ? total[doc] * ranking.missing ** (all - words[doc]) * (titled[doc] === all ? ranking.title : 1) : 0;
  }
  return total;
}

export class SearchIndex {
  static async open(base) {
    const index = new SearchIndex(base);
    const manifest = await index.json("manifest.json");
    if (manifest.version !== FORMAT_VERSION) {
      throw new IndexVersionError(`Index de recherche au format ${manifest.version}, attendu ${FORMAT_VERSION}`);
    }
    const columns = await index.json("facets.json");
    index.manifest = manifest;
    index.analysis = analyzer(manifest.analysis);
    index.kinds = columns.k;
    index.days = Int32Array.from(columns.d);
    index.lastDays = Int32Array.from(columns.l);
    // Each facet column as typed arrays: value numbers, and for many-valued facets where each item's run starts.
    index.columns = Object.fromEntries(manifest.facets.map((facet) => {
      const column = columns[facet.name];
      if (!facet.many) return [facet.name, { values: Int32Array.from(column) }];
      const starts = new Uint32Array(column.length + 1);
      column.forEach((values, n) => { starts[n + 1] = starts[n] + values.length; });
      return [facet.name, { values: Int32Array.from(column.flat()), starts }];
    }));
    index.day0 = Date.parse(manifest.day0);
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

  // The index's words starting with the word's letter, each with its stem.
  async known(word) {
    return this.json(`words-${word[0]}.json`);
  }

  // The word's matches (see matches()): its best match among its stem, the words it begins when still being typed,
  // and, for a word the index does not hold, the words one typo away (at ranking.typo of the score).
  async wordScores(word, typing) {
    const ranking = this.manifest.ranking;
    const words = await this.known(word);
    const known = Object.entries(words);
    const terms = new Map([[this.analysis.stem(word), 1]]);
    if (typing) for (const [other, term] of known) if (other.startsWith(word) && !terms.has(term)) terms.set(term, 1);
    if (!Object.hasOwn(words, word) && word.length >= 5) { // "conseiler": conseil, and conseiller at ranking.typo
      for (const [other, term] of known) if (oneTypo(other, word) && !terms.has(term)) terms.set(term, ranking.typo);
    }
    const lists = await Promise.all([...terms.keys()].map(async (term) => (await this.shard(term))[term]));
    const found = matches(this.manifest.count);
    const k = ranking.saturation;
    [...terms.values()].forEach((factor, t) => {
      const flat = lists[t];
      if (!flat) return;
      const idf = Math.log(1 + this.manifest.count / (flat.length / 2));
      let doc = 0;
      for (let i = 0; i < flat.length; i += 2) {
        doc += flat[i];
        const weight = flat[i + 1] >> 1;
        keepBest(found, doc, factor * idf * weight * (1 + k) / (weight + k), flat[i + 1] & 1);
      }
    });
    return found;
  }

  // Each document's score for the query's words (0: not a result; null without words), the twin of query.py's
  // _text_scores: a word found nowhere is left out (and reported); two neighbours written joined in the index also
  // match the joined word. The last query's scores are kept: a place search asks twice.
  async textScores(query) {
    if (this.scored?.query !== query) this.scored = { query, found: this.scoreText(query) };
    return this.scored.found;
  }

  async scoreText(query) {
    const queryWords = this.analysis.words(query);
    if (!queryWords.length) return { scores: null, ignored: [] };
    const typing = !/\s$/.test(query);
    const last = queryWords.length - 1;
    const perWord = await Promise.all(queryWords.map((word, i) => this.wordScores(word, typing && i === last)));
    for (let i = 0; i < last; i += 1) {
      const joined = queryWords[i] + queryWords[i + 1];
      if (!Object.hasOwn(await this.known(joined), joined)) continue;
      const found = await this.wordScores(joined, typing && i + 1 === last);
      for (const side of [perWord[i], perWord[i + 1]]) {
        for (let doc = 0; doc < found.score.length; doc += 1) keepBest(side, doc, found.score[doc], found.title[doc]);
      }
    }
    const ignored = queryWords.filter((_, i) => !perWord[i].size);
    return { scores: combine(perWord.filter((found) => found.size), this.manifest.ranking, this.manifest.count), ignored };
  }

  // Facet filters as masks over value numbers: a facet's filter is one key or a list of keys (any of them).
  // A facet's inclusive value (events open to all) passes its filter too, unless state.cible asks for
  // targeted items only.
  filters(state) {
    const wanted = [];
    this.manifest.facets.forEach((facet, f) => {
      const keys = [].concat(state[facet.name] || []);
      if (!keys.length) return;
      if (facet.inclusive && !state.cible) keys.push(facet.inclusive);
      const mask = new Uint8Array(facet.values.length);
      facet.values.forEach(([key], v) => { if (keys.includes(key)) mask[v] = 1; });
      wanted.push([f, mask]);
    });
    return wanted;
  }

  accepts(f, n, mask) {
    const { values, starts } = this.columns[this.manifest.facets[f].name];
    if (!starts) return values[n] >= 0 && mask[values[n]] === 1;
    for (let j = starts[n]; j < starts[n + 1]; j += 1) if (mask[values[j]]) return true;
    return false;
  }

  dayNumber(isoDate) {
    return isoDate ? Math.round((Date.parse(isoDate) - this.day0) / DAY) : null;
  }

  // Numbers of the matching documents, best first (by date without words), and each facet's counts
  // (by value number) among the documents matching everything else.
  async search(state) {
    const kind = state.kind || "e";
    const { scores, ignored } = await this.textScores(state.q || "");
    const wanted = this.filters(state);
    const from = this.dayNumber(state.from);
    const to = this.dayNumber(state.to);
    const candidates = [];
    for (let n = 0; n < this.manifest.count; n += 1) {
      if (this.kinds[n] !== kind || (scores && !scores[n]) || (state.within && !state.within(n))) continue;
      // an event is in a period when it overlaps it: one begun before "cette semaine" and still running is in
      if (kind === "e" && ((from !== null && this.lastDays[n] < from) || (to !== null && this.days[n] > to))) continue;
      candidates.push(n);
    }
    // failing[i]: -1 when candidate i passes every filter, f when it fails only facet f's, -2 otherwise.
    // A document passing every filter is a result and counts for every facet; one failing a single
    // filter counts for that facet only (choosing another of its options would show it).
    const failing = new Int16Array(candidates.length).fill(-1);
    const numbers = [];
    candidates.forEach((n, i) => {
      for (const [f, mask] of wanted) {
        if (!this.accepts(f, n, mask)) failing[i] = failing[i] === -1 ? f : -2;
        if (failing[i] === -2) break;
      }
      if (failing[i] === -1) numbers.push(n);
    });
    const counts = {};
    this.manifest.facets.forEach((facet, f) => {
      const count = new Int32Array(facet.values.length);
      const { values, starts } = this.columns[facet.name];
      for (let i = 0; i < candidates.length; i += 1) {
        if (failing[i] !== -1 && failing[i] !== f) continue;
        const n = candidates[i];
        if (!starts) {
          if (values[n] >= 0) count[values[n]] += 1;
        } else {
          for (let j = starts[n]; j < starts[n + 1]; j += 1) count[values[j]] += 1;
        }
      }
      counts[facet.name] = count;
    });
    if (scores) numbers.sort((a, b) => scores[b] - scores[a] || a - b);
    return { numbers, counts, ranked: Boolean(scores), ignored };
  }

  // lieux/ files and the events' points, loaded on the first place search only
  placeFile(name) {
    return this.json(`lieux/${name}`);
  }

  async place(text) {
    return resolvePlace(text, (name) => this.placeFile(name), () => this.placeFile("index.json"));
  }

  async distances(place, numbers) {
    const geo = await this.json("geo.json");
    const found = new Map();
    for (const n of numbers) if (geo.i[n] >= 0) found.set(n, distanceKm(place.point, geo.p[geo.i[n]]));
    return found;
  }

  online(n) {
    const facet = this.facet("mode");
    const { values, starts } = this.columns.mode;
    for (let j = starts[n]; j < starts[n + 1]; j += 1) if (facet.values[values[j]][0] === this.manifest.places.online) return true;
    return false;
  }

  // The search around a place (state.lieu, or the end of the query: "atelier cv colomiers"), the twin of
  // query.py's find(): the events within state.rayon km of a commune (or in a department), those one can follow
  // online apart, and the nearest ones when none is within reach; distances in km, rounded, for a commune.
  async find(state) {
    let place = null;
    let q = state.q || "";
    if (state.lieu) place = await this.place(state.lieu);
    else if ((state.kind || "e") === "e") [q, place] = await splitPlace(q, (name) => this.placeFile(name), () => this.placeFile("index.json"));
    if (!place || (state.kind || "e") !== "e") return { ...(await this.search({ ...state, q })), place: null, words: q, unknown: Boolean(state.lieu) && !place };
    const radius = Number(state.rayon) || this.manifest.places.radius;
    const around = await this.search({ ...state, q });  // every filter but the place's
    const distances = await this.distances(place, around.numbers);
    let found;
    if (place.kind !== "commune") {  // a department or a region: its events
      found = await this.search({ ...state, q, [place.kind]: [place.code] });
    } else {
      found = await this.search({ ...state, q, within: (n) => distances.has(n) && distances.get(n) <= radius });
    }
    const numbers = [...found.numbers];
    if (state.tri === "distance") numbers.sort((a, b) => (distances.get(a) ?? Infinity) - (distances.get(b) ?? Infinity) || a - b);
    const chosen = new Set(numbers);
    const online = around.numbers.filter((n) => !chosen.has(n) && this.online(n));
    const nearest = numbers.length ? [] : [...distances.keys()].sort((a, b) => distances.get(a) - distances.get(b) || a - b)
      .slice(0, this.manifest.places.nearest);
    const km = place.kind === "commune" ? new Map([...distances].map(([n, d]) => [n, Math.floor(d + 0.5)])) : new Map();
    return { ...found, numbers, place, words: q, online, nearest, km, radius };
  }

  async documents(numbers) {
    const size = this.manifest.chunk;
    const chunks = await Promise.all(numbers.map((n) => this.json(`docs-${Math.floor(n / size)}.json`)));
    return numbers.map((n, i) => chunks[i][n % size]);
  }
}
