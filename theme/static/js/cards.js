// A result card built with text APIs only (textContent, setAttribute), never as HTML: the markup of
// the theme's card macro, for documents of the search index.

export function node(tag, text, attributes = {}) {
  const element = document.createElement(tag);
  if (text) element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

// "à 6 km" (km: the distance from the place searched around, rounded), "à moins d'1 km"
export function distance(km) {
  return km < 1 ? "à moins d'1\u00a0km" : `à ${km}\u00a0km`;
}

export function card(doc, heading = "h2", km = null) {
  const item = node("li", "", { class: "card" });
  const box = node("div", "", { class: "fr-card fr-enlarge-link fr-card--sm" });
  const content = node("div", "", { class: "fr-card__content" });
  const title = node(heading, "", { class: "fr-card__title card-title" });
  title.append(node("a", doc.t, { href: doc.u, dir: "auto" }));
  content.append(title);
  if (doc.k === "e") {
    content.append(node("p", doc.w, { class: "fr-card__desc card-when" }));
    const details = node("div", "", { class: "fr-card__start card-badges" });
    details.append(node("p", `${doc.ty} · ${doc.ml}`, { class: "fr-card__detail" }));
    if (doc.st) details.append(node("span", doc.sl, { class: `fr-badge fr-badge--sm badge badge-${doc.st}` }));
    const end = node("div", "", { class: "fr-card__end" });
    end.append(node("p", km === null || km === undefined ? doc.p : `${doc.p}, ${distance(km)}`, { class: "fr-card__detail card-where" }));
    content.append(details, end);
  } else {
    content.append(node("p", `${doc.c} · ${doc.p}`, { class: "fr-card__detail card-where" }));
  }
  const body = node("div", "", { class: "fr-card__body" });
  body.append(content);
  box.append(body);
  item.append(box);
  return item;
}
