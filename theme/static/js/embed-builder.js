// The snippet builder of /integrer/: the form's choices become the preview's data- attributes (the widget renders
// again on each change), the snippet to copy and the iframe's address. The address may preselect them
// (/integrer/?departement=31&organisateur=…, from an organiser's page).
const form = document.getElementById("constructeur");

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

if (form) {
  const preview = document.getElementById("apercu");
  const organisers = form.elements.organisateur;
  document.querySelector(".embed-nojs").hidden = true;

  const chosen = () => {
    const found = {};
    for (const name of ["departement", "organisateur", "type", "public", "operation", "max"]) {
      const field = form.elements[name];
      if (field && field.value) found[name] = field.value;
    }
    if (found.organisateur) delete found.departement; // the organiser's file has all its events
    if (found.max === "5") delete found.max;
    return found;
  };

  const update = () => {
    const found = chosen();
    for (const name of ["departement", "organisateur", "type", "public", "operation"]) {
      if (found[name]) preview.setAttribute(`data-${name}`, found[name]);
      else preview.removeAttribute(`data-${name}`);
    }
    preview.setAttribute("data-max", found.max || "5");
    const attributes = Object.entries(found).map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`).join("");
    document.getElementById("code-script").value =
      `<div data-agenda-emploi${attributes}></div>\n<script src="${form.dataset.script}" defer></script>`;
    const query = new URLSearchParams(found);
    query.delete("departement");
    const frame = found.organisateur ? `${form.dataset.frames}?${query}` :
      `${form.dataset.frames}${found.departement}/${String(query) ? `?${query}` : ""}`;
    document.getElementById("code-cadre").value = `<iframe src="${escapeHtml(frame)}" title="Événements pour l'emploi" ` +
      `width="100%" height="480" loading="lazy"></iframe>`;
  };

  // the organisers of the department's upcoming events, from the widget's own data file
  const loadOrganisers = async (keep = "") => {
    organisers.length = 1;
    try {
      const response = await fetch(`${form.dataset.data}departements/${form.elements.departement.value}.json`);
      const data = await response.json();
      const names = new Map(data.evenements.map((event) => [event.organisateur, event.organisateur_nom]));
      for (const [key, name] of [...names].sort((a, b) => a[1].localeCompare(b[1], "fr"))) {
        organisers.add(new Option(name, key, false, key === keep));
      }
    } catch {
      // the select keeps "Tous les organisateurs"
    }
    update();
  };

  const asked = new URLSearchParams(location.search);
  for (const [name, value] of asked) {
    const field = form.elements[name];
    if (field && name !== "organisateur") field.value = value;
  }
  form.addEventListener("input", (event) => {
    if (event.target === form.elements.departement) loadOrganisers();
    else update();
  });
  loadOrganisers(asked.get("organisateur") || "");
}
