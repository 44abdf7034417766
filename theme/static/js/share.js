// Sharing an event without any third-party script: e-mail and SMS links work without JavaScript; with it,
// "Copier le lien" (when the clipboard is available) and the device's share sheet (when there is one).
import { copyText } from "./copy.js";

const section = document.querySelector(".share");

if (section) {
  const copy = section.querySelector(".share-copy");
  if (navigator.clipboard) {
    copy.parentElement.hidden = false;
    copy.addEventListener("click", () => copyText(copy.dataset.url, section.querySelector(".share-status"),
      "Lien copié\u00a0: vous pouvez le coller dans un message."));
  }
  const native = section.querySelector(".share-native");
  if (navigator.share) {
    native.parentElement.hidden = false;
    native.addEventListener("click", () => navigator.share({ title: native.dataset.title, url: native.dataset.url })
      .catch(() => {}));
  }
}
