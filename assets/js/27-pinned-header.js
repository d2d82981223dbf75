// The header row is sticky inside the table's box (CSS), which is at most a screen high. When
// the page itself scrolls the box's top out of view, the header moves down with the window for
// as long as rows of the box are in view: one custom property on the table moves every header
// cell (runsite.css). Scroll events come once per frame.
(function (RS) {
  "use strict";

  RS.pinnedHeader = function (t) {
    var wrap = t.box.querySelector(".rs-table-wrap"), head = t.table.tHead, shifted = 0;
    t.pinHeader = function () {
      if (!wrap || !head) return;
      var top = wrap.getBoundingClientRect().top;
      var shift = top < 0 ? Math.round(Math.max(0, Math.min(-top, wrap.clientHeight - head.offsetHeight))) : 0;
      if (shift !== shifted) { shifted = shift; t.table.style.setProperty("--rs-head-shift", shift + "px"); }
    };
    window.addEventListener("scroll", t.pinHeader, { passive: true });
    window.addEventListener("resize", t.pinHeader);
  };
})(window.RUNSITE = window.RUNSITE || {});
