// Places for the search "près de chez moi": the exact twin of catalogue/search/places.py (how a typed place is
// read, how far two points are), on the files of the index's lieux/ folder.
import { fold } from "./analysis.js";

const SCALE = 1000;
const EARTH_KM = 6371.0;
const DEPARTMENT = /^(\d{2}|2[ab]|97\d)$/i;
const CODE = /^(\d{5}|2[ab]\d{3})$/i;
const WITH_CODE = /^(?:(\d{5})\s+(.+)|(.+?)\s*\((\d{2}|2[ab]|97\d)\))$/i;
const SAINTS = { st: "saint", ste: "sainte" };

export function placeKey(text) {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean).map((word) => SAINTS[word] || word).join(" ");
}

export function shardOf(key, shards) {
  const written = `${key.replaceAll(" ", "_")}_`;
  let found = "";
  for (const shard of shards) if (written.startsWith(shard) && shard.length > found.length) found = shard;
  return found;
}

export function distanceKm([lat1, lon1], [lat2, lon2]) {
  const rad = (value) => (value / SCALE) * (Math.PI / 180);
  const h = Math.sin((rad(lat2) - rad(lat1)) / 2) ** 2
    + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin((rad(lon2) - rad(lon1)) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

function commune(entry) {
  return entry ? { kind: "commune", code: entry[1], label: `${entry[0]} (${entry[2]})`, point: entry.slice(4, 6) } : null;
}

// The place a typed text names (a department number, an INSEE code or postcode, "87350 Panazol", "Panazol (87)",
// a region's or department's name, a commune's); load(name) reads a file of lieux/, shards() gives the list of name shards (read only when needed).
export async function resolvePlace(text, load, shards) {
  const value = text.split(/\s+/).filter(Boolean).join(" ");
  if (DEPARTMENT.test(value)) {
    const found = ((await load("departements.json")) || []).find(([code]) => code.toLowerCase() === value.toLowerCase());
    return found ? { kind: "departement", code: found[0], label: `${found[1]} (${found[0]})`, point: found.slice(2, 4) } : null;
  }
  if (CODE.test(value)) {
    const entries = (await load(`c-${value.slice(0, 2).toLowerCase()}.json`)) || [];
    return commune(entries.find((e) => e[1].toLowerCase() === value.toLowerCase())
      || entries.find((e) => e[3].split(" ").includes(value)) || null);
  }
  const match = WITH_CODE.exec(value);
  const [postcode, department] = match ? [match[1], match[4]] : [undefined, undefined];
  const key = placeKey(match ? match[2] || match[3] : value);
  if (!key) return null;
  const names = match ? {} : (await load("noms.json")) || {};
  if (Object.hasOwn(names, key) && names[key][0] !== "commune") return named(names[key], load, shards); // "Occitanie"
  const shard = shardOf(key, await shards());
  const entries = (shard && (await load(`n-${shard}.json`))) || [];
  return commune(entries.find((e) => placeKey(e[0]) === key && (!postcode || e[3].split(" ").includes(postcode))
    && (!department || e[2].toLowerCase() === department.toLowerCase())) || null);
}

const NAME_WORDS = 5; // places.py: the longest place name read in the words

// The place a noms.json entry names: a region (regions.json), a department or a town.
async function named([kind, code], load, shards) {
  if (kind !== "region") return resolvePlace(code, load, shards);
  const found = ((await load("regions.json")) || []).find(([known]) => known === code);
  return found ? { kind: "region", code, label: found[1], point: found.slice(2, 4) } : null;
}

// The query's words without tokens[start, end): complete (a space after them) when the place ended it.
function rest(query, tokens, start, end) {
  const words = [...tokens.slice(0, start), ...tokens.slice(end)].join(" ");
  const tail = end === tokens.length ? " " : query.slice(query.trimEnd().length);
  return words ? words + tail : "";
}

// A query that is a place or holds one: [the other words, the place] (see places.py's split_place): a postcode
// anywhere, a region, department or town name (noms.json) anywhere, the last one (a name that is also a noun only
// at the end; a town followed by a department number: that department's), or a department number at the end.
export async function splitPlace(query, load, shards) {
  const tokens = query.split(/\s+/).filter(Boolean);
  const whole = tokens.join(" ");
  if (whole && (DEPARTMENT.test(whole) || CODE.test(whole))) {
    const place = await resolvePlace(whole, load, shards);
    if (place) return ["", place];
  }
  for (let i = 0; i < tokens.length; i += 1) {
    if (/^\d{5}$/.test(tokens[i])) {
      const place = await resolvePlace(tokens[i], load, shards);
      if (place) return [[...tokens.slice(0, i), ...tokens.slice(i + 1)].join(" ") + query.slice(query.trimEnd().length), place];
    }
  }
  const names = (await load("noms.json")) || {};
  for (let end = tokens.length; end > 0; end -= 1) {
    for (let size = Math.min(NAME_WORDS, end); size > 0; size -= 1) {
      const name = tokens.slice(end - size, end).join(" ");
      const key = placeKey(name);
      const entry = Object.hasOwn(names, key) ? names[key] : null;
      if (!entry || !(entry[2] || end === tokens.length)) continue;
      const after = tokens[end] || "";
      if (entry[0] === "commune" && DEPARTMENT.test(after)) { // "saint denis 93": the one of the 93
        const place = await resolvePlace(`${name} (${after})`, load, shards);
        if (place) return [rest(query, tokens, end - size, end + 1), place];
      }
      const place = await named(entry, load, shards);
      if (place) return [rest(query, tokens, end - size, end), place];
    }
  }
  if (tokens.length > 1 && DEPARTMENT.test(tokens[tokens.length - 1])) {
    const place = await resolvePlace(tokens[tokens.length - 1], load, shards);
    if (place) return [rest(query, tokens, tokens.length - 1, tokens.length), place];
  }
  return [query, null];
}

// What the place field suggests as one types: communes whose name (or postcode) starts so, most populated first.
export async function suggestPlaces(text, load, shards, max = 8) {
  const value = text.trim();
  if (/^\d{2,5}$/.test(value)) {
    const entries = (await load(`c-${value.slice(0, 2)}.json`)) || [];
    const found = [];
    for (const entry of entries) {
      for (const postcode of entry[3].split(" ")) {
        if (found.length < max && postcode.startsWith(value)) found.push({ ...commune(entry), postcode });
      }
    }
    return found;
  }
  const key = placeKey(value);
  if (key.length < 2) return [];
  const written = key.replaceAll(" ", "_");
  // the shard holding the key, or the first few of those that begin with it (the user is still typing)
  const wanted = (await shards()).filter((shard) => shard.startsWith(written) || written.startsWith(shard)).slice(0, 6);
  const entries = (await Promise.all(wanted.map((shard) => load(`n-${shard}.json`)))).flat().filter(Boolean)
    .filter((entry) => placeKey(entry[0]).startsWith(key));
  return entries.slice(0, max).map((entry) => ({ ...commune(entry), postcode: entry[3].split(" ")[0] }));
}
