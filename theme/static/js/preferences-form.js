// The "Mes préférences" page: fill the checkboxes from this browser's preferences, save or clear them.
import { FIELDS, loadPreferences, preferencesQuery, savePreferences } from "./preferences.js";

const form = document.querySelector(".preferences-form");
const status = form.querySelector(".preferences-status");
const search = form.querySelector(".preferences-search");
const searchBase = search.getAttribute("href");

function show(preferences) {
  for (const box of form.querySelectorAll("input[type=checkbox]")) {
    box.checked = (preferences[box.name] || []).includes(box.value);
  }
  for (const details of form.querySelectorAll("details")) {
    if (details.querySelector("input:checked")) details.open = true;
  }
  const query = preferencesQuery(preferences);
  search.href = query ? `${searchBase}?${query}` : searchBase;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const preferences = {};
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
