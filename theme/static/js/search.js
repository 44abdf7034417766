// Search page: query the prebuilt index (recherche/index/), with facets and the state in the URL.
// Data is shown with text APIs only (textContent, setAttribute), never as HTML.
import { stem, words } from "./analysis.js";

const root = document.querySelector("#recherche");
const base = root.dataset.index;
const form = root.querySelector(".search-form");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const FACETS = ["region", "departement", "type", "mode", "public", "secteur"];
const PARAMS = ["q", "onglet", ...FACETS, "quand", "du", "au"];
const STATUS_LABELS = { cancelled: "Annulé", postponed: "Reporté", full: "Complet" };
const TYPE_LABELS = {};
const cache = new Map();

const json = (name) => {
  if (!cache.has(name)) cache.set(name, fetch(base + name).then((response) => (response.ok ? response.json() : {})));
  return cache.get(name);
};

function node(tag, text, attributes = {}) {
  const element = document.createElement(tag);
  if (text) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function oneTypo(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)
    || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
}

// Postings of one query word: its stem, the words starting with it (as you type), else words one typo away.
async function postings(word, isLast) {
  const stemmed = stem(word);
  const shard = { t: {}, w: {}, ...(await json(`terms-${word[0]}.json`)) };
  const known = Object.entries(shard.w);
  const terms = new Set(stemmed in shard.t ? [stemmed] : []);
  if (isLast) for (const [other, term] of known) if (other.startsWith(word)) terms.add(term);
  if (!terms.size && word.length >= 5) for (const [other, term] of known) if (oneTypo(other, word)) terms.add(term);
  const scores = new Map();
  for (const term of terms) {
    const idf = Math.log(1 + manifest.count / shard.t[term].length);
    for (const [doc, weight] of shard.t[term]) scores.set(doc, Math.max(scores.get(doc) || 0, weight * idf));
  }
  return scores;
}

async function textScores(query) {
  const queryWords = words(query);
  if (!queryWords.length) return null;
  const typing = !/\s$/.test(query);
  const perWord = await Promise.all(queryWords.map((word, i) => postings(word, typing && i === queryWords.length - 1)));
  const scores = new Map(perWord[0]);
  for (const other of perWord.slice(1)) {
    for (const doc of [...scores.keys()]) {
      if (other.has(doc)) scores.set(doc, scores.get(doc) + other.get(doc));
      else scores.delete(doc);
    }
  }
  return scores;
}

function dateWindow(state) {
  const today = new Date();
  const day = (date) => date.toISOString().slice(0, 10);
  if (state.quand === "semaine") {
    const end = new Date(today);
    end.setDate(today.getDate() + ((7 - today.getDay()) % 7));
    return [day(today), day(end)];
  }
  if (state.quand === "mois") return [day(today), day(new Date(today.getFullYear(), today.getMonth() + 1, 0))];
  return [state.du || "", state.au || ""];
}

function matches(doc, state, skip) {
  const tests = {
    region: () => doc.r === state.region,
    departement: () => doc.de === state.departement,
    type: () => doc.ty === state.type,
    mode: () => (doc.mo || []).includes(state.mode),
    public: () => doc.au.includes(state.public),
    secteur: () => doc.se.includes(state.secteur),
  };
  for (const facet of FACETS) if (facet !== skip && state[facet] && !tests[facet]()) return false;
  const [from, to] = dateWindow(state);
  if (doc.k === "e" && from && doc.d.slice(0, 10) < from) return false;
  if (doc.k === "e" && to && doc.d.slice(0, 10) > to) return false;
  return true;
}

function facetValue(doc, facet) {
  return { region: [doc.r], departement: [doc.de], type: [doc.ty], mode: doc.mo || [], public: doc.au,
    secteur: doc.se }[facet].filter(Boolean);
}

function fillFacets(state, candidates) {
  for (const facet of FACETS) {
    const counts = new Map();
    for (const doc of candidates) if (matches(doc, state, facet)) {
      for (const value of facetValue(doc, facet)) counts.set(value, (counts.get(value) || 0) + 1);
    }
    const select = form.elements[facet];
    const labels = manifest.facets[facet];
    const values = Array.isArray(labels) ? labels : Object.keys(labels);
    const options = [node("option", "Tous", { value: "" })];
    for (const value of values) {
      const label = Array.isArray(labels) ? value : [].concat(labels[value])[0];
      const count = counts.get(value) || 0;
      if (count || value === state[facet]) options.push(node("option", `${label} (${count})`, { value }));
    }
    select.replaceChildren(...options);
    select.value = state[facet] || "";
  }
}

function card(doc) {
  const item = node("li", "", { class: "card" });
  const box = node("div", "", { class: "fr-card fr-enlarge-link fr-card--sm" });
  const content = node("div", "", { class: "fr-card__content" });
  const title = node("h2", "", { class: "fr-card__title card-title" });
  const link = node("a", doc.t, { href: doc.u, dir: "auto" });
  title.append(link);
  content.append(title);
  if (doc.k === "e") {
    content.append(node("p", doc.w, { class: "fr-card__desc card-when" }));
    const details = node("div", "", { class: "fr-card__start card-badges" });
    const mode = doc.mo.length > 1 ? "Sur place et à distance" : manifest.facets.mode[doc.mo[0]];
    details.append(node("p", `${TYPE_LABELS[doc.ty]} · ${mode}`, { class: "fr-card__detail" }));
    if (STATUS_LABELS[doc.st]) {
      details.append(node("span", STATUS_LABELS[doc.st], { class: `fr-badge fr-badge--sm badge badge-${doc.st}` }));
    }
    content.append(details, node("p", doc.p, { class: "fr-card__detail card-where" }));
  } else {
    content.append(node("p", `${doc.c} · ${doc.p}`, { class: "fr-card__detail card-where" }));
  }
  const body = node("div", "", { class: "fr-card__body" });
  body.append(content);
  box.append(body);
  item.append(box);
  return item;
}

let manifest;
let documents = [];

function readState() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(PARAMS.map((name) => [name, params.get(name) || (name === "onglet" ? "evenements" : "")]));
}

function writeState(state, push) {
  const params = new URLSearchParams();
  for (const name of PARAMS) if (state[name] && !(name === "onglet" && state[name] === "evenements")) params.set(name, state[name]);
  const url = `${location.pathname}${params.toString() ? `?${params}` : ""}`;
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

function fillForm(state) {
  form.elements.q.value = state.q;
  form.elements.onglet.value = state.onglet;
  for (const name of ["quand", "du", "au"]) form.elements[name].value = state[name];
}

let generation = 0;
async function render(state) {
  const current = (generation += 1);
  const kind = state.onglet === "services" ? "s" : "e";
  const scores = await textScores(state.q);
  if (current !== generation) return;
  const candidates = documents.filter((doc) => doc.k === kind && (!scores || scores.has(doc.n)));
  const shown = candidates.filter((doc) => matches(doc, state));
  if (scores) shown.sort((a, b) => scores.get(b.n) - scores.get(a.n) || (a.d || "").localeCompare(b.d || ""));
  fillFacets(state, candidates);
  const what = kind === "e" ? "événement" : "service";
  status.textContent = shown.length
    ? `${shown.length} ${what}${shown.length > 1 ? "s" : ""} trouvé${shown.length > 1 ? "s" : ""}${scores ? ", les plus pertinents d'abord" : ", par date"}.`
    : `Aucun ${what} ne correspond à votre recherche.`;
  list.replaceChildren(...shown.slice(0, 50).map(card));
}

function stateFromForm() {
  const state = Object.fromEntries(PARAMS.map((name) => [name, String(form.elements[name]?.value || "")]));
  if (state.departement && manifest.facets.departement[state.departement]?.[1] !== state.region && state.region) {
    state.departement = "";
  }
  return state;
}

async function start() {
  manifest = await json("manifest.json");
  Object.assign(TYPE_LABELS, manifest.facets.type);
  const chunks = await Promise.all(Array.from({ length: manifest.chunks }, (_, i) => json(`docs-${i}.json`)));
  documents = chunks.flat();
  root.querySelector(".search-nojs").hidden = true;
  form.hidden = false;
  const initial = readState();
  fillForm(initial);
  await render(initial);
  let timer;
  form.addEventListener("input", (event) => {
    clearTimeout(timer);
    const typing = event.target === form.elements.q;
    timer = setTimeout(async () => {
      const state = stateFromForm();
      await render(state);
      writeState(state, !typing);  // the address changes once the results it describes are shown
    }, typing ? 120 : 0);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(async () => {
    const state = { ...stateFromForm(), q: form.elements.q.value };
    await render(state);
    writeState(state, true);
  }));
  window.addEventListener("popstate", () => {
    const state = readState();
    fillForm(state);
    render(state);
  });
}

start();
