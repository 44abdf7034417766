// "Copier" buttons: <button data-copy="id-of-a-field" hidden> copies the field's value and says so in the
// status element named by data-status. Shown only where the clipboard is available (the field stays selectable).
export async function copyText(text, status, done) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
  } catch {
    status.textContent = "La copie n'a pas fonctionné\u00a0: sélectionnez le texte, puis copiez-le.";
  }
}

if (navigator.clipboard) {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", () => copyText(document.getElementById(button.dataset.copy).value,
      document.getElementById(button.dataset.status), button.dataset.done || "Copié."));
  }
}
