// The controls under each line chart: a smoothing slider (TensorBoard's debiased EMA, as the
// build's --smoothing), a log-y switch, drag-to-zoom on x (double-click resets), a reset, and
// the x-axis switch where the runs logged times (43-chart-x-axis.js). Each chart's smoothing is
// part of the view: kept in the fragment (`sm=chart-loss:0.6,…`, by the chart's id) and in
// localStorage for the page.
(function (RS) {
  "use strict";

  var smoothingKey = "runsite-smoothing:" + location.pathname;
  var sliders = [];

  // The smoothing a link (or, without a view in the link, the last visit) chose, by chart id.
  function chosenSmoothing() {
    var all = RS.fragment(), text = Object.keys(all).length ? all.sm : RS.loadStored(smoothingKey), chosen = {};
    (text || "").split(",").forEach(function (pair) {
      var colon = pair.lastIndexOf(":"), w = parseFloat(pair.slice(colon + 1));
      if (colon > 0 && w > 0 && w < 1) chosen[pair.slice(0, colon)] = w;
    });
    return chosen;
  }

  function saveSmoothing() {
    var parts = [];
    sliders.forEach(function (s) {
      var w = parseFloat(s.slider.value);
      if (w > 0 && s.id) parts.push(s.id + ":" + w.toFixed(2));
    });
    RS.writeFragment({ sm: parts.join(",") });
    RS.store(smoothingKey, parts.join(","));
  }

  RS.chartControls = function (svg) {
    var figure = svg.closest("figure");
    if (!figure || !svg.querySelector("g.rs-series[data-points]")) return;
    var v = RS.chartView(svg);
    var bar = document.createElement("div");
    bar.className = "rs-chart-controls";
    var smooth = document.createElement("label");
    var slider = document.createElement("input");
    slider.type = "range"; slider.min = "0"; slider.max = "0.99"; slider.step = "0.01"; slider.value = "0";
    slider.className = "rs-smoothing";
    var shown = document.createElement("output");
    shown.textContent = "off";
    function smoothWith(w) {
      v.smoothing = w > 0 ? w : null;
      shown.textContent = w > 0 ? w.toFixed(2) : "off";
      RS.updateChart(svg);
    }
    slider.addEventListener("input", function () { smoothWith(parseFloat(slider.value)); });
    slider.addEventListener("change", saveSmoothing);
    sliders.push({ id: figure.id, slider: slider });
    var chosen = chosenSmoothing()[figure.id];
    if (chosen) { slider.value = String(chosen); smoothWith(chosen); }
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
      RS.updateChart(svg);
    });
    logLabel.appendChild(logBox);
    logLabel.appendChild(document.createTextNode(" log y"));
    var reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = "Reset";
    reset.addEventListener("click", function () {
      v.smoothing = null; v.logY = null; v.x = null;
      slider.value = "0"; shown.textContent = "off"; logBox.checked = v.built.yScale === "log";
      RS.updateChart(svg);
      saveSmoothing();
    });
    bar.appendChild(smooth);
    bar.appendChild(logLabel);
    bar.appendChild(reset);
    RS.xAxisSwitch(svg, bar);
    figure.insertBefore(bar, svg.nextSibling);

    // Drag across the plot to zoom into that x range; double-click to see it all again.
    if (v.built.xMin === null || svg.getAttribute("data-x-scale") === "log") return;
    var start = null, band = null;
    function dataX(e) {
      var rect = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal, box = RS.plotBox(svg);
      var sx = (e.clientX - rect.left) * vb.width / rect.width;
      var x0 = parseFloat(svg.getAttribute("data-x-min")), x1 = parseFloat(svg.getAttribute("data-x-max"));
      return { sx: sx, x: x0 + (sx - box.left) / box.width * (x1 - x0), inside: sx >= box.left && sx <= box.right };
    }
    svg.addEventListener("pointerdown", function (e) {
      var p = dataX(e);
      if (!p.inside || e.button !== 0) return;
      start = p;
      var box = RS.plotBox(svg);
      band = RS.svgElement("rect", { "class": "rs-zoom-band", x: p.sx, y: box.top, width: 0, height: box.height });
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
      RS.updateChart(svg);
    });
    svg.addEventListener("dblclick", function () { if (v.x) { v.x = null; RS.updateChart(svg); } });
  };
})(window.RUNSITE = window.RUNSITE || {});
