// The x-axis switch under each line chart: step, relative time (since the run's first logged
// point) or wall time (UTC). Charts of steps whose runs logged times carry them per read-out point
// (`data-t0` and `data-times` on each series: the first time, then milliseconds after the previous
// point); a chart without them offers no switch. The choice holds for every chart of the page, and
// is kept in the URL's fragment (`x=relative` or `x=wall`) and in localStorage for the page.
(function (RS) {
  "use strict";

  var MODES = [["step", "step"], ["relative", "relative time"], ["wall", "wall time (UTC)"]];
  RS.xModeLabel = { relative: "relative time", wall: "wall time (UTC)" };

  // Each read-out point's time in milliseconds (NaN where it logged none), with `origin` the
  // series' first time in milliseconds; null for a series without times.
  RS.pointTimes = function (g) {
    if (g.__rsTimes !== undefined) return g.__rsTimes;
    var t0 = g.getAttribute("data-t0"), text = g.getAttribute("data-times"), out = null;
    if (t0 !== null && text !== null) {
      var origin = Math.round(parseFloat(t0) * 1000), ms = origin;
      out = text.split(" ").map(function (d) {
        if (d === "") return NaN;
        ms += parseFloat(d);
        return ms;
      });
      out.origin = origin;
    }
    g.__rsTimes = out;
    return out;
  };

  // The x of read-out point `k` in `mode` (seconds), or NaN where it has none.
  RS.timeX = function (times, k, mode) {
    var ms = times[k];
    return mode === "relative" ? (ms - times.origin) / 1000 : ms / 1000;
  };

  // Round steps for time axes, as the build's (1 s … 30 s, 1 min … 30 min, 1 h … 12 h, 1 d … 28 d).
  var STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
               86400, 172800, 604800, 1209600, 2419200];
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function durationLabel(seconds, step) {
    if (seconds === 0) return "0";
    var unit = step < 60 ? ["s", 1] : step < 3600 ? ["min", 60] : step < 86400 ? ["h", 3600] : ["d", 86400];
    return String(+(seconds / unit[1]).toPrecision(4)) + " " + unit[0];
  }
  function dateLabel(seconds, step, first) {
    var d = new Date(seconds * 1000);
    var day = d.getUTCFullYear() + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate());
    if (step >= 86400) return day;
    var clock = two(d.getUTCHours()) + ":" + two(d.getUTCMinutes()) + (step < 60 ? ":" + two(d.getUTCSeconds()) : "");
    var midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
    return first || midnight ? day.slice(5) + " " + clock : clock;
  }

  // About five ticks at round times over [lo, hi], labelled as durations or UTC clock times; null
  // below two seconds, where plain number ticks do better.
  RS.timeTicks = function (lo, hi, mode) {
    if (!(hi - lo >= 2)) return null;
    var wanted = (hi - lo) / 5, step = null;
    for (var i = 0; i < STEPS.length && step === null; i++) if (STEPS[i] >= wanted) step = STEPS[i];
    if (step === null) step = Math.ceil(wanted / 2419200) * 2419200;
    var ticks = [];
    for (var k = Math.ceil(lo / step); k <= Math.floor(hi / step); k++) ticks.push(k * step);
    return {
      lo: lo, hi: hi, ticks: ticks, step: step,
      text: function (v, first) { return mode === "relative" ? durationLabel(v, step) : dateLabel(v, step, first); }
    };
  };

  var switches = [];
  var storageKey = "runsite-x:" + location.pathname;

  // Every chart with a switch to `mode`, kept in the URL and storage unless `quiet`.
  RS.setXMode = function (mode, quiet) {
    switches.forEach(function (s) {
      var v = RS.chartView(s.svg);
      s.select.value = mode;
      if (v.xMode === mode) return;
      v.xMode = mode;
      v.x = null;
      RS.updateChart(s.svg);
    });
    if (quiet) return;
    RS.store(storageKey, mode);
    RS.writeFragment({ x: mode === "step" ? "" : mode });
  };

  // Adds the switch to the controls `bar` of `svg` when its series carry times.
  RS.xAxisSwitch = function (svg, bar) {
    if (svg.getAttribute("data-x-scale") === "log" || !svg.querySelector("g.rs-series[data-times]")) return;
    var label = document.createElement("label");
    var select = RS.element("select", "rs-x-axis");
    MODES.forEach(function (m) {
      var option = RS.element("option", "", m[1]);
      option.value = m[0];
      select.appendChild(option);
    });
    select.addEventListener("change", function () { RS.setXMode(select.value); });
    label.appendChild(document.createTextNode("x "));
    label.appendChild(select);
    bar.insertBefore(label, bar.firstChild);
    switches.push({ svg: svg, select: select });
  };

  // The mode a link or the last visit chose, once every chart has its switch.
  RS.restoreXMode = function () {
    if (!switches.length) return;
    // A link that holds a view holds its x axis too: no `x` there is steps.
    var all = RS.fragment();
    var wanted = Object.keys(all).length ? all.x : RS.loadStored(storageKey);
    if (wanted === "relative" || wanted === "wall") RS.setXMode(wanted, true);
  };
})(window.RUNSITE = window.RUNSITE || {});
