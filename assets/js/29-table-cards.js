// Cards: on a phone a run's row becomes a card (its name, status and the chosen columns as
// label: value lines), as W&B's and Neptune's mobile views list runs. "Table | Cards" above the
// table switches between the two; cards are the default under 600 CSS px, and the choice is kept
// for the page in localStorage (a phone's choice is not a desktop's, so not in the URL). Cards
// show the rows the table would show (filter, sort, page) and follow the column chooser; a
// card's box ticks its run for Compare; "Sort" orders the cards as a header click does.
(function (RS) {
  "use strict";

  // A header's words: its title and, for a metric, its aggregate ("val/loss · min").
  function headerText(th) {
    var title = th.querySelector(".rs-th-title"), sub = th.querySelector(".rs-th-sub");
    var aggregate = sub && sub.textContent !== "param" ? sub.textContent : "";
    return title ? title.textContent + (aggregate ? " · " + aggregate : "") : th.textContent.trim();
  }

  function card(t, row, shown) {
    var li = RS.element("li", "rs-card");
    var head = RS.element("div", "rs-card-head"), first = row.cells[0];
    var pick = first.querySelector("input.rs-pick");
    if (pick) {
      // A box of its own, kept in step with the row's, which Compare counts.
      var tick = RS.element("input", "rs-pick");
      tick.type = "checkbox";
      tick.checked = pick.checked;
      tick.setAttribute("aria-label", pick.getAttribute("aria-label"));
      tick.addEventListener("change", function () { pick.checked = tick.checked; pick.dispatchEvent(new Event("change")); });
      head.appendChild(tick);
    }
    var swatch = first.querySelector("svg.rs-swatch"), link = first.querySelector("a[href]");
    if (swatch) head.appendChild(swatch.cloneNode(true));
    if (link) head.appendChild(link.cloneNode(true));
    li.appendChild(head);
    // One small list per field (axe-core wants dt and dd straight inside a dl), laid out in a grid.
    var list = RS.element("div", "rs-card-fields");
    shown.forEach(function (i) {
      var cell = row.cells[i];
      if (!cell || !cell.textContent.trim()) return;
      var dd = document.createElement("dd");
      RS.slice(cell.childNodes).forEach(function (n) { dd.appendChild(n.cloneNode(true)); });
      if (cell.classList.contains("rs-best")) dd.className = "rs-best";
      if (cell.title) dd.title = cell.title;
      var pair = RS.element("dl", "rs-card-field");
      pair.appendChild(RS.element("dt", "", headerText(t.headers[i])));
      pair.appendChild(dd);
      list.appendChild(pair);
    });
    li.appendChild(list);
    return li;
  }

  RS.tableCards = function (t) {
    if (t.grouped) return;
    var storageKey = "runsite-cards:" + location.pathname + ":" + t.table.id;
    var stored = RS.loadStored(storageKey);
    var on = stored === null ? window.matchMedia("(max-width: 600px)").matches : stored === true;
    var list = RS.element("ol", "rs-cards");
    list.setAttribute("aria-label", "Runs");
    var wrap = t.box.querySelector(".rs-table-wrap");
    wrap.parentNode.insertBefore(list, wrap.nextSibling);

    var switcher = RS.element("span", "rs-view-switch");
    switcher.setAttribute("role", "group");
    switcher.setAttribute("aria-label", "Show runs as");
    var asTable = RS.element("button", "", "Table"), asCards = RS.element("button", "", "Cards");
    [asTable, asCards].forEach(function (b) { b.type = "button"; switcher.appendChild(b); });
    // "Sort" for cards, which have no headers to click: every column, both ways.
    var sorter = RS.element("select", "rs-card-sort");
    sorter.setAttribute("aria-label", "Sort the cards");
    sorter.appendChild(RS.element("option", "", "Sort…"));
    t.headers.forEach(function (th, i) {
      [["ascending", " ↑"], ["descending", " ↓"]].forEach(function (d) {
        var option = RS.element("option", "", headerText(th) + d[1]);
        option.value = i + " " + d[0];
        sorter.appendChild(option);
      });
    });
    sorter.addEventListener("change", function () {
      var parts = sorter.value.split(" ");
      if (parts.length === 2) t.sortBy(parseInt(parts[0], 10), parts[1]);
    });
    t.tools.insertBefore(switcher, t.tools.firstChild);
    t.tools.appendChild(sorter);

    function render() {
      list.textContent = "";
      if (!on) return;
      var shown = [];
      t.headers.forEach(function (th, i) { if (i > 0 && getComputedStyle(th).display !== "none") shown.push(i); });
      var items = document.createDocumentFragment();
      t.pageRows.forEach(function (row) { items.appendChild(card(t, row, shown)); });
      list.appendChild(items);
    }
    function show(cards, remember) {
      // The first row shown stays on the page shown: cards come 50 to a page, rows 300.
      var first = t.pageSize() === Infinity ? 0 : t.page * t.pageSize();
      on = t.cardsOn = cards;
      t.page = Math.floor(first / t.pageSize());
      t.box.classList.toggle("rs-cards-on", on);
      asTable.setAttribute("aria-pressed", on ? "false" : "true");
      asCards.setAttribute("aria-pressed", on ? "true" : "false");
      if (remember) RS.store(storageKey, on);
      t.render();
    }
    asTable.addEventListener("click", function () { show(false, true); });
    asCards.addEventListener("click", function () { show(true, true); });
    t.rendered.push(render);
    t.columnsChanged = render;
    show(on, false);
  };
})(window.RUNSITE = window.RUNSITE || {});
