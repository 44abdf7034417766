// The feed builder of the subscribe page: a place, a type or an audience give the folder of a pre-built feed
// (evenements/occitanie/haute-garonne/type/job-dating/), and its calendar, RSS and Atom addresses. Without
// JavaScript the page lists the same feeds as links.
const form = document.getElementById("composer");

if (form) {
  const [rss, atom, calendar] = form.dataset.files.split(" ");
  const events = form.dataset.site + form.dataset.events;
  const result = form.querySelector(".feed-result-links");
  const title = form.querySelector(".feed-result-title"); // announced: the feed chosen, or why there is none

  const label = (select) => select.selectedOptions[0].textContent.replace(" (toute la région)", "");

  const update = () => {
    const { lieu, type, public: audience } = form.elements;
    // a place address is the listing's own (evenements/…/); the type and audience paths go below evenements/
    const place = lieu.value ? form.dataset.site + lieu.value : events;
    const alone = "alone" in lieu.selectedOptions[0].dataset; // online events: one feed for every type
    const found = audience.value ? !lieu.value && !type.value : !(alone && type.value);
    result.hidden = !found;
    if (!found) {
      title.textContent = title.dataset.none;
      return;
    }
    const folder = audience.value ? events + audience.value : place + type.value;
    const chosen = [lieu.value ? label(lieu) : "Toute la France", type.value && label(type), audience.value && label(audience)];
    title.textContent = `Les événements à venir : ${chosen.filter(Boolean).join(", ")}`;
    form.querySelector(".feed-webcal").href = (folder + calendar).replace(/^https?:/, "webcal:");
    form.elements["flux-ics"].value = folder + calendar;
    form.elements["flux-rss"].value = folder + rss;
    form.elements["flux-atom"].value = folder + atom;
  };

  form.hidden = false;
  form.addEventListener("input", update);
  update();
}
