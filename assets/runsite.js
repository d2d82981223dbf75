// runsite — progressive enhancement only: every page is complete without this script.
// Adds sorting, filtering and a column chooser to experiment tables, and value read-out on charts.
(function () {
  "use strict";
  document.documentElement.classList.add("rs-js");

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
  }

  function compare(a, b, numeric) {
    if (numeric) {
      var x = parseFloat(a), y = parseFloat(b);
      var xn = isNaN(x), yn = isNaN(y);
      if (xn || yn) return xn === yn ? 0 : xn ? 1 : -1; // empty and NaN sort last
      return x - y;
    }
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function enhanceTable(box) {
    var table = box.querySelector("table.rs-runs");
    if (!table) return;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);

    // Sorting: click a header; again to reverse.
    headers.forEach(function (th, index) {
      th.setAttribute("tabindex", "0");
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        rows.sort(function (r1, r2) {
          var c = compare(cellValue(r1, index), cellValue(r2, index), numeric);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });

    var tools = document.createElement("div");
    tools.className = "rs-tools";
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "Filter runs: text, or column>value (e.g. val/loss:last<0.3)";
    search.setAttribute("aria-label", "Filter runs");
    var count = document.createElement("span");
    count.className = "rs-count";
    tools.appendChild(search);
    tools.appendChild(count);

    // Column chooser.
    var chooser = document.createElement("details");
    var summary = document.createElement("summary");
    summary.textContent = "Columns";
    chooser.appendChild(summary);
    var list = document.createElement("div");
    chooser.appendChild(list);
    headers.forEach(function (th, index) {
      if (index === 0) return;
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = !th.classList.contains("rs-opt");
      box.addEventListener("change", function () { setVisible(index, box.checked); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + th.getAttribute("data-col").replace(/^(run|param|metric):/, "")));
      list.appendChild(label);
    });
    tools.appendChild(chooser);
    box.insertBefore(tools, box.firstChild);

    function setVisible(index, on) {
      var cells = [headers[index]].concat(rows.map(function (r) { return r.cells[index]; }));
      cells.forEach(function (cell) {
        if (!cell) return;
        cell.classList.toggle("rs-on", on);
        cell.classList.toggle("rs-off", !on);
      });
    }

    function columnIndex(name) {
      for (var i = 0; i < headers.length; i++) {
        var key = headers[i].getAttribute("data-col");
        if (key === name || key.replace(/^(run|param|metric):/, "") === name || key === "metric:" + name + ":last") return i;
      }
      return -1;
    }

    // Terms are ANDed: plain text matches anywhere; column<value, column>value, column=value compare.
    function filter() {
      var terms = search.value.trim().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var ok = terms.every(function (term) {
          var m = term.match(/^(.+?)(<=|>=|!=|=|<|>)(.*)$/);
          if (m) {
            var i = columnIndex(m[1]);
            if (i >= 0) {
              var v = cellValue(row, i), x = parseFloat(v), y = parseFloat(m[3]);
              if (m[2] === "=") return v.toLowerCase() === m[3].toLowerCase() || x === y;
              if (m[2] === "!=") return v.toLowerCase() !== m[3].toLowerCase();
              if (isNaN(x) || isNaN(y)) return false;
              return m[2] === "<" ? x < y : m[2] === ">" ? x > y : m[2] === "<=" ? x <= y : x >= y;
            }
          }
          return text.indexOf(term.toLowerCase()) >= 0;
        });
        row.hidden = !ok;
        if (ok) shown++;
      });
      // A grouped table has one row per group, not per run.
      var noun = table.classList.contains("rs-grouped") ? " groups" : " runs";
      count.textContent = shown + " of " + rows.length + noun;
    }
    search.addEventListener("input", filter);
    filter();
  }

  document.querySelectorAll(".rs-table").forEach(enhanceTable);
})();
