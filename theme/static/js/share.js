// Sharing an event without any third-party script: e-mail and SMS links work without JavaScript; with it,
// "Copier le lien" (when the clipboard is available) and the device's share sheet (when there is one).
const section = document.querySelector(".share");

function say(text) {
  section.querySelector(".share-status").textContent = text;
}

if (section) {
  const copy = section.querySelector(".share-copy");
  if (navigator.clipboard) {
    copy.parentElement.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(copy.dataset.url);
        say("Lien copié\u00a0: vous pouvez le coller dans un message.");
      } catch {
        say("Le lien n'a pas pu être copié\u00a0: sélectionnez l'adresse de la page.");
      }
    });
  }
  const native = section.querySelector(".share-native");
  if (navigator.share) {
    native.parentElement.hidden = false;
    native.addEventListener("click", () => navigator.share({ title: native.dataset.title, url: native.dataset.url })
      .catch(() => {}));
  }
}
