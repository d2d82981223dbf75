// Line charts follow the experiment table: a table filter (or a parallel-coordinates brush, or
// the compare view) hides the series of the runs it leaves out, with their legend entries, and
// the chart fits its y axis to the lines still shown. Runs of other tables are left alone.
(function (RS) {
  "use strict";
  RS.followTables = function () {
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
        if (changed) { RS.updateChart(svg); RS.syncNarrowLegend(svg); }
      });
    });
  };
})(window.RUNSITE = window.RUNSITE || {});
