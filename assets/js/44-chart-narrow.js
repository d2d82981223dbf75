// Line charts on a phone: under 600 CSS px a chart is drawn again at the width of its box, one
// SVG unit to one CSS pixel, so that it fills the screen's width with its 11-px labels at 11 px
// (the build's 640-unit chart would shrink them to about 6 px) and needs no sideways scroll. Its
// legend moves under it as a list of buttons that hide and show lines, as the legend does.
// Wider again, the chart is the one the build drew; without JavaScript it scrolls sideways at its
// drawn size (runsite.css).
(function (RS) {
  "use strict";
  var phone = window.matchMedia("(max-width: 600px)");

  function legendList(svg) {
    var list = RS.element("ul", "rs-narrow-legend");
    list.setAttribute("aria-label", "Legend");
    svg.querySelectorAll("g.rs-legend-item[data-series]").forEach(function (item) {
      var series = svg.querySelector('g.rs-series[data-series="' + item.getAttribute("data-series") + '"]');
      var key = item.querySelector("line, path, rect");
      var li = document.createElement("li"), button = RS.element("button", "");
      button.type = "button";
      var swatch = RS.element("span", "rs-swatch");
      if (key) swatch.style.background = getComputedStyle(key)[key.tagName === "rect" ? "fill" : "stroke"];
      button.appendChild(swatch);
      button.appendChild(document.createTextNode(series ? series.getAttribute("data-label") : item.textContent));
      function sync() {
        button.setAttribute("aria-pressed", item.getAttribute("aria-pressed") === "false" ? "false" : "true");
        li.hidden = item.classList.contains("rs-filtered");
      }
      button.addEventListener("click", function () { item.dispatchEvent(new MouseEvent("click", { bubbles: true })); sync(); });
      li.__rsSync = sync;
      sync();
      li.appendChild(button);
      list.appendChild(li);
    });
    return list;
  }

  function narrow(svg) {
    var v = RS.chartView(svg), figure = svg.closest("figure");
    var style = getComputedStyle(figure);
    var width = Math.floor(figure.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    if (!v.narrow) {
      v.narrow = { viewBox: svg.getAttribute("viewBox"), width: svg.getAttribute("width"), height: svg.getAttribute("height"),
                   plotWidth: svg.getAttribute("data-plot-width"), legend: legendList(svg) };
      var title = svg.querySelector("text.rs-axis-title:not([transform])");
      v.narrow.titleX = title && title.getAttribute("x");
      svg.classList.add("rs-narrow");
      svg.parentNode.insertBefore(v.narrow.legend, svg.nextSibling);
    }
    if (v.narrow.at === width) return;
    v.narrow.at = width;
    var box = RS.plotBox(svg), plotWidth = Math.max(120, width - box.left - 14), height = Math.ceil(box.bottom + 44);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    svg.setAttribute("data-plot-width", plotWidth);
    var xTitle = svg.querySelector("text.rs-axis-title:not([transform])");
    if (xTitle) xTitle.setAttribute("x", (box.left + plotWidth / 2).toFixed(1));
    RS.updateChart(svg);
  }

  function wide(svg) {
    var v = RS.chartView(svg), n = v.narrow;
    if (!n) return;
    v.narrow = null;
    svg.setAttribute("viewBox", n.viewBox);
    svg.setAttribute("width", n.width);
    svg.setAttribute("height", n.height);
    svg.setAttribute("data-plot-width", n.plotWidth);
    var xTitle = svg.querySelector("text.rs-axis-title:not([transform])");
    if (xTitle && n.titleX !== null) xTitle.setAttribute("x", n.titleX);
    svg.classList.remove("rs-narrow");
    n.legend.remove();
    RS.updateChart(svg);
  }

  // The legend list follows the table's filter as the chart's own legend does.
  RS.syncNarrowLegend = function (svg) {
    var v = RS.chartView(svg);
    if (v.narrow) RS.slice(v.narrow.legend.children).forEach(function (li) { li.__rsSync(); });
  };

  RS.narrowCharts = function () {
    var charts = RS.slice(document.querySelectorAll("svg.rs-line-chart")).filter(function (svg) {
      return svg.closest("figure") && svg.querySelector("g.rs-series[data-points]");
    });
    if (!charts.length) return;
    var pending = false;
    function fit() {
      pending = false;
      charts.forEach(function (svg) { if (phone.matches) narrow(svg); else wide(svg); });
    }
    fit();
    window.addEventListener("resize", function () { if (!pending) { pending = true; requestAnimationFrame(fit); } });
  };
})(window.RUNSITE = window.RUNSITE || {});
