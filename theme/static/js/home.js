// Home page, "Pour vous": the next events matching the job seeker's preferences, when they set some.
import { card } from "./cards.js";
import { SearchIndex } from "./engine.js";
import { loadPreferences, preferencesQuery } from "./preferences.js";

const SHOWN = 6;

async function start() {
  const section = document.querySelector(".for-you");
  const preferences = loadPreferences();
  if (!section || !Object.keys(preferences).length) return;
  const index = await SearchIndex.open(section.dataset.index);
  const found = await index.find({ ...preferences, lieu: preferences.lieu?.code || "", kind: "e" });
  // A department with no upcoming event is not among the index's values: it is named by its code.
  const label = (facet, key) => facet.values.find(([value]) => value === key)?.[1]
    ?? (facet.name === "departement" ? `département ${key}` : key);
  const labels = index.manifest.facets.filter((facet) => preferences[facet.name])
    .map((facet) => preferences[facet.name].map((key) => label(facet, key)).join(", "));
  if (found.place) {
    labels.unshift(found.place.kind === "commune" ? `à moins de ${found.radius}\u00a0km de ${found.place.label}` : found.place.label);
  }
  const count = found.numbers.length;
  section.querySelector(".for-you-summary").textContent = count
    ? `${count} événement${count > 1 ? "s" : ""} à venir selon vos préférences (${labels.join("\u00a0; ")}).`
    : `Aucun événement à venir ne correspond pour le moment à vos préférences (${labels.join("\u00a0; ")}).`;
  const docs = await index.documents(found.numbers.slice(0, SHOWN));
  section.querySelector(".for-you-list").replaceChildren(...docs.map((doc, i) => card(doc, "h3", found.km?.get(found.numbers[i]))));
  section.querySelector(".for-you-all").href += `?${preferencesQuery(preferences)}`;
  section.hidden = false;
}

start();
