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

  // A cell's sort key by its column's type (`data-type`): rank 0 for a value, 1 for NaN (or text
  // that is no number in a number column), 2 for an empty cell. Ranks 1 and 2 stay last in both
  // directions; ±Infinity are numbers.
  function sortKey(text, type) {
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
  }

  function compareKeys(a, b, ascending) {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.rank !== 0) return 0;
    var c = typeof a.value === "number" && typeof b.value === "number"
      ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
      : String(a.value).localeCompare(String(b.value), undefined, { numeric: true, sensitivity: "base" });
    return ascending ? c : -c;
  }

  function enhanceTable(box) {
    var table = box.querySelector("table.rs-runs");
    if (!table) return;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    // A long table has only its first rows on the page; the rest sit in a script beside it, loaded
    // the first time the reader filters or sorts. Then at most `limit` matching rows are shown.
    var more = table.getAttribute("data-more");
    var limit = more ? parseInt(table.getAttribute("data-limit"), 10) : Infinity;
    var pending = null;
    function withAllRows(then) {
      if (!more) { then(); return; }
      if (pending) { pending.push(then); return; }
      pending = [then];
      var script = document.createElement("script");
      script.src = more;
      script.onload = script.onerror = function () {
        var html = (window.RUNSITE_MORE || {})[table.id] || [];
        var holder = document.createElement("tbody");
        holder.innerHTML = html.join("");
        var added = Array.prototype.slice.call(holder.rows);
        addFoldButtons(added);
        addPickers(added);
        rows = nested(rows.concat(added));
        rows.forEach(function (r) { columnState.forEach(function (on, i) { if (on !== undefined) toggle(r.cells[i], on); }); });
        more = null;
        var waiting = pending;
        pending = null;
        waiting.forEach(function (f) { f(); });
      };
      document.head.appendChild(script);
    }

    // Sorting: click a header; again to reverse.
    var sorters = [];
    headers.forEach(function (th, index) {
      th.setAttribute("tabindex", "0");
      function sort() { withAllRows(sortNow); }
      function sortNow(direction) {
        var ascending = direction ? direction === "ascending" : th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var type = th.getAttribute("data-type") || "text";
        // Keys computed once per row, and ties kept in the current order (a stable sort).
        var keyed = rows.map(function (r, i) { return { row: r, key: sortKey(cellValue(r, index), type), at: i }; });
        keyed.sort(function (p, q) { return compareKeys(p.key, q.key, ascending) || p.at - q.at; });
        rows = keyed.map(function (k) { return k.row; });
        rows = nested(rows);
        filter();
        saveView();
      }
      sorters[index] = function (direction) { withAllRows(function () { sortNow(direction); }); };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });

    var tools = document.createElement("div");
    tools.className = "rs-tools";
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "Filter runs: text, or column > value (e.g. val/loss < 0.3 and lr in 0.1,0.01)";
    search.setAttribute("aria-label", "Filter runs");
    var count = document.createElement("span");
    count.className = "rs-count";
    // Says when a filter term names no column, so that a typo does not silently leave no rows.
    var note = document.createElement("span");
    note.className = "rs-filter-note";
    note.setAttribute("aria-live", "polite");
    tools.appendChild(search);
    tools.appendChild(count);
    tools.appendChild(note);

    var boxes = [];
    // Column chooser.
    var chooser = document.createElement("details");
    var summary = document.createElement("summary");
    summary.textContent = "Columns";
    chooser.appendChild(summary);
    var list = document.createElement("div");
    chooser.appendChild(list);
    // A search box, the columns in groups (Run, Metrics, Params), and a reset to the defaults.
    var find = document.createElement("input");
    find.type = "search";
    find.className = "rs-column-search";
    find.placeholder = "Find a column";
    find.setAttribute("aria-label", "Find a column");
    list.appendChild(find);
    var resetColumns = document.createElement("button");
    resetColumns.type = "button";
    resetColumns.textContent = "Reset";
    list.appendChild(resetColumns);
    var groups = {};
    [["run", "Run"], ["metric", "Metrics"], ["param", "Params"]].forEach(function (kind) {
      var set = document.createElement("fieldset");
      set.className = "rs-column-group";
      var legend = document.createElement("legend");
      legend.textContent = kind[1];
      set.appendChild(legend);
      groups[kind[0]] = set;
      list.appendChild(set);
    });
    var labels = [];
    headers.forEach(function (th, index) {
      if (index === 0) return;
      var key = th.getAttribute("data-col") || "";
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = !th.classList.contains("rs-opt");
      box.addEventListener("change", function () { setVisible(index, box.checked); saveView(); });
      boxes[index] = box;
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
      headers.forEach(function (th, index) {
        if (!boxes[index]) return;
        boxes[index].checked = !th.classList.contains("rs-opt");
        setVisible(index, boxes[index].checked);
        columnState[index] = undefined;
      });
      saveView();
    });
    tools.appendChild(chooser);
    box.insertBefore(tools, box.firstChild);

    var columnState = [];
    function toggle(cell, on) {
      if (!cell) return;
      cell.classList.toggle("rs-on", on);
      cell.classList.toggle("rs-off", !on);
    }
    function setVisible(index, on) {
      columnState[index] = on;
      [headers[index]].concat(rows.map(function (r) { return r.cells[index]; })).forEach(function (cell) { toggle(cell, on); });
    }

    // A column by its key (`metric:val/loss:min`, `param:optimizer.lr`), its key without the kind
    // (`val/loss:min`, `optimizer.lr`), a metric's name (its `last`), or an unambiguous last part
    // of a param's name (`lr` for `optimizer.lr`).
    function columnIndex(name) {
      var i, suffixed = [];
      for (i = 0; i < headers.length; i++) {
        var key = headers[i].getAttribute("data-col");
        if (key === name || key.replace(/^(run|param|metric):/, "") === name || key === "metric:" + name + ":last") return i;
        if (/^param:/.test(key) && key.slice(-name.length - 1) === "." + name) suffixed.push(i);
      }
      return suffixed.length === 1 ? suffixed[0] : -1;
    }

    function distance(a, b) {
      var row = [], i, j;
      for (j = 0; j <= b.length; j++) row[j] = j;
      for (i = 1; i <= a.length; i++) {
        var previous = row[0];
        row[0] = i;
        for (j = 1; j <= b.length; j++) {
          var kept = row[j];
          row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
          previous = kept;
        }
      }
      return row[b.length];
    }

    // The closest column name to a term that names none, for "did you mean …?".
    function closestColumn(name) {
      var best = null;
      headers.forEach(function (th) {
        var key = (th.getAttribute("data-col") || "").replace(/^(run|param|metric):/, "").replace(/:last$/, "");
        var d = distance(name.toLowerCase(), key.toLowerCase());
        if (d <= Math.max(2, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { key: key, d: d };
      });
      return best && best.key;
    }

    // One term against one row: `column OP value` (OP one of < <= > >= = != ~), `column in a,b`,
    // or plain text anywhere in the row.
    function matches(row, term, text) {
      var m = term.match(/^(.+?)(<=|>=|!=|=|<|>|~)(.*)$/) || term.match(/^(.+?) in (.*)$/);
      if (m) {
        var op = m.length === 4 ? m[2] : "in", wanted = m.length === 4 ? m[3] : m[2];
        var i = columnIndex(m[1].trim());
        if (i >= 0) {
          var v = cellValue(row, i), x = parseFloat(v), y = parseFloat(wanted);
          if (op === "in") return wanted.split(",").some(function (w) { w = w.trim(); return v.toLowerCase() === w.toLowerCase() || (x === parseFloat(w)); });
          if (op === "~") return v.toLowerCase().indexOf(wanted.toLowerCase()) >= 0;
          if (op === "=") return v.toLowerCase() === wanted.toLowerCase() || x === y;
          if (op === "!=") return v.toLowerCase() !== wanted.toLowerCase() && !(x === y);
          if (isNaN(x) || isNaN(y)) return false;
          return op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
        }
      }
      return text.indexOf(term.toLowerCase()) >= 0;
    }

    // The filter text as alternatives (`or`) of terms that must all hold (spaces or `and`);
    // spaces around an operator are allowed (`val/loss < 0.1`). Unknown columns are reported.
    function parseFilter(value) {
      var unknown = [];
      var alternatives = value.trim().replace(/\s*(<=|>=|!=|=|<|>|~)\s*/g, "$1").split(/\s+or\s+/i).map(function (part) {
        var terms = [], words = part.split(/\s+/).filter(function (w) { return w && w.toLowerCase() !== "and"; });
        for (var k = 0; k < words.length; k++) {
          if (words[k + 1] && words[k + 1].toLowerCase() === "in" && words[k + 2]) { terms.push(words[k] + " in " + words[k + 2]); k += 2; continue; }
          terms.push(words[k]);
        }
        terms.forEach(function (term) {
          var m = term.match(/^(.+?)(<=|>=|!=|=|<|>|~)/) || term.match(/^(.+?) in /);
          if (m && columnIndex(m[1].trim()) < 0) unknown.push(m[1].trim());
        });
        return terms;
      }).filter(function (terms) { return terms.length; });
      return { alternatives: alternatives, unknown: unknown };
    }

    // Runs under other runs stay right under their parent, in the current order among themselves,
    // and are folded until their parent's button opens them.
    var open = {};
    function nested(list) {
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
    }
    function addFoldButtons(list) {
      list.forEach(function (r) {
        var kids = r.querySelector(".rs-kids");
        if (!kids || r.querySelector(".rs-fold")) return;
        var id = r.getAttribute("data-id");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "rs-fold";
        button.setAttribute("aria-expanded", "false");
        button.textContent = "▸";
        button.setAttribute("aria-label", "Show sub-runs");
        button.addEventListener("click", function () {
          open[id] = !open[id];
          button.setAttribute("aria-expanded", open[id] ? "true" : "false");
          button.textContent = open[id] ? "▾" : "▸";
          rows = nested(rows);
          filter();
        });
        r.cells[0].insertBefore(button, r.cells[0].firstChild);
      });
    }
    addFoldButtons(rows);
    rows = nested(rows);

    // Compare: tick 2 to 8 runs, then "Compare" shows the params that differ among them, their
    // metric values side by side with the best marked, and only their lines in the page's charts.
    var picked = [];
    var compareButton = document.createElement("button");
    compareButton.type = "button";
    compareButton.className = "rs-compare-button";
    compareButton.disabled = true;
    compareButton.textContent = "Compare";
    if (!table.classList.contains("rs-grouped")) tools.appendChild(compareButton);
    var panel = null;
    function updateCompare() {
      compareButton.disabled = picked.length < 2 || picked.length > 8;
      compareButton.textContent = "Compare" + (picked.length ? " (" + picked.length + ")" : "");
    }
    function addPickers(list) {
      if (table.classList.contains("rs-grouped")) return;
      list.forEach(function (r) {
        if (!r.cells[0] || r.querySelector(".rs-pick") || !rowLink(r)) return;
        var tick = document.createElement("input");
        tick.type = "checkbox";
        tick.className = "rs-pick";
        tick.setAttribute("aria-label", "Select " + (r.cells[0].getAttribute("data-v") || "run") + " to compare");
        tick.addEventListener("change", function () {
          var i = picked.indexOf(r);
          if (tick.checked && i < 0) picked.push(r);
          if (!tick.checked && i >= 0) picked.splice(i, 1);
          updateCompare();
        });
        r.cells[0].insertBefore(tick, r.cells[0].firstChild);
      });
    }
    function cellText(row, i) { return row.cells[i] ? row.cells[i].textContent.replace("★", "").trim() : ""; }
    function showCompare() {
      if (panel) panel.remove();
      panel = document.createElement("section");
      panel.className = "rs-compare";
      panel.setAttribute("aria-label", "Comparison of the selected runs");
      var heading = document.createElement("h3");
      heading.textContent = "Comparing " + picked.length + " runs";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Close";
      close.addEventListener("click", function () {
        panel.remove(); panel = null;
        document.dispatchEvent(new CustomEvent("rs-visible-runs", { detail: { visible: null, all: allLinks() } }));
      });
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(close);
      panel.appendChild(heading);
      var grid = document.createElement("table");
      grid.className = "rs-compare-table";
      var head = grid.createTHead().insertRow();
      var corner = document.createElement("th");
      corner.textContent = "";
      head.appendChild(corner);
      picked.forEach(function (r) {
        var th = document.createElement("th");
        th.scope = "col";
        th.textContent = r.cells[0].getAttribute("data-v") || cellText(r, 0);
        head.appendChild(th);
      });
      var body = grid.createTBody();
      headers.forEach(function (th, i) {
        var key = th.getAttribute("data-col") || "";
        var isParam = /^param:/.test(key), isMetric = /^metric:/.test(key);
        if (!isParam && !isMetric) return;
        var texts = picked.map(function (r) { return cellText(r, i); });
        if (isParam && texts.every(function (t) { return t === texts[0]; })) return;   // only params that differ
        var best = th.getAttribute("data-best"), values = picked.map(function (r) { return parseFloat(cellValue(r, i)); });
        var finite = values.filter(function (v) { return isFinite(v); });
        var target = !best || !finite.length ? null : best === "min" ? Math.min.apply(null, finite) : Math.max.apply(null, finite);
        var row = body.insertRow();
        var label = document.createElement("th");
        label.scope = "row";
        label.textContent = key.replace(/^(param|metric):/, "");
        row.appendChild(label);
        texts.forEach(function (t, k) {
          var cell = row.insertCell();
          cell.textContent = t;
          if (isMetric) cell.className = "rs-num" + (target !== null && values[k] === target && finite.length > 1 ? " rs-best" : "");
        });
      });
      panel.appendChild(grid);
      box.parentNode.insertBefore(panel, box.nextSibling);
      var visible = {};
      picked.forEach(function (r) { visible[rowLink(r)] = true; });
      document.dispatchEvent(new CustomEvent("rs-visible-runs", { detail: { visible: visible, all: allLinks() } }));
    }
    function allLinks() { var all = {}; rows.forEach(function (r) { var l = rowLink(r); if (l) all[l] = true; }); return all; }
    compareButton.addEventListener("click", showCompare);

    // Terms are ANDed, alternatives ORed: plain text matches anywhere; column<value, column>value,
    // column=value, column!=value, column~text and column in a,b compare.
    function filter() {
      var parsed = parseFilter(search.value);
      note.textContent = parsed.unknown.map(function (name) {
        var near = closestColumn(name);
        return "no column '" + name + "'" + (near ? "; did you mean " + near + "?" : "");
      }).join(" · ");
      var shown = 0;
      var page = [];
      rows.forEach(function (row) {
        if (row.classList.contains("rs-folded")) return;
        if (brushed && rowLink(row) && !brushed[rowLink(row)]) return;
        var text = row.textContent.toLowerCase();
        var ok = !parsed.alternatives.length || parsed.alternatives.some(function (terms) {
          return terms.every(function (term) { return matches(row, term, text); });
        });
        if (ok && shown < limit) page.push(row);
        if (ok) shown++;
      });
      // The page's charts show the runs the filter keeps (every run when nothing filters).
      if (!table.classList.contains("rs-grouped")) {
        // Only the runs of this table are shown or hidden: a report may hold other tables and charts.
        var visible = null, all = {};
        rows.forEach(function (row) { var link = rowLink(row); if (link) all[link] = true; });
        if (parsed.alternatives.length || brushed) {
          visible = {};
          rows.forEach(function (row) {
            if (row.classList.contains("rs-folded")) return;
            var text = row.textContent.toLowerCase(), link = rowLink(row);
            if (brushed && link && !brushed[link]) return;
            if (!parsed.alternatives.length || parsed.alternatives.some(function (terms) { return terms.every(function (term) { return matches(row, term, text); }); })) {
              visible[link] = true;
            }
          });
        }
        document.dispatchEvent(new CustomEvent("rs-visible-runs", { detail: { visible: visible, all: all } }));
      }
      // The matching rows, in the current order: all of them, or the first `limit` of a long table.
      body.textContent = "";
      page.forEach(function (r) { body.appendChild(r); });
      // A grouped table has one row per group, not per run.
      var noun = table.classList.contains("rs-grouped") ? " groups" : " runs";
      var total = parseInt(table.getAttribute("data-rows"), 10) || rows.length;
      count.textContent = shown + " of " + (more ? total : rows.length) + noun +
        (more ? " (type to search all)" : shown > page.length ? " (first " + page.length + " shown)" : "");
    }
    // Runs chosen by brushing a parallel-coordinates axis on the page (null: no brush).
    var brushed = null;
    function rowLink(row) { var a = row.cells[0] && row.cells[0].querySelector("a[href]"); return a ? a.getAttribute("href") : ""; }
    document.addEventListener("rs-brush", function (e) { brushed = e.detail; withAllRows(filter); });
    search.addEventListener("input", function () { withAllRows(filter); pinHeader(); saveView(); });
    search.addEventListener("focus", function () { withAllRows(function () {}); });
    addPickers(rows);
    filter();

    // The view (filter, sort, columns) is kept in the URL's fragment, so that a copied link opens
    // the same view, and per page in localStorage, for the next visit. Keys are columns' names.
    var viewKey = "runsite-view:" + location.pathname + ":" + table.id;
    function fragment() {
      var found = {};
      location.hash.slice(1).split("&").forEach(function (pair) {
        var eq = pair.indexOf("=");
        if (eq > 0) found[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
      });
      return found;
    }
    function saveView() {
      if (!table.id) return;
      var view = { f: search.value, s: "", c: "" };
      headers.forEach(function (th) {
        var sort = th.getAttribute("aria-sort");
        if (sort) view.s = (sort === "descending" ? "-" : "") + th.getAttribute("data-col");
      });
      view.c = headers.map(function (th, i) { return columnState[i] === undefined ? "" : (columnState[i] ? "+" : "-") + th.getAttribute("data-col"); })
        .filter(Boolean).join(",");
      try { localStorage.setItem(viewKey, JSON.stringify(view)); } catch (e) { /* storage off: the URL still holds the view */ }
      var all = fragment();
      ["f", "s", "c"].forEach(function (k) { if (view[k]) all[table.id + "." + k] = view[k]; else delete all[table.id + "." + k]; });
      var text = Object.keys(all).sort().map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(all[k]); }).join("&");
      history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
    }
    function restoreView() {
      if (!table.id) return;
      var all = fragment(), view = null;
      if (all[table.id + ".f"] !== undefined || all[table.id + ".s"] !== undefined || all[table.id + ".c"] !== undefined) {
        view = { f: all[table.id + ".f"] || "", s: all[table.id + ".s"] || "", c: all[table.id + ".c"] || "" };
      } else {
        try { view = JSON.parse(localStorage.getItem(viewKey) || "null"); } catch (e) { view = null; }
      }
      if (!view) return;
      (view.c || "").split(",").filter(Boolean).forEach(function (item) {
        var on = item[0] === "+", key = item.slice(1);
        headers.forEach(function (th, i) {
          if (th.getAttribute("data-col") === key && boxes[i]) { boxes[i].checked = on; setVisible(i, on); }
        });
      });
      if (view.f) { search.value = view.f; withAllRows(filter); }
      if (view.s) {
        var descending = view.s[0] === "-", key = descending ? view.s.slice(1) : view.s;
        headers.forEach(function (th, i) { if (th.getAttribute("data-col") === key) sorters[i](descending ? "descending" : "ascending"); });
      }
    }
    restoreView();

    // The header row is sticky inside the table's box (CSS), which is at most a screen high. When
    // the page itself scrolls the box's top out of view, the header moves down with the window
    // for as long as rows of the box are in view. (Scroll events come once per frame.)
    // One custom property on the table moves every header cell (runsite.css).
    var wrap = box.querySelector(".rs-table-wrap"), head = table.tHead, shifted = 0;
    function pinHeader() {
      if (!wrap || !head) return;
      var top = wrap.getBoundingClientRect().top;
      var shift = top < 0 ? Math.round(Math.max(0, Math.min(-top, wrap.clientHeight - head.offsetHeight))) : 0;
      if (shift !== shifted) { shifted = shift; table.style.setProperty("--rs-head-shift", shift + "px"); }
    }
    window.addEventListener("scroll", pinHeader, { passive: true });
    window.addEventListener("resize", pinHeader);
  }

  document.querySelectorAll(".rs-table").forEach(enhanceTable);
})();

// Charts — progressive enhancement of the SVG line charts: hovering shows a crosshair and the value
// of every visible series at that x (its point nearest in x, read from the series' `data-points`);
// clicking or pressing Enter on a legend entry hides or shows its series. Without this script the
// charts are complete, static figures.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function num(svg, name) { return parseFloat(svg.getAttribute(name)); }

  // "x,y x,y", "x,y,s" or "x,y,s,low,high" (s may be empty): numbers plus y's exact text for display.
  function parsePoints(text) {
    var xs = [], ys = [], yText = [], ss = [], band = [];
    (text || "").split(" ").forEach(function (item) {
      if (!item) return;
      var parts = item.split(",");
      var x = parseFloat(parts[0]), y = parseFloat(parts[1]);
      if (isNaN(x) || isNaN(y)) return;
      xs.push(x); ys.push(y); yText.push(parts[1]);
      ss.push(parts.length > 2 && parts[2] !== "" ? parts[2] : null);
      band.push(parts.length > 4 ? parts[3] + " to " + parts[4] : null);
    });
    return { xs: xs, ys: ys, yText: yText, ss: ss, band: band };
  }

  // Index of the point whose x is nearest to `x` (xs ascending, as charts of steps are).
  function nearest(xs, x) {
    var lo = 0, hi = xs.length - 1;
    if (hi < 0) return -1;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (xs[mid] < x) lo = mid; else hi = mid;
    }
    return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  // The x value as the axis shows it: a duration, a UTC time, or the number itself.
  function formatX(svg, x) {
    var kind = svg.getAttribute("data-x-format");
    if (kind === "duration") {
      var s = Math.round(x), sign = s < 0 ? "-" : "";
      s = Math.abs(s);
      if (s < 60) return sign + s + " s";
      if (s < 3600) return sign + Math.floor(s / 60) + " min " + two(s % 60) + " s";
      return sign + Math.floor(s / 3600) + " h " + two(Math.floor(s % 3600 / 60)) + " min";
    }
    if (kind === "date") {
      var d = new Date(x * 1000);
      return d.getUTCFullYear() + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate()) + " " +
        two(d.getUTCHours()) + ":" + two(d.getUTCMinutes()) + ":" + two(d.getUTCSeconds()) + " UTC";
    }
    return String(x);
  }

  function enhanceChart(svg) {
    var box = {
      left: num(svg, "data-plot-left"), top: num(svg, "data-plot-top"),
      width: num(svg, "data-plot-width"), height: num(svg, "data-plot-height")
    };
    var xMin = num(svg, "data-x-min"), xMax = num(svg, "data-x-max");
    var yMin = num(svg, "data-y-min"), yMax = num(svg, "data-y-max");
    var xLog = svg.getAttribute("data-x-scale") === "log", yLog = svg.getAttribute("data-y-scale") === "log";
    if ([box.left, box.top, box.width, box.height, xMin, xMax, yMin, yMax].some(isNaN)) return;
    function t(v, log) { return log ? Math.log(v) / Math.LN10 : v; }
    // The domains are read again for each read-out: a table filter, zoom, or log switch redraws
    // the chart's axes (below) and says so in these attributes.
    function live() {
      xMin = num(svg, "data-x-min"); xMax = num(svg, "data-x-max"); yMin = num(svg, "data-y-min"); yMax = num(svg, "data-y-max");
      xLog = svg.getAttribute("data-x-scale") === "log"; yLog = svg.getAttribute("data-y-scale") === "log";
    }
    function px(x) { return box.left + (t(x, xLog) - t(xMin, xLog)) / (t(xMax, xLog) - t(xMin, xLog)) * box.width; }
    function py(y) {
      return box.top + box.height - (t(y, yLog) - t(yMin, yLog)) / (t(yMax, yLog) - t(yMin, yLog)) * box.height;
    }
    function dataX(sx) {
      var u = t(xMin, xLog) + (sx - box.left) / box.width * (t(xMax, xLog) - t(xMin, xLog));
      return xLog ? Math.pow(10, u) : u;
    }

    var series = Array.prototype.slice.call(svg.querySelectorAll("g.rs-series[data-points]")).map(function (g) {
      var line = g.querySelector(".rs-line") || g.querySelector(".rs-point");
      var color = line ? (line.getAttribute("stroke") || line.getAttribute("fill")) : "#888";
      return { g: g, label: g.getAttribute("data-label") || "", points: parsePoints(g.getAttribute("data-points")), color: color };
    });
    if (!series.length) return;

    // Legend: click or Enter/Space toggles a series.
    svg.querySelectorAll("g.rs-legend-item[data-series]").forEach(function (item) {
      var target = svg.querySelector('g.rs-series[data-series="' + item.getAttribute("data-series") + '"]');
      if (!target) return;
      item.setAttribute("tabindex", "0");
      item.setAttribute("role", "button");
      item.setAttribute("aria-pressed", "true");
      item.style.cursor = "pointer";
      function toggle() {
        var hidden = target.classList.toggle("rs-hidden");
        item.classList.toggle("rs-legend-off", hidden);
        item.setAttribute("aria-pressed", hidden ? "false" : "true");
      }
      item.addEventListener("click", toggle);
      item.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } });
    });

    var layer = document.createElementNS(SVG, "g");
    layer.setAttribute("class", "rs-hover");
    layer.setAttribute("pointer-events", "none");
    layer.style.display = "none";
    var rule = document.createElementNS(SVG, "line");
    rule.setAttribute("class", "rs-crosshair");
    rule.setAttribute("y1", box.top); rule.setAttribute("y2", box.top + box.height);
    rule.setAttribute("stroke", "#888888"); rule.setAttribute("stroke-width", "1"); rule.setAttribute("stroke-dasharray", "3 3");
    layer.appendChild(rule);
    var dots = series.map(function (s) {
      var c = document.createElementNS(SVG, "circle");
      c.setAttribute("r", "3.5"); c.setAttribute("fill", s.color); c.setAttribute("stroke", "#ffffff"); c.setAttribute("stroke-width", "1.5");
      layer.appendChild(c);
      return c;
    });
    svg.appendChild(layer);

    var holder = svg.parentNode;
    if (getComputedStyle(holder).position === "static") holder.style.position = "relative";
    var tip = document.createElement("div");
    tip.className = "rs-tooltip rs-chart-tooltip";
    tip.setAttribute("role", "status");
    tip.hidden = true;
    holder.appendChild(tip);

    function hide() { layer.style.display = "none"; tip.hidden = true; }

    function show(clientX, clientY) {
      live();
      var rect = svg.getBoundingClientRect();
      var vb = svg.viewBox.baseVal;
      var scale = vb && vb.width ? vb.width / rect.width : 1;
      var sx = (clientX - rect.left) * scale, sy = (clientY - rect.top) * scale;
      if (sx < box.left || sx > box.left + box.width || sy < box.top - 20 || sy > box.top + box.height) { hide(); return; }
      var x = dataX(sx);
      var rows = [], bestX = null, bestDistance = Infinity;
      series.forEach(function (s, k) {
        var i = s.g.classList.contains("rs-hidden") ? -1 : nearest(s.points.xs, x);
        if (i < 0) { dots[k].style.display = "none"; return; }
        var pxX = px(s.points.xs[i]);
        var distance = Math.abs(pxX - sx);
        var xs = s.points.xs;
        // A series that ended (or starts) well away from the pointer has no value here.
        if (distance > 24 && (x < xs[0] || x > xs[xs.length - 1])) { dots[k].style.display = "none"; return; }
        if (distance < bestDistance) { bestDistance = distance; bestX = s.points.xs[i]; }
        var y = s.points.ss[i] !== null ? parseFloat(s.points.ss[i]) : s.points.ys[i];
        dots[k].style.display = "";
        dots[k].setAttribute("cx", pxX.toFixed(1));
        dots[k].setAttribute("cy", Math.max(box.top, Math.min(box.top + box.height, py(y))).toFixed(1));
        rows.push({ s: s, i: i, y: s.points.ys[i], distance: distance });
      });
      if (!rows.length) { hide(); return; }
      rule.setAttribute("x1", sx.toFixed(1)); rule.setAttribute("x2", sx.toFixed(1));
      layer.style.display = "";
      // Highest value first, so the list reads in the order the lines are stacked.
      rows.sort(function (a, b) { return b.y - a.y; });
      tip.textContent = "";
      var head = document.createElement("div");
      head.className = "rs-tip-head";
      head.textContent = (svg.getAttribute("data-x-label") || "x") + " " + formatX(svg, bestX);
      tip.appendChild(head);
      rows.slice(0, 12).forEach(function (r) {
        var line = document.createElement("div");
        var sw = document.createElement("span");
        sw.className = "rs-swatch";
        sw.style.background = r.s.color;
        line.appendChild(sw);
        var text = r.s.label + ": " + r.s.points.yText[r.i];
        if (r.s.points.ss[r.i] !== null) text += " (smoothed " + r.s.points.ss[r.i] + ")";
        if (r.s.points.band[r.i] !== null) text += " (band " + r.s.points.band[r.i] + ")";
        if (r.s.points.xs[r.i] !== bestX) text += " at " + formatX(svg, r.s.points.xs[r.i]);
        line.appendChild(document.createTextNode(text));
        tip.appendChild(line);
      });
      if (rows.length > 12) {
        var more = document.createElement("div");
        more.textContent = "… and " + (rows.length - 12) + " more";
        tip.appendChild(more);
      }
      tip.hidden = false;
      // Under the chart, beside the pointer, as TensorBoard does: over the plot it covered the
      // lines being read. (It covers the caption meanwhile, which nobody reads while hovering.)
      var hostRect = holder.getBoundingClientRect();
      var left = Math.min(clientX - hostRect.left + 8, hostRect.width - tip.offsetWidth);
      tip.style.left = Math.max(0, left) + "px";
      tip.style.top = (rect.bottom - hostRect.top + 2) + "px";
    }

    svg.addEventListener("pointermove", function (e) { show(e.clientX, e.clientY); });
    svg.addEventListener("pointerleave", hide);

    // Keyboard: focus the chart, then ← / → step through the logged x values (Home / End jump),
    // Escape hides the read-out.
    var keyXs = [];
    series.forEach(function (s) { if (s.points.xs.length > keyXs.length) keyXs = s.points.xs; });
    var keyIndex = -1;
    svg.setAttribute("tabindex", "0");
    // An img's children are hidden from assistive technology; the legend buttons need a group.
    var title = svg.querySelector("title");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", (title ? title.textContent + ". " : "") + "Use left and right arrow keys to read values.");
    svg.addEventListener("keydown", function (e) {
      if (!keyXs.length) return;
      if (e.key === "Escape") { hide(); keyIndex = -1; return; }
      var next = e.key === "ArrowRight" ? keyIndex + 1 : e.key === "ArrowLeft" ? keyIndex - 1 :
        e.key === "Home" ? 0 : e.key === "End" ? keyXs.length - 1 : null;
      if (next === null) return;
      e.preventDefault();
      keyIndex = Math.max(0, Math.min(keyXs.length - 1, keyIndex < 0 && e.key === "ArrowLeft" ? keyXs.length - 1 : next));
      var rect = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
      var scale = vb && vb.width ? rect.width / vb.width : 1;
      live();
      show(rect.left + px(keyXs[keyIndex]) * scale, rect.top + (box.top + box.height * 0.25) * scale);
    });
    svg.addEventListener("blur", hide);
  }

  document.querySelectorAll("svg.rs-line-chart").forEach(enhanceChart);

  // Heatmaps carry their dark-theme colours as data-dark; set through the CSSOM, which the site's
  // Content-Security-Policy allows (style attributes in the markup it does not).
  function applyDarkColours(root) {
    Array.prototype.forEach.call(root.querySelectorAll("svg.rs-heatmap [data-dark]"), function (el) {
      el.style.setProperty("--dark", el.getAttribute("data-dark"));
    });
  }
  applyDarkColours(document);
})();

// Parallel coordinates: drag along an axis to keep the runs whose line crosses it in that range
// (several axes combine); double-click an axis to clear its range. The other lines are dimmed,
// and the page's experiment table shows only the kept runs.
(function () {
  "use strict";
  function enhance(svg) {
    var axes = Array.prototype.slice.call(svg.querySelectorAll("path.rs-pc-axis"));
    var lines = Array.prototype.slice.call(svg.querySelectorAll("path.rs-pc-line"));
    if (!axes.length || !lines.length) return;
    var ranges = {};
    var ys = lines.map(function (line) {
      return (line.getAttribute("d") || "").split(/[ML]/).filter(Boolean).map(function (p) { return parseFloat(p.split(",")[1]); });
    });
    var ns = "http://www.w3.org/2000/svg";
    function point(e) {
      var box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal;
      return { x: (e.clientX - box.left) * view.width / box.width, y: (e.clientY - box.top) * view.height / box.height };
    }
    function nearestAxis(x) {
      var best = null;
      axes.forEach(function (a) { var d = Math.abs(parseFloat(a.getAttribute("data-x")) - x); if (d < 14 && (!best || d < best.d)) best = { a: a, d: d }; });
      return best && best.a;
    }
    function apply() {
      var keys = Object.keys(ranges), kept = null;
      if (keys.length) kept = {};
      lines.forEach(function (line, i) {
        var ok = keys.every(function (k) { var y = ys[i][+k], r = ranges[k]; return y >= r.lo && y <= r.hi; });
        line.classList.toggle("rs-pc-dim", keys.length > 0 && !ok);
        if (kept && ok && line.getAttribute("data-page")) kept[line.getAttribute("data-page")] = true;
      });
      document.dispatchEvent(new CustomEvent("rs-brush", { detail: kept }));
    }
    var drag = null;
    svg.addEventListener("pointerdown", function (e) {
      var p = point(e), axis = nearestAxis(p.x);
      if (!axis) return;
      e.preventDefault();
      var rect = svg.querySelector('rect.rs-pc-brush[data-axis="' + axis.getAttribute("data-axis") + '"]');
      if (!rect) {
        rect = document.createElementNS(ns, "rect");
        rect.setAttribute("class", "rs-pc-brush");
        rect.setAttribute("data-axis", axis.getAttribute("data-axis"));
        rect.setAttribute("x", parseFloat(axis.getAttribute("data-x")) - 6);
        rect.setAttribute("width", 12);
        svg.appendChild(rect);
      }
      drag = { axis: axis, rect: rect, y0: p.y };
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var y = point(e).y, lo = Math.min(drag.y0, y), hi = Math.max(drag.y0, y);
      drag.rect.setAttribute("y", lo);
      drag.rect.setAttribute("height", Math.max(1, hi - lo));
      ranges[drag.axis.getAttribute("data-axis")] = { lo: lo, hi: hi };
      apply();
    });
    svg.addEventListener("pointerup", function () { drag = null; });
    svg.addEventListener("dblclick", function (e) {
      var axis = nearestAxis(point(e).x);
      if (!axis) return;
      var key = axis.getAttribute("data-axis"), rect = svg.querySelector('rect.rs-pc-brush[data-axis="' + key + '"]');
      if (rect) rect.remove();
      delete ranges[key];
      apply();
    });
  }
  document.querySelectorAll("svg.rs-parallel").forEach(enhance);
})();

// Line charts follow the experiment table and the reader's controls. A table filter (or a
// parallel-coordinates brush, or the compare view) hides the series of the runs it leaves out and
// fits the y axis to the lines still shown. Under each chart, a smoothing slider (TensorBoard's
// debiased EMA, as the build's --smoothing), a log-y switch and drag-to-zoom on x (double-click
// resets) draw the chart again from its read-out points. With nothing changed the chart is the
// one the build drew.
(function () {
  "use strict";
  var ns = "http://www.w3.org/2000/svg";
  function num(svg, name) { return parseFloat(svg.getAttribute(name)); }
  function log10(v) { return Math.log(v) / Math.LN10; }

  // TensorBoard's debiased exponential moving average; non-finite values pass through uncounted.
  function ema(values, weight) {
    if (!(weight > 0) || !values.length) return values.slice();
    if (values.every(function (v) { return v === values[0]; })) return values.slice();
    var last = 0, n = 0;
    return values.map(function (v) {
      if (!isFinite(v)) return v;
      last = last * weight + (1 - weight) * v;
      n += 1;
      return last / (1 - Math.pow(weight, n));
    });
  }
  window.RUNSITE_EMA = ema;

  // About five round ticks over [lo, hi] (steps of 1, 2 or 5 times a power of ten).
  function niceTicks(lo, hi) {
    if (!(hi > lo)) { var pad = lo === 0 ? 1 : Math.abs(lo) * 0.1; lo -= pad; hi += pad; }
    var raw = (hi - lo) / 5, power = Math.pow(10, Math.floor(log10(raw))), unit = raw / power;
    var step = (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
    var first = Math.floor(lo / step) * step, last = Math.ceil(hi / step) * step, ticks = [];
    for (var v = first; v <= last + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e9 ? 0 : v);
    return { lo: first, hi: last, ticks: ticks, step: step };
  }
  function logTicks(lo, hi) {
    var a = Math.floor(log10(lo)), b = Math.ceil(log10(hi));
    if (b === a) b = a + 1;
    var ticks = [];
    for (var e = a; e <= b; e++) ticks.push(Math.pow(10, e));
    return { lo: Math.pow(10, a), hi: Math.pow(10, b), ticks: ticks, step: 0 };
  }
  function label(v, step) {
    if (!step) return v >= 1e4 || v < 1e-3 ? v.toExponential(0).replace("+", "") : String(+v.toPrecision(3));
    var places = Math.max(0, Math.min(10, -Math.floor(log10(step) + 1e-9)));
    return v.toFixed(places).replace("-", "\u2212");
  }
  function make(name, attrs) {
    var node = document.createElementNS(ns, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function view(svg) {
    if (!svg.__rsView) {
      svg.__rsView = {
        smoothing: null, logY: null, x: null,
        built: { xMin: svg.getAttribute("data-x-min"), xMax: svg.getAttribute("data-x-max"),
                 yMin: svg.getAttribute("data-y-min"), yMax: svg.getAttribute("data-y-max"), yScale: svg.getAttribute("data-y-scale") }
      };
    }
    return svg.__rsView;
  }
  function restore(svg) {
    var v = view(svg), b = v.built;
    svg.setAttribute("data-x-min", b.xMin); svg.setAttribute("data-x-max", b.xMax);
    svg.setAttribute("data-y-min", b.yMin); svg.setAttribute("data-y-max", b.yMax);
    svg.setAttribute("data-y-scale", b.yScale);
    var layer = svg.querySelector("g.rs-series-layer");
    if (layer) layer.removeAttribute("transform");
    svg.querySelectorAll(".rs-rescaled, .rs-live-line").forEach(function (n) { n.remove(); });
    svg.querySelectorAll(".rs-replaced").forEach(function (n) { n.classList.remove("rs-replaced"); });
  }
  function plot(svg) {
    var left = num(svg, "data-plot-left"), top = num(svg, "data-plot-top"), width = num(svg, "data-plot-width"), height = num(svg, "data-plot-height");
    return { left: left, top: top, width: width, height: height, right: left + width, bottom: top + height };
  }
  function clipID(svg, box) {
    var clip = svg.querySelector("clipPath.rs-rescaled");
    if (clip) return clip.getAttribute("id");
    var id = "rs-view-" + Math.random().toString(36).slice(2);
    clip = make("clipPath", { id: id, "class": "rs-rescaled" });
    clip.appendChild(make("rect", { x: box.left, y: box.top, width: box.width, height: box.height }));
    svg.appendChild(clip);
    return id;
  }
  function shownSeries(svg) {
    return Array.prototype.filter.call(svg.querySelectorAll("g.rs-series[data-points]"), function (g) { return !g.classList.contains("rs-filtered"); });
  }
  function points(g, weight) {
    var xs = [], ys = [];
    (g.getAttribute("data-points") || "").split(" ").forEach(function (item) {
      var parts = item.split(","), x = parseFloat(parts[0]), y = parseFloat(parts[1]);
      if (!isNaN(x)) { xs.push(x); ys.push(y); }
    });
    return { xs: xs, ys: weight !== null ? ema(ys, weight) : ys };
  }

  // New axes over `box`: y labels and grid at `yTicks`, x labels at `xTicks` (or the built x labels).
  function axes(svg, box, xScale, yScale, xTicks, yTicks) {
    svg.querySelectorAll("text.rs-tick-label, path.rs-grid, path.rs-tick").forEach(function (n) { n.classList.add("rs-replaced"); });
    var g = make("g", { "class": "rs-rescaled" }), d = "", frame = "M" + box.left + "," + box.top + "V" + box.bottom + "H" + box.right;
    yTicks.ticks.forEach(function (v) {
      var y = yScale(v);
      if (y < box.top - 0.5 || y > box.bottom + 0.5) return;
      d += "M" + box.left + "," + y + "h" + box.width;
      frame += "M" + (box.left - 5) + "," + y + "h5";
      var text = make("text", { "class": "rs-tick-label", x: box.left - 8, y: y + 4, "text-anchor": "end", "font-size": "11", fill: "#444444" });
      text.textContent = label(v, yTicks.step);
      g.appendChild(text);
    });
    xTicks.ticks.forEach(function (v) {
      var x = xScale(v);
      if (x < box.left - 0.5 || x > box.right + 0.5) return;
      d += "M" + x + "," + box.top + "v" + box.height;
      frame += "M" + x + "," + box.bottom + "v5";
      var text = make("text", { "class": "rs-tick-label", x: x, y: box.bottom + 17, "text-anchor": "middle", "font-size": "11", fill: "#444444" });
      text.textContent = label(v, xTicks.step);
      g.appendChild(text);
    });
    g.insertBefore(make("path", { "class": "rs-grid-view", d: d, fill: "none", stroke: "#E6E6E6" }), g.firstChild);
    g.appendChild(make("path", { "class": "rs-frame-view", d: frame, fill: "none", stroke: "#555555" }));
    var layer = svg.querySelector("g.rs-series-layer");
    layer.parentNode.insertBefore(g, layer);
  }

  // The chart drawn again from its read-out points, with the view's smoothing, scale and x range.
  function redraw(svg) {
    var v = view(svg), b = v.built, box = plot(svg);
    var log = v.logY !== null ? v.logY : b.yScale === "log";
    var x0 = v.x ? v.x[0] : parseFloat(b.xMin), x1 = v.x ? v.x[1] : parseFloat(b.xMax);
    var drawn = shownSeries(svg).map(function (g) { return { g: g, p: points(g, v.smoothing) }; });
    var lo = Infinity, hi = -Infinity;
    drawn.forEach(function (s) {
      s.p.xs.forEach(function (x, i) {
        var y = s.p.ys[i];
        if (x >= x0 && x <= x1 && isFinite(y) && (!log || y > 0)) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
      });
    });
    if (!isFinite(lo)) return;
    var yTicks = log ? logTicks(lo, hi) : niceTicks(lo, hi), xTicks = niceTicks(x0, x1);
    if (!v.x) { xTicks.lo = x0; xTicks.hi = x1; }
    function t(y) { return log ? log10(y) : y; }
    function yScale(y) { return box.bottom - (t(y) - t(yTicks.lo)) / (t(yTicks.hi) - t(yTicks.lo)) * box.height; }
    function xScale(x) { return box.left + (x - xTicks.lo) / (xTicks.hi - xTicks.lo) * box.width; }
    svg.setAttribute("data-x-min", String(xTicks.lo)); svg.setAttribute("data-x-max", String(xTicks.hi));
    svg.setAttribute("data-y-min", String(yTicks.lo)); svg.setAttribute("data-y-max", String(yTicks.hi));
    svg.setAttribute("data-y-scale", log ? "log" : "linear");
    var clip = clipID(svg, box);
    drawn.forEach(function (s) {
      var model = s.g.querySelector("path.rs-line") || s.g.querySelector(".rs-point");
      s.g.querySelectorAll("path.rs-line, circle.rs-point, path.rs-marker, path.rs-band").forEach(function (n) { n.classList.add("rs-replaced"); });
      var d = "", pen = false;
      s.p.xs.forEach(function (x, i) {
        var y = s.p.ys[i];
        if (!isFinite(y) || (log && y <= 0)) { pen = false; return; }
        d += (pen ? "L" : "M") + xScale(x).toFixed(1) + "," + yScale(y).toFixed(1);
        pen = true;
      });
      var path = make("path", { "class": "rs-live-line", d: d, fill: "none", "stroke-width": "1.5", "clip-path": "url(#" + clip + ")",
                                stroke: model ? (model.getAttribute("stroke") || model.getAttribute("fill")) : "#888888" });
      if (model && model.getAttribute("stroke-dasharray")) path.setAttribute("stroke-dasharray", model.getAttribute("stroke-dasharray"));
      s.g.appendChild(path);
    });
    axes(svg, box, xScale, yScale, xTicks, yTicks);
  }

  // The y axis fitted to the lines a filter leaves, keeping the lines exactly as the build drew
  // them: one affine map of the series layer in pixels.
  function fit(svg) {
    var shown = shownSeries(svg), all = svg.querySelectorAll("g.rs-series[data-points]").length;
    var b = view(svg).built;
    if (!shown.length || shown.length === all || b.yScale === "log") return;
    var lo = Infinity, hi = -Infinity;
    shown.forEach(function (g) {
      points(g, null).ys.forEach(function (y) { if (isFinite(y)) { lo = Math.min(lo, y); hi = Math.max(hi, y); } });
    });
    if (!isFinite(lo)) return;
    var box = plot(svg), oldMin = parseFloat(b.yMin), oldMax = parseFloat(b.yMax), nice = niceTicks(lo, hi);
    var a = (oldMax - oldMin) / (nice.hi - nice.lo);
    var c = box.bottom - box.bottom * a - (oldMin - nice.lo) / (nice.hi - nice.lo) * box.height;
    var layer = svg.querySelector("g.rs-series-layer");
    layer.setAttribute("transform", "matrix(1,0,0," + a + ",0," + c + ")");
    layer.setAttribute("clip-path", "url(#" + clipID(svg, { left: box.left, top: (box.top - c) / a, width: box.width, height: box.height / a }) + ")");
    svg.setAttribute("data-y-min", String(nice.lo));
    svg.setAttribute("data-y-max", String(nice.hi));
    var x0 = parseFloat(b.xMin), x1 = parseFloat(b.xMax), xTicks = { ticks: [], step: 1 };
    svg.querySelectorAll("text.rs-tick-label[text-anchor='middle']").forEach(function (t) {
      xTicks.ticks.push(x0 + (parseFloat(t.getAttribute("x")) - box.left) / box.width * (x1 - x0));
    });
    axes(svg, box, function (x) { return box.left + (x - x0) / (x1 - x0) * box.width; },
         function (y) { return box.bottom - (y - nice.lo) / (nice.hi - nice.lo) * box.height; }, xTicks, nice);
    // The built x labels say it better (durations, dates); keep them.
    svg.querySelectorAll("text.rs-tick-label[text-anchor='middle']").forEach(function (t) {
      if (!t.parentNode.classList.contains("rs-rescaled")) t.classList.remove("rs-replaced"); else t.remove();
    });
  }

  function update(svg) {
    var v = view(svg);
    restore(svg);
    var layer = svg.querySelector("g.rs-series-layer");
    if (layer) layer.removeAttribute("clip-path");
    if (v.smoothing !== null || v.logY !== null || v.x) redraw(svg); else fit(svg);
  }

  function controls(svg) {
    var figure = svg.closest("figure");
    if (!figure || !svg.querySelector("g.rs-series[data-points]")) return;
    var v = view(svg);
    var bar = document.createElement("div");
    bar.className = "rs-chart-controls";
    var smooth = document.createElement("label");
    var slider = document.createElement("input");
    slider.type = "range"; slider.min = "0"; slider.max = "0.99"; slider.step = "0.01"; slider.value = "0";
    slider.className = "rs-smoothing";
    var shown = document.createElement("output");
    shown.textContent = "off";
    slider.addEventListener("input", function () {
      var w = parseFloat(slider.value);
      v.smoothing = w > 0 ? w : null;
      shown.textContent = w > 0 ? w.toFixed(2) : "off";
      update(svg);
    });
    smooth.appendChild(document.createTextNode("Smoothing "));
    smooth.appendChild(slider);
    smooth.appendChild(shown);
    var logLabel = document.createElement("label");
    var logBox = document.createElement("input");
    logBox.type = "checkbox";
    logBox.className = "rs-log-y";
    logBox.checked = v.built.yScale === "log";
    logBox.addEventListener("change", function () {
      v.logY = logBox.checked === (v.built.yScale === "log") ? null : logBox.checked;
      update(svg);
    });
    logLabel.appendChild(logBox);
    logLabel.appendChild(document.createTextNode(" log y"));
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = "Reset";
    reset.addEventListener("click", function () {
      v.smoothing = null; v.logY = null; v.x = null;
      slider.value = "0"; shown.textContent = "off"; logBox.checked = v.built.yScale === "log";
      update(svg);
    });
    bar.appendChild(smooth);
    bar.appendChild(logLabel);
    bar.appendChild(reset);
    figure.insertBefore(bar, svg.nextSibling);

    // Drag across the plot to zoom into that x range; double-click to see it all again.
    if (v.built.xMin === null || svg.getAttribute("data-x-scale") === "log") return;
    var start = null, band = null;
    function dataX(e) {
      var rect = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal, box = plot(svg);
      var sx = (e.clientX - rect.left) * vb.width / rect.width;
      var x0 = num(svg, "data-x-min"), x1 = num(svg, "data-x-max");
      return { sx: sx, x: x0 + (sx - box.left) / box.width * (x1 - x0), inside: sx >= box.left && sx <= box.right };
    }
    svg.addEventListener("pointerdown", function (e) {
      var p = dataX(e);
      if (!p.inside || e.button !== 0) return;
      start = p;
      var box = plot(svg);
      band = make("rect", { "class": "rs-zoom-band", x: p.sx, y: box.top, width: 0, height: box.height });
      svg.appendChild(band);
    });
    svg.addEventListener("pointermove", function (e) {
      if (!start) return;
      var p = dataX(e);
      band.setAttribute("x", Math.min(start.sx, p.sx));
      band.setAttribute("width", Math.abs(p.sx - start.sx));
    });
    svg.addEventListener("pointerup", function (e) {
      if (!start) return;
      var p = dataX(e), a = start;
      start = null;
      if (band) { band.remove(); band = null; }
      if (Math.abs(p.sx - a.sx) < 5) return;
      v.x = [Math.min(a.x, p.x), Math.max(a.x, p.x)];
      update(svg);
    });
    svg.addEventListener("dblclick", function () { if (v.x) { v.x = null; update(svg); } });
  }
  document.querySelectorAll("svg.rs-line-chart").forEach(controls);

  document.addEventListener("rs-visible-runs", function (e) {
    var visible = e.detail.visible, all = e.detail.all;
    document.querySelectorAll("svg.rs-line-chart").forEach(function (svg) {
      var changed = false;
      svg.querySelectorAll("g.rs-series[data-run]").forEach(function (g) {
        var run = g.getAttribute("data-run");
        if (!all[run]) return;
        var hide = visible !== null && !visible[run];
        if (g.classList.contains("rs-filtered") !== hide) changed = true;
        g.classList.toggle("rs-filtered", hide);
        var item = svg.querySelector('g.rs-legend-item[data-series="' + g.getAttribute("data-series") + '"]');
        if (item) item.classList.toggle("rs-filtered", hide);
      });
      if (changed) update(svg);
    });
  });
})();
