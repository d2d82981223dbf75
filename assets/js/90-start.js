// Runs every module over the page, once the page is parsed (the script is deferred). Charts come
// first, so that they follow a table view restored from the URL or storage.
(function (RS) {
  "use strict";
  document.querySelectorAll("svg.rs-line-chart").forEach(RS.enhanceChart);
  RS.applyDarkColours(document);
  document.querySelectorAll("svg.rs-parallel").forEach(RS.enhanceParallel);
  document.querySelectorAll("svg.rs-line-chart").forEach(RS.chartControls);
  RS.restoreXMode();
  RS.narrowCharts();
  RS.followTables();
  document.querySelectorAll(".rs-table").forEach(RS.enhanceTable);
})(window.RUNSITE = window.RUNSITE || {});
