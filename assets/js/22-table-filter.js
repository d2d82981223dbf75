// Filtering: the box above the table keeps the rows that match. Terms are ANDed (spaces or
// `and`), alternatives ORed (`or`): plain text matches anywhere in the row; `column<value`,
// `column>value`, `<=`, `>=`, `=`, `!=`, `column~text` and `column in a,b` compare, with spaces
// around the operator allowed. A term that names no column is reported beside the box.
(function (RS) {
  "use strict";

  function shortKey(key) { return key.replace(/^(run|param|metric):/, ""); }

  // A column by its key (`metric:val/loss:min`, `param:optimizer.lr`), its key without the kind
  // (`val/loss:min`, `optimizer.lr`), a metric's name (its `last`), or an unambiguous last part
  // of a param's name (`lr` for `optimizer.lr`); -1 for none.
  function columnIndex(headers, name) {
    var i, suffixed = [];
    for (i = 0; i < headers.length; i++) {
      var key = headers[i].getAttribute("data-col");
      if (key === name || shortKey(key) === name || key === "metric:" + name + ":last") return i;
      if (/^param:/.test(key) && key.slice(-name.length - 1) === "." + name) suffixed.push(i);
    }
    return suffixed.length === 1 ? suffixed[0] : -1;
  }

  // The edit distance of two strings (one row of the table at a time).
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
  function closestColumn(headers, name) {
    var best = null;
    headers.forEach(function (th) {
      var key = shortKey(th.getAttribute("data-col") || "").replace(/:last$/, "");
      var d = distance(name.toLowerCase(), key.toLowerCase());
      if (d <= Math.max(2, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { key: key, d: d };
    });
    return best && best.key;
  }

  // One term as a test of one row: `column OP value`, `column in a,b`, or plain text anywhere in
  // the row (`text` gives the row's text in lower case, read only when a term needs it). The
  // term is read once, not once per row.
  function compile(headers, term) {
    var m = term.match(/^(.+?)(<=|>=|!=|=|<|>|~)(.*)$/) || term.match(/^(.+?) in (.*)$/);
    var i = m ? columnIndex(headers, m[1].trim()) : -1;
    if (i < 0) {
      var lowerTerm = term.toLowerCase();
      return function (row, text) { return text().indexOf(lowerTerm) >= 0; };
    }
    var op = m.length === 4 ? m[2] : "in", wanted = m.length === 4 ? m[3] : m[2];
    var lowerWanted = wanted.toLowerCase(), y = parseFloat(wanted);
    var options = wanted.split(",").map(function (w) { w = w.trim(); return { text: w.toLowerCase(), number: parseFloat(w) }; });
    return function (row) {
      var v = RS.cellValue(row, i), x = parseFloat(v);
      if (op === "in") { var lower = v.toLowerCase(); return options.some(function (o) { return lower === o.text || x === o.number; }); }
      if (op === "~") return v.toLowerCase().indexOf(lowerWanted) >= 0;
      if (op === "=") return v.toLowerCase() === lowerWanted || x === y;
      if (op === "!=") return v.toLowerCase() !== lowerWanted && !(x === y);
      if (isNaN(x) || isNaN(y)) return false;
      return op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
    };
  }

  // The filter text as alternatives (`or`) of terms that must all hold, and the names of columns
  // that terms name but the table lacks.
  function parseFilter(headers, value) {
    var unknown = [];
    var alternatives = value.trim().replace(/\s*(<=|>=|!=|=|<|>|~)\s*/g, "$1").split(/\s+or\s+/i).map(function (part) {
      var terms = [], words = part.split(/\s+/).filter(function (w) { return w && w.toLowerCase() !== "and"; });
      for (var k = 0; k < words.length; k++) {
        if (words[k + 1] && words[k + 1].toLowerCase() === "in" && words[k + 2]) { terms.push(words[k] + " in " + words[k + 2]); k += 2; continue; }
        terms.push(words[k]);
      }
      terms.forEach(function (term) {
        var m = term.match(/^(.+?)(<=|>=|!=|=|<|>|~)/) || term.match(/^(.+?) in /);
        if (m && columnIndex(headers, m[1].trim()) < 0) unknown.push(m[1].trim());
      });
      return terms;
    }).filter(function (terms) { return terms.length; });
    return { alternatives: alternatives, unknown: unknown };
  }

  RS.tableFilter = function (t) {
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "Filter runs: text, or column > value (e.g. val/loss < 0.3 and lr in 0.1,0.01)";
    search.setAttribute("aria-label", "Filter runs");
    // Says when a filter term names no column, so that a typo does not silently leave no rows.
    var note = RS.element("span", "rs-filter-note");
    note.setAttribute("aria-live", "polite");
    t.tools.appendChild(search);
    t.tools.appendChild(t.count);
    t.tools.appendChild(note);
    t.search = search;

    // The test of the current filter text: `matches(row)`, and whether it filters at all.
    t.matcher = function () {
      var parsed = parseFilter(t.headers, search.value);
      note.textContent = parsed.unknown.map(function (name) {
        var near = closestColumn(t.headers, name);
        return "no column '" + name + "'" + (near ? "; did you mean " + near + "?" : "");
      }).join(" · ");
      var tests = parsed.alternatives.map(function (terms) { return terms.map(function (term) { return compile(t.headers, term); }); });
      return {
        active: tests.length > 0,
        matches: function (row) {
          if (!tests.length) return true;
          var lower = null;
          function text() { return lower === null ? (lower = row.textContent.toLowerCase()) : lower; }
          return tests.some(function (terms) { return terms.every(function (test) { return test(row, text); }); });
        }
      };
    };
    search.addEventListener("input", function () { t.page = 0; t.withAllRows(t.update); t.pinHeader(); t.saveView(); });
    search.addEventListener("focus", function () { t.withAllRows(function () {}); });
  };
})(window.RUNSITE = window.RUNSITE || {});
