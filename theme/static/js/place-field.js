// The place field ("Près de"): a combobox with a list of suggested communes (the WAI-ARIA 1.2 pattern, list
// autocomplete), on the search page and in "Mes préférences". Typing a name or a postcode ("st junien", "87350")
// suggests communes; arrows move in the list, Enter or a tap chooses, Escape closes. The choice's code (INSEE, or a
// department number typed as such) is what the address and the preferences keep; its label is what is shown.
import { node } from "./cards.js";
import { suggestPlaces } from "./places.js";

export function placeField(input, { load, shards, onChoose = () => {} }) {
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const announce = input.closest(".place-field").querySelector(".place-count");
  let options = [];
  let active = -1;
  let pending = 0;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((item, n) => item.setAttribute("aria-selected", String(n === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  function choose(option) {
    input.value = option.label;
    input.dataset.code = option.code;
    input.dataset.label = option.label;
    close();
    onChoose(option);
  }

  async function suggest() {
    const asked = (pending += 1);
    const found = await suggestPlaces(input.value, load, shards);
    if (asked !== pending) return;  // a newer keystroke's suggestions will come
    options = found;
    list.replaceChildren(...found.map((option, n) => {
      const item = node("li", `${option.label} — ${option.postcode}`, { id: `${list.id}-${n}`, role: "option", "aria-selected": "false" });
      item.addEventListener("pointerdown", (event) => { event.preventDefault(); choose(option); });
      return item;
    }));
    list.hidden = !found.length;
    input.setAttribute("aria-expanded", String(Boolean(found.length)));
    active = -1;
    announce.textContent = input.value.trim().length > 1
      ? (found.length ? `${found.length} commune${found.length > 1 ? "s" : ""} proposée${found.length > 1 ? "s" : ""}` : "Aucune commune proposée")
      : "";
  }

  input.addEventListener("input", () => {
    delete input.dataset.code;  // typed again: the earlier choice no longer holds
    suggest();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length && !list.hidden) {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
  close();
}

// What the field holds: the chosen place's code while its label is still what the field shows, else the text.
export function placeValue(input) {
  return input.dataset.code && input.value === input.dataset.label ? input.dataset.code : input.value.trim();
}

export function showPlace(input, code, label) {
  input.value = label || code || "";
  if (code && label) Object.assign(input.dataset, { code, label });
  else { delete input.dataset.code; delete input.dataset.label; }
}
