// Runs every module over the page, once the page is parsed (the script is deferred).
(function (RS) {
  "use strict";
  document.querySelectorAll(".rs-table").forEach(RS.enhanceTable);
  document.querySelectorAll("svg.rs-line-chart").forEach(RS.enhanceChart);
  RS.applyDarkColours(document);
  document.querySelectorAll("svg.rs-parallel").forEach(RS.enhanceParallel);
  document.querySelectorAll("svg.rs-line-chart").forEach(RS.chartControls);
  RS.followTables();
})(window.RUNSITE = window.RUNSITE || {});
