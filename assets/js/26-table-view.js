// The table's view (filter, sort, columns) in the URL's fragment and, per page and table, in
// localStorage. Fragment keys are the table's id and a letter (`runs.f`, `runs.s`, `runs.c`);
// columns are named by their keys, so that a view survives columns added by a later build.
(function (RS) {
  "use strict";

  RS.tableView = function (t) {
    var id = t.table.id;
    if (!id) return;
    var storageKey = "runsite-view:" + location.pathname + ":" + id;
    t.saveView = function () {
      var view = { f: t.search.value, s: "", c: "" };
      t.headers.forEach(function (th) {
        var sort = th.getAttribute("aria-sort");
        if (sort) view.s = (sort === "descending" ? "-" : "") + th.getAttribute("data-col");
      });
      view.c = t.headers.map(function (th, i) {
        return t.columnState[i] === undefined ? "" : (t.columnState[i] ? "+" : "-") + th.getAttribute("data-col");
      }).filter(Boolean).join(",");
      RS.store(storageKey, view);
      var entries = {};
      ["f", "s", "c"].forEach(function (k) { entries[id + "." + k] = view[k]; });
      RS.writeFragment(entries);
    };

    var all = RS.fragment(), view = null;
    if (all[id + ".f"] !== undefined || all[id + ".s"] !== undefined || all[id + ".c"] !== undefined) {
      view = { f: all[id + ".f"] || "", s: all[id + ".s"] || "", c: all[id + ".c"] || "" };
    } else {
      view = RS.loadStored(storageKey);
    }
    if (!view) return;
    (view.c || "").split(",").filter(Boolean).forEach(function (item) {
      var on = item[0] === "+", key = item.slice(1);
      t.headers.forEach(function (th, i) {
        if (th.getAttribute("data-col") === key && t.boxes[i]) { t.boxes[i].checked = on; t.setVisible(i, on); }
      });
    });
    if (view.f) { t.search.value = view.f; t.withAllRows(t.update); }
    if (view.s) {
      var descending = view.s[0] === "-", key = descending ? view.s.slice(1) : view.s;
      t.headers.forEach(function (th, i) { if (th.getAttribute("data-col") === key) t.sortBy(i, descending ? "descending" : "ascending"); });
    }
  };
})(window.RUNSITE = window.RUNSITE || {});
