// The print buttons: a script of the site's own, as the pages allow no inline script.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
