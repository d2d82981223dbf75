// Sub-runs: runs under other runs stay right under their parent, in the current order among
// themselves, and are folded until their parent's button opens them.
(function (RS) {
  "use strict";

  RS.tableFolds = function (t) {
    var open = {};
    t.nested = function (list) {
      var byId = {}, kids = {}, top = [];
      list.forEach(function (r) { var id = r.getAttribute("data-id"); if (id !== null) byId[id] = r; });
      list.forEach(function (r) {
        var parent = r.getAttribute("data-parent");
        if (parent !== null && byId[parent]) (kids[parent] = kids[parent] || []).push(r); else top.push(r);
      });
      var out = [];
      function add(r, hidden) {
        r.classList.toggle("rs-folded", hidden);
        out.push(r);
        var id = r.getAttribute("data-id");
        (kids[id] || []).forEach(function (k) { add(k, hidden || !open[id]); });
      }
      top.forEach(function (r) { add(r, false); });
      return out;
    };
    function addFoldButtons(list) {
      list.forEach(function (r) {
        var kids = r.querySelector(".rs-kids");
        if (!kids || r.querySelector(".rs-fold")) return;
        var id = r.getAttribute("data-id");
        var button = RS.element("button", "rs-fold", "▸");
        button.type = "button";
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("aria-label", "Show sub-runs");
        button.addEventListener("click", function () {
          open[id] = !open[id];
          button.setAttribute("aria-expanded", open[id] ? "true" : "false");
          button.textContent = open[id] ? "▾" : "▸";
          t.rows = t.nested(t.rows);
          t.update();
        });
        r.cells[0].insertBefore(button, r.cells[0].firstChild);
      });
    }
    t.rowHooks.push(addFoldButtons);
    addFoldButtons(t.rows);
    t.rows = t.nested(t.rows);
  };
})(window.RUNSITE = window.RUNSITE || {});
