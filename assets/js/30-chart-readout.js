// Chart read-out: on the SVG line charts, hovering shows a crosshair and the value
// of every visible series at that x (its point nearest in x, read from the series' `data-points`);
// clicking or pressing Enter on a legend entry hides or shows its series. Without this script the
// charts are complete, static figures.
(function (RS) {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function num(svg, name) { return parseFloat(svg.getAttribute(name)); }

  // "x,y x,y", "x,y,s" or "x,y,s,low,high" (s may be empty): numbers plus y's exact text for display.
  // With `times` (RS.pointTimes) and a time `mode`, x is the point's time and points without one
  // are left out.
  function parsePoints(text, times, mode) {
    var xs = [], ys = [], yText = [], ss = [], band = [];
    (text || "").split(" ").forEach(function (item, k) {
      if (!item) return;
      var parts = item.split(",");
      var x = times ? RS.timeX(times, k, mode) : parseFloat(parts[0]), y = parseFloat(parts[1]);
      if (isNaN(x) || isNaN(y)) return;
      xs.push(x); ys.push(y); yText.push(parts[1]);
      ss.push(parts.length > 2 && parts[2] !== "" ? parts[2] : null);
      band.push(parts.length > 4 ? parts[3] + " to " + parts[4] : null);
    });
    return { xs: xs, ys: ys, yText: yText, ss: ss, band: band };
  }
  var NONE = parsePoints("");

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
      box.width = num(svg, "data-plot-width");   // narrower on a phone (44-chart-narrow.js)
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
      return { g: g, line: line, label: g.getAttribute("data-label") || "", step: parsePoints(g.getAttribute("data-points")), color: color };
    });
    // Each series' points on the x axis the chart shows now (the x-axis switch may change it).
    function current() {
      var mode = svg.getAttribute("data-x-mode") || "step";
      series.forEach(function (s) {
        if (!s[mode]) {
          var times = RS.pointTimes(s.g);
          s[mode] = times ? parsePoints(s.g.getAttribute("data-points"), times, mode) : NONE;
        }
        s.points = s[mode];
      });
    }
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
      current();
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
        // The colour the line has on screen: the dark theme swaps some palette colours (runsite.css).
        sw.style.background = r.s.line ? getComputedStyle(r.s.line)[r.s.line.tagName === "path" ? "stroke" : "fill"] : r.s.color;
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
    var keyXs = [], keyIndex = -1;
    svg.setAttribute("tabindex", "0");
    // An img's children are hidden from assistive technology; the legend buttons need a group.
    var title = svg.querySelector("title");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", (title ? title.textContent + ". " : "") + "Use left and right arrow keys to read values.");
    svg.addEventListener("keydown", function (e) {
      current();
      keyXs = [];
      series.forEach(function (s) { if (s.points.xs.length > keyXs.length) keyXs = s.points.xs; });
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

  RS.enhanceChart = enhanceChart;
})(window.RUNSITE = window.RUNSITE || {});
