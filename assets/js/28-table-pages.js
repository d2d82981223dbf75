// Pages: a table longer than the rows the build put on the page (`data-limit`, the first 300)
// shows the matching rows one page at a time (cards 50 at a time), as W&B's run table does, with First / Previous /
// Next / Last below it. "Showing 301–600 of 1000 runs" above the table is a live region, so
// that a screen reader hears each new page, sort and filter. Sorting and filtering cover every
// run and start again at the first page. Printing shows every matching row the page holds (all
// of them once a sort, filter or page turn has loaded the rest), then the page it showed.
(function (RS) {
  "use strict";

  function number(n) { return n.toLocaleString("en-US"); }

  RS.tablePages = function (t) {
    var noun = t.grouped ? " groups" : " runs";
    // Rows per page: the build's page in the table; 50 as cards, which are tall and slow to make.
    t.pageSize = function () { return t.printing ? Infinity : t.cardsOn ? Math.min(t.limit, 50) : t.limit; };
    var total = parseInt(t.table.getAttribute("data-rows"), 10) || t.rows.length;
    t.page = 0;
    t.pageRows = [];
    t.count.setAttribute("aria-live", "polite");
    var pager = RS.element("nav", "rs-pager");
    pager.setAttribute("aria-label", "Pages of the table");
    function button(text, label, target) {
      var b = RS.element("button", "", text);
      b.type = "button";
      b.setAttribute("aria-label", label);
      b.addEventListener("click", function () { t.showPage(target()); });
      pager.appendChild(b);
      return b;
    }
    var pages = 1;
    var first = button("«", "First page", function () { return 0; });
    var previous = button("‹ Previous", "Previous page", function () { return t.page - 1; });
    var where = RS.element("span", "rs-page");
    pager.appendChild(where);
    var next = button("Next ›", "Next page", function () { return t.page + 1; });
    var last = button("»", "Last page", function () { return Infinity; });
    t.box.appendChild(pager);

    window.addEventListener("beforeprint", function () { if (!t.more) { t.printing = true; t.render(); } });
    window.addEventListener("afterprint", function () { if (t.printing) { t.printing = false; t.render(); } });

    t.showPage = function (page) {
      t.withAllRows(function () {
        t.page = page;
        t.update();
        var wrap = t.box.querySelector(".rs-table-wrap");
        if (wrap) wrap.scrollTop = 0;
      });
    };

    t.render = function () {
      var size = t.pageSize();
      // Before the other rows are loaded nothing filters (a filter loads them first): every run counts.
      var n = t.more ? total : t.matching.length;
      pages = Math.max(1, Math.ceil(n / size));
      t.page = Math.max(0, Math.min(t.page, pages - 1));
      var from = size === Infinity ? 0 : t.page * size;
      t.pageRows = t.matching.slice(from, from + size);
      var rows = document.createDocumentFragment();
      t.pageRows.forEach(function (r) { rows.appendChild(r); });
      t.body.textContent = "";
      t.body.appendChild(rows);
      var all = t.more ? total : t.rows.length;
      t.count.textContent = pages > 1
        ? "Showing " + number(from + 1) + "–" + number(from + t.pageRows.length) + " of " + number(n) + noun + (n < all ? " (filtered from " + number(all) + ")" : "")
        : "Showing " + number(n) + " of " + number(all) + noun;
      where.textContent = "Page " + (t.page + 1) + " of " + pages;
      first.disabled = previous.disabled = t.page === 0;
      next.disabled = last.disabled = t.page >= pages - 1;
      pager.hidden = pages < 2;
      t.rendered.forEach(function (hook) { hook(); });
    };
  };
})(window.RUNSITE = window.RUNSITE || {});
