// A table wider than a phone scrolls inside itself (finsam.css); keyboard users must be
// able to reach it to scroll, so a scrolling table takes focus (WCAG 2.1.1).
(function () {
  function fokuserbara() {
    document.querySelectorAll("main table, .table-responsive").forEach(function (t) {
      if (t.scrollWidth > t.clientWidth || t.scrollHeight > t.clientHeight) {
        t.tabIndex = 0;
      } else if (t.tabIndex === 0 && !t.hasAttribute("data-tabindex")) {
        t.removeAttribute("tabindex");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", fokuserbara);
  window.addEventListener("resize", fokuserbara);
})();
