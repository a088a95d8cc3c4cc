// The print buttons: shown and working once this runs. Without JavaScript they stay hidden,
// and the hint beside them points to the browser's own Print menu.
for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
