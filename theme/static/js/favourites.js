// "Mes événements": events a job seeker stars, kept only in this browser (localStorage).
// No data leaves the browser; the page lists them and offers them all as one .ics file.
const KEY = "agenda-emploi:mes-evenements";
const KEEP_DAYS = 30; // an event is taken off the list this many days after it ended

function load() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || "[]");
    return Array.isArray(items) ? items.filter((item) => item && typeof item.uid === "string") : [];
  } catch {
    return [];
  }
}

function save(items) {
  localStorage.setItem(KEY, JSON.stringify(items));
}

function setupButton(button) {
  const data = { ...button.dataset };
  const render = () => {
    const starred = load().some((item) => item.uid === data.uid);
    button.setAttribute("aria-pressed", String(starred));
    button.textContent = starred ? "Retirer de mes événements" : "Ajouter à mes événements";
  };
  button.addEventListener("click", () => {
    const items = load();
    const kept = items.filter((item) => item.uid !== data.uid);
    save(kept.length === items.length ? [...items, data] : kept);
    render();
  });
  button.hidden = false;
  render();
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function sameOrigin(url) {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

async function downloadAll(items) {
  const texts = await Promise.all(items.filter((item) => sameOrigin(item.ics)).map(async (item) => {
    const response = await fetch(item.ics);
    return response.ok ? response.text() : "";
  }));
  const events = texts.flatMap((text) => text.match(/BEGIN:VEVENT[\s\S]*?END:VEVENT\r\n/g) || []);
  // one VTIMEZONE per zone the events use (a Guadeloupe event beside a Paris one)
  const zones = new Map(texts.flatMap((text) => text.match(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r\n/g) || [])
    .map((zone) => [zone.match(/TZID:(.*)\r\n/)[1], zone]));
  const calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//agenda-emploi//Mes evenements//FR\r\n"
    + "X-WR-CALNAME:Mes événements\r\n" + [...zones.values()].join("") + events.join("") + "END:VCALENDAR\r\n";
  const link = element("a", "", { download: "mes-evenements.ics" });
  link.href = URL.createObjectURL(new Blob([calendar], { type: "text/calendar" }));
  document.body.append(link);
  link.click();
  link.remove();
}

// Events that ended more than KEEP_DAYS ago leave the list (an event starred before the end date was kept
// counts from its start).
function prune() {
  const limit = Date.now() - KEEP_DAYS * 86400000;
  const items = load();
  const kept = items.filter((item) => !(Date.parse(item.end || item.start) < limit));
  if (kept.length !== items.length) save(kept);
  return kept;
}

// What the event's page says now (cancelled, postponed, full, past…): read from the page itself.
async function availability(item, row) {
  if (!sameOrigin(item.url)) return;
  try {
    const response = await fetch(item.url);
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("article.event");
    const state = page?.dataset.availability;
    if (state && state !== "open") {
      row.querySelector("a").after(element("span", page.dataset.availabilityLabel,
        { class: `fr-badge fr-badge--sm badge badge-${state}` }));
    }
  } catch {
    // offline: the list still shows what was saved
  }
}

function renderList(container) {
  const items = prune().sort((a, b) => String(a.start).localeCompare(String(b.start)));
  const list = container.querySelector(".favourites-list");
  const empty = container.querySelector(".favourites-empty");
  const actions = container.querySelector(".favourites-actions");
  list.replaceChildren(...items.map((item) => {
    const row = element("li");
    const link = element("a", item.title || "Événement", { class: "fr-link" });
    if (sameOrigin(item.url)) link.href = item.url;
    const remove = element("button", "Retirer", { type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm" });
    remove.append(element("span", ` ${item.title || ""}`, { class: "fr-sr-only" }));
    remove.addEventListener("click", () => {
      save(load().filter((other) => other.uid !== item.uid));
      renderList(container);
    });
    row.append(link, element("span", [item.when, item.place].filter(Boolean).join(" · ")), remove);
    availability(item, row);
    return row;
  }));
  empty.hidden = items.length > 0;
  actions.hidden = items.length === 0;
}

function setupPage(container) {
  container.querySelector(".favourites-nojs").hidden = true;
  container.querySelector(".favourites-download").addEventListener("click", () => downloadAll(load()));
  container.querySelector(".favourites-clear").addEventListener("click", () => {
    save([]);
    renderList(container);
  });
  renderList(container);
}

document.querySelectorAll("button.favourite").forEach(setupButton);
const page = document.querySelector("#mes-evenements");
if (page) setupPage(page);
