// Line charts drawn again in the page: the chart's view (smoothing, log y, an x range) and the
// lines a table filter leaves. A filter alone fits the y axis by stretching the lines the build
// drew; any other change draws the lines and axes again from the series' read-out points. With
// nothing changed the chart is the one the build drew.
(function (RS) {
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
  window.RUNSITE_EMA = RS.ema = ema;

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
        smoothing: null, logY: null, x: null, xMode: "step",
        built: { xMin: svg.getAttribute("data-x-min"), xMax: svg.getAttribute("data-x-max"),
                 yMin: svg.getAttribute("data-y-min"), yMax: svg.getAttribute("data-y-max"), yScale: svg.getAttribute("data-y-scale"),
                 xFormat: svg.getAttribute("data-x-format"), xLabel: svg.getAttribute("data-x-label"), xTitle: xTitle(svg) && xTitle(svg).textContent }
      };
    }
    return svg.__rsView;
  }
  // The x axis's title: the one axis title that is not turned.
  function xTitle(svg) { return svg.querySelector("text.rs-axis-title:not([transform])"); }
  function setAttribute(node, name, value) { if (value === null) node.removeAttribute(name); else node.setAttribute(name, value); }
  function restore(svg) {
    var v = view(svg), b = v.built;
    svg.setAttribute("data-x-min", b.xMin); svg.setAttribute("data-x-max", b.xMax);
    setAttribute(svg, "data-x-format", b.xFormat); setAttribute(svg, "data-x-label", b.xLabel);
    svg.removeAttribute("data-x-mode");
    if (xTitle(svg)) xTitle(svg).textContent = b.xTitle;
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
  // A series' read-out points with x in `mode` (steps, or relative or wall time in seconds, where
  // points without a time are left out), y smoothed with `weight` (null: not smoothed).
  function points(g, weight, mode) {
    var xs = [], ys = [], lows = [], highs = [], times = mode && mode !== "step" ? RS.pointTimes(g) : null;
    if (mode && mode !== "step" && !times) return { xs: xs, ys: ys, lows: lows, highs: highs };
    (g.getAttribute("data-points") || "").split(" ").forEach(function (item, k) {
      var parts = item.split(","), x = times ? RS.timeX(times, k, mode) : parseFloat(parts[0]), y = parseFloat(parts[1]);
      if (!isNaN(x)) {
        xs.push(x); ys.push(y);
        // A group's band (fields 4 and 5), where the series has one.
        lows.push(parts.length > 4 ? parseFloat(parts[3]) : NaN); highs.push(parts.length > 4 ? parseFloat(parts[4]) : NaN);
      }
    });
    return { xs: xs, ys: weight !== null ? ema(ys, weight) : ys, lows: lows, highs: highs };
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
    var first = true;
    xTicks.ticks.forEach(function (v) {
      var x = xScale(v);
      if (x < box.left - 0.5 || x > box.right + 0.5) return;
      d += "M" + x + "," + box.top + "v" + box.height;
      frame += "M" + x + "," + box.bottom + "v5";
      var text = make("text", { "class": "rs-tick-label", x: x, y: box.bottom + 17, "text-anchor": "middle", "font-size": "11", fill: "#444444" });
      text.textContent = xTicks.text ? xTicks.text(v, first) : label(v, xTicks.step);
      first = false;
      g.appendChild(text);
    });
    g.insertBefore(make("path", { "class": "rs-grid-view", d: d, fill: "none", stroke: "#E6E6E6" }), g.firstChild);
    g.appendChild(make("path", { "class": "rs-frame-view", d: frame, fill: "none", stroke: "#555555" }));
    var layer = svg.querySelector("g.rs-series-layer");
    layer.parentNode.insertBefore(g, layer);
  }

  // A group's band drawn again from the read-out's low and high values: one closed shape per
  // stretch of points where both are placeable, along the highs and back along the lows.
  function band(p, xScale, yScale, log, fill, clip) {
    var d = "", stretch = [];
    function close() {
      if (stretch.length > 1) {
        d += stretch.map(function (i, k) { return (k ? "L" : "M") + xScale(p.xs[i]).toFixed(1) + "," + yScale(p.highs[i]).toFixed(1); }).join("");
        d += stretch.slice().reverse().map(function (i) { return "L" + xScale(p.xs[i]).toFixed(1) + "," + yScale(p.lows[i]).toFixed(1); }).join("") + "Z";
      }
      stretch = [];
    }
    p.xs.forEach(function (x, i) {
      if (isFinite(p.lows[i]) && isFinite(p.highs[i]) && (!log || p.lows[i] > 0)) stretch.push(i); else close();
    });
    close();
    return make("path", { "class": "rs-live-line rs-live-band", d: d, fill: fill || "#888888", "fill-opacity": "0.18", stroke: "none", "clip-path": "url(#" + clip + ")" });
  }

  // The chart drawn again from its read-out points, with the view's smoothing, scale and x range.
  function redraw(svg) {
    var v = view(svg), b = v.built, box = plot(svg);
    var log = v.logY !== null ? v.logY : b.yScale === "log";
    var timed = v.xMode !== "step";
    var drawn = shownSeries(svg).map(function (g) { return { g: g, p: points(g, v.smoothing, v.xMode) }; });
    var x0 = v.x ? v.x[0] : parseFloat(b.xMin), x1 = v.x ? v.x[1] : parseFloat(b.xMax);
    if (timed && !v.x) {
      // Time axes span the times shown.
      x0 = Infinity; x1 = -Infinity;
      drawn.forEach(function (s) { s.p.xs.forEach(function (x) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); }); });
      // No run shown logged a time: empty axes rather than the steps under a time switch.
      if (!isFinite(x0)) { x0 = 0; x1 = 1; }
      if (x1 === x0) { x0 -= 1; x1 += 1; }
    }
    var lo = Infinity, hi = -Infinity;
    drawn.forEach(function (s) {
      s.p.xs.forEach(function (x, i) {
        var y = s.p.ys[i];
        if (x >= x0 && x <= x1 && isFinite(y) && (!log || y > 0)) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
      });
    });
    if (!isFinite(lo)) {
      if (!timed) return;
      lo = 0; hi = 1;
    }
    var yTicks = log ? logTicks(lo, hi) : niceTicks(lo, hi), xTicks = (timed && RS.timeTicks(x0, x1, v.xMode)) || niceTicks(x0, x1);
    if (!v.x || timed) { xTicks.lo = x0; xTicks.hi = x1; }
    if (timed) {
      svg.setAttribute("data-x-mode", v.xMode);
      svg.setAttribute("data-x-format", v.xMode === "relative" ? "duration" : "date");
      svg.setAttribute("data-x-label", RS.xModeLabel[v.xMode]);
      if (xTitle(svg)) xTitle(svg).textContent = RS.xModeLabel[v.xMode];
    }
    function t(y) { return log ? log10(y) : y; }
    function yScale(y) { return box.bottom - (t(y) - t(yTicks.lo)) / (t(yTicks.hi) - t(yTicks.lo)) * box.height; }
    function xScale(x) { return box.left + (x - xTicks.lo) / (xTicks.hi - xTicks.lo) * box.width; }
    svg.setAttribute("data-x-min", String(xTicks.lo)); svg.setAttribute("data-x-max", String(xTicks.hi));
    svg.setAttribute("data-y-min", String(yTicks.lo)); svg.setAttribute("data-y-max", String(yTicks.hi));
    svg.setAttribute("data-y-scale", log ? "log" : "linear");
    var clip = clipID(svg, box);
    drawn.forEach(function (s) {
      var model = s.g.querySelector("path.rs-line") || s.g.querySelector(".rs-point");
      var bandModel = s.g.querySelector("path.rs-group-band");
      s.g.querySelectorAll("path.rs-line, circle.rs-point, path.rs-marker, path.rs-band, path.rs-group-band, path.rs-raw, circle.rs-raw-point")
        .forEach(function (n) { n.classList.add("rs-replaced"); });
      if (bandModel) s.g.appendChild(band(s.p, xScale, yScale, log, bandModel.getAttribute("fill"), clip));
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
    // A chart re-laid for a phone (44-chart-narrow.js) has no built lines to keep.
    if (v.smoothing !== null || v.logY !== null || v.x || v.xMode !== "step" || v.narrow) redraw(svg); else fit(svg);
  }

  RS.chartView = view;
  RS.plotBox = plot;
  RS.svgElement = make;
  RS.updateChart = update;
})(window.RUNSITE = window.RUNSITE || {});
