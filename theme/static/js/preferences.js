// "Mes préférences": departments, event types and audiences a job seeker picks once, kept only in this
// browser (localStorage). The search page and the home page start from them.
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
    return preferences;
  } catch {
    return {};
  }
}

export function savePreferences(preferences) {
  if (Object.keys(preferences).length) localStorage.setItem(KEY, JSON.stringify(preferences));
  else localStorage.removeItem(KEY);
}

// The search address of the preferences: /recherche/?departement=31&departement=81&type=job-dating…
export function preferencesQuery(preferences) {
  const params = new URLSearchParams();
  for (const field of FIELDS) for (const value of preferences[field] || []) params.append(field, value);
  return params.toString();
}
