// Search page: the form, the facet selects with counts, the results, and the state in the URL.
// Facet parameters may repeat (?departement=31&departement=81): "Mes préférences" opens the page so.
import { card, node } from "./cards.js";
import { IndexVersionError, SearchIndex } from "./engine.js";
import { placeField, placeValue, showPlace } from "./place-field.js";
import { loadPreferences, preferencesQuery } from "./preferences.js";

const root = document.querySelector("#recherche");
const form = root.querySelector(".search-form");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const more = root.querySelector(".search-more");
const note = root.querySelector(".search-place-note");
const onlineSection = root.querySelector(".search-online");
const PAGE = 20;
let index;
let FACETS = [];

function readState() {
  const params = new URLSearchParams(location.search);
  const state = { q: params.get("q") || "", onglet: params.get("onglet") || "evenements" };
  for (const name of ["quand", "du", "au", "lieu", "rayon", "tri"]) state[name] = params.get(name) || "";
  for (const name of FACETS) state[name] = params.getAll(name).filter(Boolean);
  state.cible = params.get("cible") === "1" ? "1" : "";
  return state;
}

const defaultRadius = () => String(index.manifest.places.radius);

function writeState(state, push) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.onglet !== "evenements") params.set("onglet", state.onglet);
  for (const name of FACETS) for (const value of state[name]) params.append(name, value);
  for (const name of ["quand", "du", "au", "lieu", "tri"]) if (state[name]) params.set(name, state[name]);
  if (state.lieu && state.rayon && state.rayon !== defaultRadius()) params.set("rayon", state.rayon);
  if (state.cible) params.set("cible", "1");
  const url = `${location.pathname}${params.toString() ? `?${params}` : ""}`;
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

function stateFromForm() {
  const state = { q: form.elements.q.value, onglet: form.elements.onglet.value };
  for (const name of ["quand", "du", "au", "rayon", "tri"]) state[name] = form.elements[name].value;
  state.lieu = placeValue(form.elements.lieu);
  for (const name of FACETS) state[name] = form.elements[name].value.split("|").filter(Boolean);
  state.cible = form.elements.cible.checked ? "1" : "";
  const region = state.region.length === 1 ? state.region[0] : "";
  const departments = index.facet("departement").values;
  if (region) state.departement = state.departement.filter((code) => departments.find(([key]) => key === code)?.[2] === region);
  return state;
}

function dateWindow(state) {
  const today = new Date();
  const day = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  if (state.quand === "semaine") {
    const end = new Date(today);
    end.setDate(today.getDate() + ((7 - today.getDay()) % 7));
    return [day(today), day(end)];
  }
  if (state.quand === "mois") return [day(today), day(new Date(today.getFullYear(), today.getMonth() + 1, 0))];
  return [state.du, state.au];
}

function showActive(state) {
  const active = FACETS.filter((name) => state[name].length).length + (state.quand || state.du || state.au ? 1 : 0);
  const plural = active > 1 ? "s" : "";
  root.querySelector(".search-active").textContent = active ? `(${active} filtre${plural} actif${plural})` : "";
}

function fillForm(state) {
  form.elements.q.value = state.q;
  form.elements.onglet.value = state.onglet;
  for (const name of ["quand", "du", "au", "tri"]) form.elements[name].value = state[name];
  form.elements.rayon.value = state.rayon || defaultRadius();
  form.elements.cible.checked = state.cible === "1";
}

// The place field shows the place's name ("Panazol (87)") for the code the address keeps (lieu=87114).
async function showPlaceOf(state) {
  const place = state.lieu ? await index.place(state.lieu) : null;
  showPlace(form.elements.lieu, state.lieu, place ? place.label : "");
}

const WITHIN = { departement: "dans le département", region: "dans la région" };

function where(found) {
  const within = WITHIN[found.place.kind];
  return within ? `${within} ${found.place.label}` : `à moins de ${found.radius}\u00a0km de ${found.place.label}`;
}

// Each select lists the values present among the results, with their counts; a list of several values
// (from the preferences or a shared address) is one more option, labelled with their names.
function fillFacets(state, counts) {
  for (const facet of index.manifest.facets) {
    const select = form.elements[facet.name];
    const count = counts[facet.name];
    const chosen = state[facet.name];
    const options = [node("option", "Tous", { value: "" })];
    if (chosen.length > 1) {
      const names = facet.values.filter(([key]) => chosen.includes(key));
      const total = names.reduce((sum, [key]) => sum + count[facet.values.findIndex(([k]) => k === key)], 0);
      options.push(node("option", `${names.map(([, label]) => label).join(", ")} (${total})`, { value: chosen.join("|") }));
    }
    facet.values.forEach(([key, label], n) => {
      const found = count[n];
      if (found || (chosen.length === 1 && chosen[0] === key)) options.push(node("option", `${label} (${found})`, { value: key }));
    });
    select.replaceChildren(...options);
    select.value = chosen.join("|");
  }
}

let generation = 0;
let shown = [];
let km = new Map();
let placeFound = null;
async function render(state) {
  const current = (generation += 1);
  const [from, to] = dateWindow(state);
  const found = await index.find({ ...state, kind: state.onglet === "services" ? "s" : "e", from, to });
  if (current !== generation) return;
  const nearest = Boolean(found.place && !found.numbers.length && found.nearest.length);
  shown = nearest ? found.nearest : found.numbers;
  km = found.km || new Map();
  fillFacets(state, found.counts);
  showActive(state);
  const what = state.onglet === "services" ? "service" : "événement";
  const plural = shown.length > 1 ? "s" : "";
  const skipped = found.ignored.length
    ? ` ${found.ignored.map((word) => `«\u00a0${word}\u00a0»`).join(", ")} ne figure dans aucun ${what}\u00a0: mot${found.ignored.length > 1 ? "s" : ""} ignoré${found.ignored.length > 1 ? "s" : ""}.`
    : "";
  const [docs, online] = await Promise.all([index.documents(shown.slice(0, PAGE)), index.documents(found.online || [])]);
  if (current !== generation) return;
  // the results first, then the announcement: a screen reader hears the count once they are there
  list.replaceChildren(...docs.map((doc, i) => card(doc, "h2", km.get(shown[i]))));
  onlineSection.querySelector("ul").replaceChildren(...online.map((doc) => card(doc, "h3")));
  onlineSection.hidden = !online.length;
  more.hidden = shown.length <= PAGE;
  // a place read from the words ("atelier cv colomiers"): say so, and offer to change it in the place field
  note.hidden = !(found.place && !state.lieu);
  if (!note.hidden) {
    const words = found.words.trim();
    const around = WITHIN[found.place.kind] ? where(found) : `autour de ${found.place.label}, ${found.radius}\u00a0km`;
    note.querySelector("span").textContent = `${words ? `«\u00a0${words}\u00a0» ` : ""}${around}.`;
    placeFound = found;
  }
  const order = found.ranked ? ", les plus pertinents d'abord" : state.tri === "distance" && found.place ? ", les plus proches d'abord" : what === "service" ? ", par catégorie" : ", par date";
  let message;
  if (found.unknown) message = `Lieu inconnu\u00a0: «\u00a0${state.lieu}\u00a0». Tapez le nom d'une commune, son code postal, un numéro de département ou le nom d'une région, puis choisissez dans la liste.`;
  else if (nearest) message = `Aucun événement ${where(found)}. Voici les ${shown.length} plus proches${online.length ? ", et plus bas ceux à distance" : ""}.`;
  else if (found.place && shown.length) message = `${shown.length} ${what}${plural} ${where(found)}${order}${online.length ? `, et ${online.length} à distance plus bas` : ""}.`;
  else if (shown.length) message = `${shown.length} ${what}${plural} trouvé${plural}${order}.`;
  else message = found.place ? `Aucun événement ${where(found)}${online.length ? ", mais des événements à distance plus bas" : ""}.` : `Aucun ${what} ne correspond à votre recherche.`;
  status.textContent = message + skipped;
}

async function showMore() {
  more.disabled = true;  // one page at a time
  const start = list.children.length;
  const cards = (await index.documents(shown.slice(start, start + PAGE))).map((doc, i) => card(doc, "h2", km.get(shown[start + i])));
  list.append(...cards);
  cards[0]?.querySelector("a").focus();
  more.hidden = list.children.length >= shown.length;
  more.disabled = false;
}

async function start() {
  index = await SearchIndex.open(root.dataset.index);
  FACETS = index.manifest.facets.map((facet) => facet.name);
  const preferences = preferencesQuery(loadPreferences());
  if (!location.search && preferences) {
    history.replaceState(null, "", `${location.pathname}?${preferences}`);
    root.querySelector(".search-preferences").hidden = false;
  }
  root.querySelector(".search-nojs").hidden = true;
  form.hidden = false;
  if (matchMedia("(min-width: 48em)").matches) root.querySelector(".search-filters").open = true;  // folded on phones
  const initial = readState();
  fillForm(initial);
  await showPlaceOf(initial);
  await render(initial);
  const update = async (push) => {
    const state = stateFromForm();
    await render(state);
    writeState(state, push);
  };
  placeField(form.elements.lieu, {
    load: (name) => index.placeFile(name), shards: () => index.placeFile("index.json"), onChoose: () => update(true),
  });
  // "Modifier": the place read from the words goes to the place field, the words stay the words
  note.querySelector("button").addEventListener("click", async () => {
    form.elements.q.value = placeFound.words.trim();
    const { kind, code, label } = placeFound.place;  // a region is kept by its name: its code could be a department's
    showPlace(form.elements.lieu, kind === "region" ? label : code, label);
    await update(true);
    form.elements.lieu.focus();
  });
  let timer;
  form.addEventListener("input", (event) => {
    clearTimeout(timer);
    const typing = event.target === form.elements.q || event.target === form.elements.lieu;
    if (event.target === form.elements.lieu && form.elements.lieu.value.trim() && !form.elements.lieu.dataset.code) return;  // until chosen
    timer = setTimeout(async () => {
      const state = stateFromForm();
      await render(state);
      writeState(state, !typing);  // the address changes once the results it describes are shown
    }, typing ? 120 : 0);
  });
  // Enter, or leaving the place field, searches with what was typed even if no suggestion was chosen ("87")
  form.addEventListener("submit", (event) => { event.preventDefault(); update(true); });
  form.elements.lieu.addEventListener("change", () => update(true));
  form.addEventListener("reset", () => setTimeout(async () => {
    for (const name of FACETS) form.elements[name].value = "";
    showPlace(form.elements.lieu, "", "");
    const state = { ...stateFromForm(), q: form.elements.q.value };
    await render(state);
    writeState(state, true);
  }));
  more.addEventListener("click", showMore);
  window.addEventListener("popstate", async () => {
    const state = readState();
    fillForm(state);
    await showPlaceOf(state);
    render(state);
  });
}

// An index of another format (a page kept in cache across a new build), or one that cannot be read:
// say so, and keep the links that work without the search.
start().catch((error) => {
  root.querySelector(".search-status").textContent = error instanceof IndexVersionError
    ? "La recherche a été mise à jour\u00a0: rechargez la page pour l'utiliser."
    : "La recherche n'a pas pu se charger\u00a0: rechargez la page, ou parcourez les événements par région.";
});
