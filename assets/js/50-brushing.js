// Parallel coordinates: drag along an axis to keep the runs whose line crosses it in that range
// (several axes combine); double-click an axis to clear its range. The other lines are dimmed,
// and the page's experiment table shows only the kept runs.
(function (RS) {
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
  RS.enhanceParallel = enhance;
})(window.RUNSITE = window.RUNSITE || {});
