// The "Mes préférences" page: fill the place and the checkboxes from this browser's preferences, save or clear them.
import { SearchIndex } from "./engine.js";
import { placeField, placeValue, showPlace } from "./place-field.js";
import { FIELDS, loadPreferences, preferencesQuery, savePreferences } from "./preferences.js";

const form = document.querySelector(".preferences-form");
const status = form.querySelector(".preferences-status");
const search = form.querySelector(".preferences-search");
const searchBase = search.getAttribute("href");
const index = new SearchIndex(form.dataset.index);  // only its place files are read here
const place = form.elements.lieu;
placeField(place, { load: (name) => index.placeFile(name), shards: () => index.placeFile("index.json") });

function show(preferences) {
  showPlace(place, preferences.lieu?.code || "", preferences.lieu?.label || "");
  form.elements.rayon.value = preferences.rayon || form.elements.rayon.querySelector("[selected]").value;
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = (preferences[box.name] || []).includes(box.value);
  }
  for (const details of form.querySelectorAll("details")) {
    if (details.querySelector("input:checked")) details.open = true;
  }
  const query = preferencesQuery(preferences);
  search.href = query ? `${searchBase}?${query}` : searchBase;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const preferences = {};
  const typed = placeValue(place);
  const found = typed ? await index.place(typed) : null;
  if (typed && !found) {
    status.textContent = `Lieu inconnu\u00a0: «\u00a0${typed}\u00a0». Tapez le nom de votre commune ou son code postal, puis choisissez-la dans la liste.`;
    place.focus();
    return;
  }
  if (found) {
    preferences.lieu = { code: found.code, label: found.label, point: found.point };
    preferences.rayon = form.elements.rayon.value;
  }
  for (const field of FIELDS) {
    const values = [...form.querySelectorAll(`input[name="${field}"]:checked`)].map((box) => box.value);
    if (values.length) preferences[field] = values;
  }
  savePreferences(preferences);
  show(preferences);
  status.textContent = Object.keys(preferences).length
    ? "Vos préférences sont enregistrées dans ce navigateur."
    : "Aucune préférence cochée\u00a0: rien n'est enregistré.";
});

form.querySelector(".preferences-clear").addEventListener("click", () => {
  savePreferences({});
  show({});
  status.textContent = "Vos préférences sont effacées de ce navigateur.";
});

document.querySelector(".preferences-nojs").hidden = true;
form.hidden = false;
show(loadPreferences());
