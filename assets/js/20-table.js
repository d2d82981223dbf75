// The experiment table: its rows, the rows a long table keeps in a script beside the page, and
// showing the rows that match. The other table modules each add one part to the table's state
// `t` (sorting, filtering, sub-run folds, columns, compare, saved views, the pinned header).
(function (RS) {
  "use strict";

  RS.cellValue = function (row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
  };

  // A run's page, which names the run to the charts of the page ("" for a row without one);
  // read once per row, since every filter asks it of every row.
  RS.rowLink = function (row) {
    if (row.__rsLink === undefined) {
      var a = row.cells[0] && row.cells[0].querySelector("a[href]");
      row.__rsLink = a ? a.getAttribute("href") : "";
    }
    return row.__rsLink;
  };

  RS.enhanceTable = function (box) {
    var table = box.querySelector("table.rs-runs");
    if (!table) return;
    var t = {
      box: box, table: table, body: table.tBodies[0], headers: RS.slice(table.tHead.rows[0].cells),
      grouped: table.classList.contains("rs-grouped"),
      // A long table has only its first rows on the page; the rest sit in a script beside it,
      // loaded the first time the reader filters, sorts or turns the page.
      more: table.getAttribute("data-more"),
      // Runs chosen by brushing a parallel-coordinates axis on the page (null: no brush).
      brushed: null,
      // What each module does to rows as they arrive from the script: function (rows).
      rowHooks: [],
      matching: [],
      // What each module does after the table shows new rows: function ().
      rendered: [],
      tools: RS.element("div", "rs-tools"),
      count: RS.element("span", "rs-count"),
      nested: function (list) { return list; },
      columnsChanged: function () {},
      saveView: function () {},
      pinHeader: function () {}
    };
    t.rows = RS.slice(t.body.rows);
    t.limit = t.more ? parseInt(table.getAttribute("data-limit"), 10) : Infinity;

    var pending = null;
    t.withAllRows = function (then) {
      if (!t.more) { then(); return; }
      if (pending) { pending.push(then); return; }
      pending = [then];
      var script = document.createElement("script");
      script.src = t.more;
      script.onload = script.onerror = function () {
        var html = (window.RUNSITE_MORE || {})[table.id] || [];
        var holder = document.createElement("tbody");
        holder.innerHTML = html.join("");
        var added = RS.slice(holder.rows);
        t.rowHooks.forEach(function (hook) { hook(added); });
        t.rows = t.nested(t.rows.concat(added));
        t.more = null;
        var waiting = pending;
        pending = null;
        waiting.forEach(function (f) { f(); });
      };
      document.head.appendChild(script);
    };

    // The rows the filter (and a brush) keep, in the current order, shown by `t.render`
    // (28-table-pages.js); the page's charts show their runs.
    t.update = function () {
      var test = t.matcher();
      var matching = [];
      t.rows.forEach(function (row) {
        if (row.classList.contains("rs-folded")) return;
        var link = RS.rowLink(row);
        if (t.brushed && link && !t.brushed[link]) return;
        if (test.matches(row)) matching.push(row);
      });
      t.matching = matching;
      // Only the runs of this table are shown or hidden: a report may hold other tables and charts.
      if (!t.grouped) {
        var visible = null, all = {};
        t.rows.forEach(function (row) { var link = RS.rowLink(row); if (link) all[link] = true; });
        if (test.active || t.brushed) {
          visible = {};
          matching.forEach(function (row) { visible[RS.rowLink(row)] = true; });
        }
        document.dispatchEvent(new CustomEvent("rs-visible-runs", { detail: { visible: visible, all: all } }));
      }
      t.render();
    };

    RS.tableSort(t);
    RS.tableFilter(t);
    RS.columnChooser(t);
    box.insertBefore(t.tools, box.firstChild);
    RS.tableFolds(t);
    RS.compare(t);
    RS.tablePages(t);
    RS.tableCards(t);
    document.addEventListener("rs-brush", function (e) { t.brushed = e.detail; t.page = 0; t.withAllRows(t.update); });
    t.update();
    RS.tableView(t);
    RS.pinnedHeader(t);
  };
})(window.RUNSITE = window.RUNSITE || {});
