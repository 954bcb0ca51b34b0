// Kursbokas eget skript (lastes på alle sider av Jupyter Book).
// Glidebrytere fra ipywidgets får et tilgjengelig navn fra sin egen ledetekst, slik at
// skjermlesere sier hva de styrer (WCAG 4.1.2). Widgetene tegnes etter at siden er lastet,
// så skriptet følger med på endringer i siden.
(function () {
  function nameSliders(root) {
    root.querySelectorAll('[role="slider"]:not([aria-label])').forEach(function (handle) {
      var widget = handle.closest(".widget-slider, .jupyter-widgets");
      var label = widget && widget.querySelector(".widget-label");
      if (label && label.textContent.trim()) {
        handle.setAttribute("aria-label", label.textContent.trim());
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    nameSliders(document);
    new MutationObserver(function () { nameSliders(document); })
      .observe(document.body, { childList: true, subtree: true });
  });
})();
