// A script of the site's own, as the pages allow no inline script.
// The print buttons print.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
// A refused form's answer shows the refusal, which may sit below the fold, beside its form.
document.addEventListener("DOMContentLoaded", () => {
  const refusal = document.querySelector("main .refusal");
  if (refusal) refusal.scrollIntoView({ block: "center" });
});
