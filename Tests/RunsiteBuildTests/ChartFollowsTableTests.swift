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
        let (results, console) = try Browser.run(page, [filter(""), filter("sgd"), filter("")])
        let before = results[0] as? [Int] ?? [], filtered = results[1] as? [Int] ?? [], after = results[2] as? [Int] ?? []
        #expect(filtered.last == 2, "two rows: \(filtered)")
        #expect(filtered.dropLast().allSatisfy { $0 <= 2 } && filtered.dropLast().contains(2), "at most two lines in each chart: \(filtered)")
        #expect(after == before, "clearing the filter shows every line again: \(after) vs \(before)")
        #expect(console.isEmpty, "\(console)")
    }
}
