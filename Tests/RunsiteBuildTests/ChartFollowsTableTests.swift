import Foundation
import Testing

/// The page's charts follow the experiment table's filter.
@Suite struct ChartFollowsTableTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func aFilterLeavingTwoRunsLeavesTwoLinesInEachChart() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        func filter(_ text: String) -> String {
            """
            var box = document.querySelector(".rs-table"), input = box.querySelector("input[type=search]");
            input.value = \(String(reflecting: text));
            input.dispatchEvent(new Event("input"));
            return Array.prototype.map.call(document.querySelectorAll("svg.rs-line-chart"), function (svg) {
              return svg.querySelectorAll("g.rs-series:not(.rs-filtered)").length;
            }).concat([box.querySelectorAll("tbody tr").length]);
            """
        }
        // The val/loss chart: the SGD runs end far lower than the worst runs start.
        let axis = """
            var svg = Array.prototype.filter.call(document.querySelectorAll("svg.rs-line-chart"), function (s) {
              return s.querySelector("title").textContent === "val/loss";
            })[0];
            var labels = Array.prototype.filter.call(svg.querySelectorAll("text.rs-tick-label[text-anchor='end']"), function (t) {
              return getComputedStyle(t).display !== "none";
            }).map(function (t) { return t.textContent; });
            var shown = svg.querySelectorAll("g.rs-series:not(.rs-filtered) path.rs-line"), plot = svg.getBoundingClientRect();
            var top = Infinity, bottom = -Infinity;
            shown.forEach(function (p) { var r = p.getBoundingClientRect(); top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom); });
            return [svg.getAttribute("data-y-max"), labels.join(" "), Math.round(bottom - top), Math.round(parseFloat(svg.getAttribute("data-plot-height")) * plot.height / svg.viewBox.baseVal.height)];
            """
        let (results, console) = try Browser.run(page, [filter(""), axis, filter("sgd"), axis, filter(""), axis])
        let axes = [results[1], results[3], results[5]].map { $0 as? [Any] ?? [] }
        #expect(axes[1][0] as? String != axes[0][0] as? String, "the y axis is rescaled to the lines shown: \(axes)")
        #expect((axes[1][2] as? Int ?? 0) * 2 > (axes[1][3] as? Int ?? 1), "the lines shown fill most of the plot: \(axes[1])")
        #expect(axes[2][0] as? String == axes[0][0] as? String && axes[2][1] as? String == axes[0][1] as? String, "restored: \(axes)")
        let before = results[0] as? [Int] ?? [], filtered = results[2] as? [Int] ?? [], after = results[4] as? [Int] ?? []
        #expect(filtered.last == 2, "two rows: \(filtered)")
        #expect(filtered.dropLast().allSatisfy { $0 <= 2 } && filtered.dropLast().contains(2), "at most two lines in each chart: \(filtered)")
        #expect(after == before, "clearing the filter shows every line again: \(after) vs \(before)")
        #expect(console.isEmpty, "\(console)")
    }
}
