// Kursbokas eget skript (lastes på alle sider av Jupyter Book).
(function () {
  // Nedtrekkslister som velger mellom ferdig utregnede resultater (bookbuild/static_widgets.py):
  // vis panelet som hører til valget. Resten av kontrollene trenger en kjørende notatbok.
  function linkChoices(root) {
    root.querySelectorAll("select[data-hi-stack]").forEach(function (select) {
      select.addEventListener("change", function () {
        var stack = document.getElementById(select.dataset.hiStack);
        if (!stack) return;
        Array.prototype.forEach.call(stack.children, function (panel, i) {
          panel.hidden = i !== select.selectedIndex;
        });
      });
    });
  }
  // Tabeller som er bredere enn skjermen: rammen kan nås med tastaturet (piltastene ruller),
  // har et navn for skjermlesere, og får en kort tekst om at den kan rulles (WCAG 1.4.10, 2.1.1).
  var FRAMES = ".pst-scrollable-table-container, .output.text_html, .hi-w-output, .hi-tabell-ramme";
  function markWideTables() {
    document.querySelectorAll(FRAMES).forEach(function (frame) {
      if (!frame.querySelector("table")) return;
      var wide = frame.scrollWidth > frame.clientWidth + 1;
      frame.classList.toggle("hi-bred", wide);
      var hint = frame.previousElementSibling;
      var hasHint = hint && hint.classList.contains("hi-rull");
      if (wide && !hasHint) {
        var p = document.createElement("p");
        p.className = "hi-rull";
        p.textContent = "Tabellen er bredere enn skjermen: rull sidelengs for å se alle kolonnene.";
        frame.parentNode.insertBefore(p, frame);
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("role", "region");
        var caption = frame.querySelector("caption");
        frame.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabell som kan rulles sidelengs");
      } else if (!wide && hasHint) {
        hint.remove();
      }
    });
  }
  // Quiz (jupyterquiz): svaret leses opp når det kommer, og piltastene flytter bare fokus mellom
  // svarene i stedet for å svare på hvert svar de passerer (slik radioknapper ellers gjør).
  function fixQuizzes(root) {
    root.querySelectorAll(".Quiz .Feedback:not([aria-live])").forEach(function (feedback) {
      feedback.setAttribute("role", "status");
      feedback.setAttribute("aria-live", "polite");
    });
    root.querySelectorAll(".Quiz .Answer:not([role])").forEach(function (answers) {
      var question = answers.previousElementSibling && answers.previousElementSibling.querySelector("div[id]");
      answers.setAttribute("role", "radiogroup");
      if (question) answers.setAttribute("aria-labelledby", question.id);
    });
  }
  var ARROWS = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  document.addEventListener("keydown", function (event) {
    var radio = event.target;
    if (!(radio instanceof HTMLInputElement) || radio.type !== "radio" || !radio.closest(".Quiz")) return;
    if (event.key in ARROWS) {
      event.preventDefault();
      var group = Array.prototype.slice.call(radio.closest(".Answer").querySelectorAll("input[type=radio]"));
      var next = group[(group.indexOf(radio) + ARROWS[event.key] + group.length) % group.length];
      next.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      radio.click();
    }
  }, true);

  document.addEventListener("DOMContentLoaded", function () {
    linkChoices(document);
    fixQuizzes(document);
    new MutationObserver(function () { fixQuizzes(document); })
      .observe(document.body, { childList: true, subtree: true });
    markWideTables();
    var timer;
    window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(markWideTables, 150); });
  });
})();
