// Compare: tick 2 to 8 runs, then "Compare" shows the params that differ among them, their
// metric values side by side with the best marked, and only their lines in the page's charts.
(function (RS) {
  "use strict";

  function cellText(row, i) { return row.cells[i] ? row.cells[i].textContent.replace("★", "").trim() : ""; }

  RS.compare = function (t) {
    if (t.grouped) return;
    var picked = [], panel = null;
    var button = RS.element("button", "rs-compare-button", "Compare");
    button.type = "button";
    button.disabled = true;
    t.tools.appendChild(button);
    function updateButton() {
      button.disabled = picked.length < 2 || picked.length > 8;
      button.textContent = "Compare" + (picked.length ? " (" + picked.length + ")" : "");
    }
    function addPickers(list) {
      list.forEach(function (r) {
        if (!r.cells[0] || r.querySelector(".rs-pick") || !RS.rowLink(r)) return;
        var tick = RS.element("input", "rs-pick");
        tick.type = "checkbox";
        tick.setAttribute("aria-label", "Select " + (r.cells[0].getAttribute("data-v") || "run") + " to compare");
        tick.addEventListener("change", function () {
          var i = picked.indexOf(r);
          if (tick.checked && i < 0) picked.push(r);
          if (!tick.checked && i >= 0) picked.splice(i, 1);
          updateButton();
        });
        r.cells[0].insertBefore(tick, r.cells[0].firstChild);
      });
    }
    function allLinks() {
      var all = {};
      t.rows.forEach(function (r) { var l = RS.rowLink(r); if (l) all[l] = true; });
      return all;
    }
    function show() {
      if (panel) panel.remove();
      panel = RS.element("section", "rs-compare");
      panel.setAttribute("aria-label", "Comparison of the selected runs");
      var heading = RS.element("h3", "", "Comparing " + picked.length + " runs");
      var close = RS.element("button", "", "Close");
      close.type = "button";
      close.addEventListener("click", function () {
        panel.remove(); panel = null;
        document.dispatchEvent(new CustomEvent("rs-visible-runs", { detail: { visible: null, all: allLinks() } }));
      });
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(close);
      panel.appendChild(heading);
      var grid = RS.element("table", "rs-compare-table");
      var head = grid.createTHead().insertRow();
      head.appendChild(RS.element("th", "", ""));
      picked.forEach(function (r) {
        var th = RS.element("th", "", r.cells[0].getAttribute("data-v") || cellText(r, 0));
        th.scope = "col";
        // The run's swatch, as in the table and the charts.
        var swatch = r.cells[0].querySelector("svg.rs-swatch");
        if (swatch) th.insertBefore(swatch.cloneNode(true), th.firstChild);
        head.appendChild(th);
      });
      var body = grid.createTBody();
      t.headers.forEach(function (th, i) {
        var key = th.getAttribute("data-col") || "";
        var isParam = /^param:/.test(key), isMetric = /^metric:/.test(key);
        if (!isParam && !isMetric) return;
        var texts = picked.map(function (r) { return cellText(r, i); });
        if (isParam && texts.every(function (text) { return text === texts[0]; })) return;   // only params that differ
        var best = th.getAttribute("data-best"), values = picked.map(function (r) { return parseFloat(RS.cellValue(r, i)); });
        var finite = values.filter(function (v) { return isFinite(v); });
        var target = !best || !finite.length ? null : best === "min" ? Math.min.apply(null, finite) : Math.max.apply(null, finite);
        var row = body.insertRow();
        var label = RS.element("th", "", key.replace(/^(param|metric):/, ""));
        label.scope = "row";
        row.appendChild(label);
        texts.forEach(function (text, k) {
          var cell = row.insertCell();
          cell.textContent = text;
          if (isMetric) cell.className = "rs-num" + (target !== null && values[k] === target && finite.length > 1 ? " rs-best" : "");
        });
      });
      panel.appendChild(grid);
      t.box.parentNode.insertBefore(panel, t.box.nextSibling);
      var visible = {};
      picked.forEach(function (r) { visible[RS.rowLink(r)] = true; });
      document.dispatchEvent(new CustomEvent("rs-visible-runs", { detail: { visible: visible, all: allLinks() } }));
    }
    button.addEventListener("click", show);
    t.rowHooks.push(addPickers);
    addPickers(t.rows);
  };
})(window.RUNSITE = window.RUNSITE || {});
