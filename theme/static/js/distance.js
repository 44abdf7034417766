// Event page: how far the event is from the commune kept in "Mes préférences" ("à 6 km de Panazol (87)"),
// measured in this browser; nothing is sent anywhere.
import { distance } from "./cards.js";
import { distanceKm } from "./places.js";
import { loadPreferences } from "./preferences.js";

const target = document.querySelector(".event-distance");
const { lieu } = loadPreferences();
if (target && lieu) {
  const km = Math.floor(distanceKm(lieu.point, [Number(target.dataset.lat), Number(target.dataset.lon)]) + 0.5);
  target.textContent = `${distance(km)} de ${lieu.label}, la commune de vos préférences`;
  target.hidden = false;
}
