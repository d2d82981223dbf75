import Foundation
import Testing

/// Ticking runs and pressing Compare shows what differs among them, their metrics side by side,
/// and only their lines in the page's charts.
@Suite struct CompareViewTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func threeSelectedRunsAreComparedSideBySide() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let compare = """
        var box = document.querySelector(".rs-table");
        var ticks = box.querySelectorAll("tbody input.rs-pick");
        [0, 1, 7].forEach(function (i) { ticks[i].checked = true; ticks[i].dispatchEvent(new Event("change")); });
        var button = box.querySelector(".rs-compare-button");
        var enabled = !button.disabled;
        button.click();
        var panel = document.querySelector(".rs-compare"), table = panel.querySelector("table");
        var labels = Array.prototype.map.call(table.querySelectorAll("tbody th"), function (th) { return th.textContent; });
        var lines = Array.prototype.map.call(document.querySelectorAll("svg.rs-line-chart"), function (svg) {
          return svg.querySelectorAll("g.rs-series:not(.rs-filtered)").length;
        });
        return [enabled, table.querySelectorAll("thead th").length - 1, labels.join("|"), table.querySelectorAll("td.rs-best").length, Math.max.apply(null, lines)];
        """
        let (results, console) = try Browser.run(page, [compare])
        let r = try #require(results.first as? [Any])
        #expect(r[0] as? Bool == true, "the button is enabled with 3 runs")
        #expect(r[1] as? Int == 3, "one column per run: \(r)")
        let labels = (r[2] as? String ?? "").split(separator: "|").map(String.init)
        #expect(labels.contains { $0.hasPrefix("optimizer.") } && labels.contains { $0.hasPrefix("val/") }, "params that differ and metrics: \(labels)")
        #expect((r[3] as? Int ?? 0) > 0, "best values marked: \(r)")
        #expect((r[4] as? Int ?? 99) <= 3, "charts show only the compared runs: \(r)")
        #expect(console.isEmpty, "\(console)")
    }
}
