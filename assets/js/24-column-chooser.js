// The column chooser: every column but Run, in groups (Run, Metrics, Params), found by name,
// and reset to the defaults. Hidden columns keep their cells, marked `rs-off` (runsite.css).
(function (RS) {
  "use strict";

  RS.toggleCell = function (cell, on) {
    if (!cell) return;
    cell.classList.toggle("rs-on", on);
    cell.classList.toggle("rs-off", !on);
  };

  RS.columnChooser = function (t) {
    // Per column: true shown, false hidden, undefined as the build chose.
    t.columnState = [];
    t.boxes = [];
    t.setVisible = function (index, on) {
      t.columnState[index] = on;
      [t.headers[index]].concat(t.rows.map(function (r) { return r.cells[index]; })).forEach(function (cell) { RS.toggleCell(cell, on); });
      t.columnsChanged();
    };
    t.rowHooks.push(function (added) {
      added.forEach(function (r) { t.columnState.forEach(function (on, i) { if (on !== undefined) RS.toggleCell(r.cells[i], on); }); });
    });

    var chooser = document.createElement("details");
    chooser.appendChild(RS.element("summary", "", "Columns"));
    var list = document.createElement("div");
    chooser.appendChild(list);
    var find = RS.element("input", "rs-column-search");
    find.type = "search";
    find.placeholder = "Find a column";
    find.setAttribute("aria-label", "Find a column");
    list.appendChild(find);
    var resetColumns = RS.element("button", "", "Reset");
    resetColumns.type = "button";
    list.appendChild(resetColumns);
    var groups = {};
    [["run", "Run"], ["metric", "Metrics"], ["param", "Params"]].forEach(function (kind) {
      var set = RS.element("fieldset", "rs-column-group");
      set.appendChild(RS.element("legend", "", kind[1]));
      groups[kind[0]] = set;
      list.appendChild(set);
    });
    var labels = [];
    t.headers.forEach(function (th, index) {
      if (index === 0) return;
      var key = th.getAttribute("data-col") || "";
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = !th.classList.contains("rs-opt");
      box.addEventListener("change", function () { t.setVisible(index, box.checked); t.saveView(); });
      t.boxes[index] = box;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + key.replace(/^(run|param|metric):/, "")));
      labels[index] = label;
      (groups[key.split(":")[0]] || groups.run).appendChild(label);
    });
    Object.keys(groups).forEach(function (k) { if (groups[k].children.length < 2) groups[k].remove(); });
    find.addEventListener("input", function () {
      var term = find.value.trim().toLowerCase();
      labels.forEach(function (label) { if (label) label.hidden = term !== "" && label.textContent.toLowerCase().indexOf(term) < 0; });
    });
    resetColumns.addEventListener("click", function () {
      t.headers.forEach(function (th, index) {
        if (!t.boxes[index]) return;
        t.boxes[index].checked = !th.classList.contains("rs-opt");
        t.setVisible(index, t.boxes[index].checked);
        t.columnState[index] = undefined;
      });
      t.saveView();
    });
    t.tools.appendChild(chooser);
  };
})(window.RUNSITE = window.RUNSITE || {});
