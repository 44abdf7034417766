/* Agenda de l'emploi: upcoming events on a partner's page (docs/partners.md). Published as
   integrer/agenda-emploi.js. A classic script, for any site:

     <div data-agenda-emploi data-departement="31" data-type="job-dating" data-max="5"></div>
     <script src="https://…/integrer/agenda-emploi.js" defer></script>

   It reads integrer/departements/<code>.json or integrer/organisateurs/<organiser>.json from the script's own
   site (no cookie, no referrer, nothing else), and renders into a Shadow DOM with a constructed stylesheet: no
   inline script or style, so it runs under a strict Content-Security-Policy. A white card with blue links that
   takes the page's font, themable with custom properties:
   --agenda-couleur, --agenda-texte, --agenda-fond, --agenda-bordure, --agenda-police. A change of its data-
   attributes renders it again. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(".", script.src).href;
  // a white card with the State's blue links unless the partner's properties say otherwise: readable on any page
  var CSS = ":host{display:block;font-family:var(--agenda-police,inherit);color:var(--agenda-texte,#161616);" +
    "background:var(--agenda-fond,#fff);line-height:1.5}" +
    "section{border:1px solid var(--agenda-bordure,#ddd);padding:1rem}" +
    "h1,h2,h3,h4,h5,h6{font-size:1.25rem;margin:0 0 .75rem}" +
    "ul{list-style:none;margin:0;padding:0}li{padding:.5rem 0;border-top:1px solid var(--agenda-bordure,#ddd)}" +
    "li:first-child{border-top:0}a{color:var(--agenda-couleur,#000091);font-weight:700}" +
    "a:focus-visible{outline:2px solid var(--agenda-couleur,#000091);outline-offset:2px}" +
    "p{margin:.25rem 0 0}.statut{font-weight:700;color:#b34000}.tout{margin-top:.75rem}";
  var sheet = null;
  var CODE = /^(\d{2,3}|2[ab])$/i;
  var NAME = /^[a-z0-9-]{1,120}$/;
  var OPTIONS = ["departement", "organisateur", "type", "public", "operation", "max", "titre", "niveau"];

  function node(tag, text, attributes) {
    var element = document.createElement(tag);
    if (text) element.textContent = text;
    for (var name in attributes || {}) element.setAttribute(name, attributes[name]);
    return element;
  }

  function styles(root) {
    if (sheet === null) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      } catch (error) {
        sheet = false; // an older browser: the list stays readable with the page's own styles
      }
    }
    if (sheet) root.adoptedStyleSheets = [sheet];
  }

  // data- attributes; an iframe page (data-agenda-adresse) takes them from its address too
  function options(host) {
    var found = {};
    var query = "agendaAdresse" in host.dataset ? new URLSearchParams(location.search) : null;
    OPTIONS.forEach(function (name) {
      var value = (query && query.get(name)) || host.dataset[name] || "";
      found[name] = value.trim();
    });
    return found;
  }

  function source(found) {
    if (found.organisateur && NAME.test(found.organisateur)) return "organisateurs/" + found.organisateur;
    if (CODE.test(found.departement)) return "departements/" + found.departement.toUpperCase();
    return "";
  }

  function matches(event, found, inclusive) {
    return (!found.type || event.type === found.type) &&
      (!found.public || event.publics.indexOf(found.public) >= 0 || event.publics.indexOf(inclusive) >= 0) &&
      (!found.organisateur || event.organisateur === found.organisateur) &&
      (!found.operation || event.operation === found.operation);
  }

  function item(event) {
    var entry = node("li");
    var title = node("p");
    title.append(node("a", event.titre, { href: event.url, dir: "auto" }));
    entry.append(title);
    var when = node("p");
    when.append(node("time", event.quand, { datetime: event.debut }), " · " + event.lieu + " · " + event.type_libelle);
    entry.append(when);
    if (event.statut) entry.append(node("p", event.statut, { class: "statut" }));
    return entry;
  }

  function render(host, root, data, found) {
    var max = Math.min(Math.max(parseInt(found.max, 10) || 5, 1), 50);
    var shown = data.evenements.filter(function (event) { return matches(event, found, data.public_inclusif); })
      .slice(0, max);
    var level = /^[1-6]$/.test(found.niveau) ? found.niveau : "2";
    var section = node("section", "", { "aria-labelledby": "agenda-titre", lang: "fr" });
    section.append(node("h" + level, found.titre || "Événements pour l'emploi : " + data.titre, { id: "agenda-titre" }));
    if (shown.length) {
      var list = node("ul");
      shown.forEach(function (event) { list.append(item(event)); });
      section.append(list);
    } else {
      section.append(node("p", "Aucun événement à venir pour le moment."));
    }
    var all = node("p", "", { class: "tout" });
    all.append(node("a", "Tous les événements : " + data.titre, { href: data.page }));
    section.append(all);
    root.replaceChildren(section);
    host.setAttribute("data-agenda-pret", String(shown.length));
  }

  function load(host) {
    var found = options(host);
    var path = source(found);
    if (!path && host.children.length) return; // the iframe page's own list of departments
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    styles(root);
    if (!path) {
      root.replaceChildren(node("p", "Agenda de l'emploi : indiquez un département (data-departement) ou un organisateur."));
      return;
    }
    fetch(base + path + ".json", { credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (data) { render(host, root, data, found); })
      .catch(function () {
        root.replaceChildren(node("p", "Les événements n'ont pas pu être chargés. Réessayez plus tard."));
      });
  }

  function start() {
    var hosts = document.querySelectorAll("[data-agenda-emploi]");
    var watch = window.MutationObserver && new MutationObserver(function (changes) {
      changes.forEach(function (change) { load(change.target); });
    });
    Array.prototype.forEach.call(hosts, function (host) {
      if (host.agendaEmploi) return; // the script included twice
      host.agendaEmploi = true;
      load(host);
      if (watch) watch.observe(host, { attributes: true, attributeFilter: OPTIONS.map(function (name) { return "data-" + name; }) });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
