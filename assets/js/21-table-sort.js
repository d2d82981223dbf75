// Sorting: click a column's header (or press Enter on it) to sort by it; again to reverse.
// Columns are typed (`data-type` on the header): numbers, times, booleans or text.
(function (RS) {
  "use strict";

  // A cell's sort key by its column's type: rank 0 for a value, 1 for NaN (or text that is no
  // number in a number column), 2 for an empty cell. Ranks 1 and 2 stay last in both directions;
  // ±Infinity are numbers.
  RS.sortKey = function (text, type) {
    if (text === "") return { rank: 2, value: null };
    if (type === "number" || type === "time") {
      var x = /^[+-]?inf(inity)?$/i.test(text) ? (text.charAt(0) === "-" ? -Infinity : Infinity) : parseFloat(text);
      return isNaN(x) ? { rank: 1, value: null } : { rank: 0, value: x };
    }
    if (type === "bool") {
      var t = text.toLowerCase();
      if (t === "true" || t === "false") return { rank: 0, value: t === "true" ? 1 : 0 };
    }
    return { rank: 0, value: text };
  };

  RS.compareKeys = function (a, b, ascending) {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.rank !== 0) return 0;
    var c = typeof a.value === "number" && typeof b.value === "number"
      ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
      : String(a.value).localeCompare(String(b.value), undefined, { numeric: true, sensitivity: "base" });
    return ascending ? c : -c;
  };

  RS.tableSort = function (t) {
    // Sorts by column `index`: "ascending", "descending", or (no direction) the other way round.
    function sortNow(index, direction) {
      var th = t.headers[index];
      var ascending = direction ? direction === "ascending" : th.getAttribute("aria-sort") !== "ascending";
      t.headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var type = th.getAttribute("data-type") || "text";
      // Keys computed once per row, and ties kept in the current order (a stable sort).
      var keyed = t.rows.map(function (r, i) { return { row: r, key: RS.sortKey(RS.cellValue(r, index), type), at: i }; });
      keyed.sort(function (p, q) { return RS.compareKeys(p.key, q.key, ascending) || p.at - q.at; });
      t.rows = t.nested(keyed.map(function (k) { return k.row; }));
      t.page = 0;
      t.update();
      t.saveView();
    }
    t.sortBy = function (index, direction) { t.withAllRows(function () { sortNow(index, direction); }); };
    t.headers.forEach(function (th, index) {
      th.setAttribute("tabindex", "0");
      function sort() { t.sortBy(index); }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  };
})(window.RUNSITE = window.RUNSITE || {});
