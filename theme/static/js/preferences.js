// "Mes préférences": a commune (and a radius), departments, event types and audiences a job seeker picks once,
// kept only in this browser (localStorage). The search page, the home page and event pages start from them.
const KEY = "agenda-emploi:preferences";
export const FIELDS = ["departement", "type", "public"];

export function loadPreferences() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) || "{}");
    const preferences = {};
    for (const field of FIELDS) {
      const values = Array.isArray(stored[field]) ? stored[field].filter((v) => typeof v === "string") : [];
      if (values.length) preferences[field] = values;
    }
    const place = stored.lieu;  // {code, label, point: [latitude, longitude] in thousandths of a degree}
    if (place && typeof place.code === "string" && typeof place.label === "string" && Array.isArray(place.point)) {
      preferences.lieu = { code: place.code, label: place.label, point: place.point.map(Number) };
      if (/^\d+$/.test(stored.rayon || "")) preferences.rayon = stored.rayon;
    }
    return preferences;
  } catch {
    return {};
  }
}

export function savePreferences(preferences) {
  if (Object.keys(preferences).length) localStorage.setItem(KEY, JSON.stringify(preferences));
  else localStorage.removeItem(KEY);
}

// The search address of the preferences: /recherche/?lieu=87114&departement=31&type=job-dating…
export function preferencesQuery(preferences) {
  const params = new URLSearchParams();
  if (preferences.lieu) params.set("lieu", preferences.lieu.code);
  if (preferences.lieu && preferences.rayon) params.set("rayon", preferences.rayon);
  for (const field of FIELDS) for (const value of preferences[field] || []) params.append(field, value);
  return params.toString();
}
