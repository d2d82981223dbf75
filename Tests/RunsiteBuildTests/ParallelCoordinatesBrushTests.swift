import Foundation
import Testing

/// Brushing a parallel-coordinates axis dims the other lines and filters the page's experiment table.
@Suite struct ParallelCoordinatesBrushTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func brushingAnAxisFiltersTheTable() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let brush = """
        var svg = document.querySelector("svg.rs-parallel"), axis = svg.querySelector("path.rs-pc-axis[data-axis='0']");
        var box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal, s = box.width / view.width;
        var x = box.left + parseFloat(axis.getAttribute("data-x")) * s;
        var top = box.top + parseFloat(axis.getAttribute("data-top")) * s;
        function fire(type, y) { svg.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, pointerId: 1 })); }
        var before = document.querySelectorAll("table.rs-runs tbody tr").length;
        fire("pointerdown", top - 4); fire("pointermove", top + 8); fire("pointerup", top + 8);
        return [before, document.querySelectorAll("table.rs-runs tbody tr").length,
                svg.querySelectorAll("path.rs-pc-line.rs-pc-dim").length, svg.querySelectorAll("path.rs-pc-line").length];
        """
        let clear = """
        var svg = document.querySelector("svg.rs-parallel"), axis = svg.querySelector("path.rs-pc-axis[data-axis='0']");
        var box = svg.getBoundingClientRect(), s = box.width / svg.viewBox.baseVal.width;
        var x = box.left + parseFloat(axis.getAttribute("data-x")) * s, y = box.top + 100 * s;
        svg.dispatchEvent(new MouseEvent("dblclick", { clientX: x, clientY: y, bubbles: true }));
        return [document.querySelectorAll("table.rs-runs tbody tr").length, svg.querySelectorAll("path.rs-pc-line.rs-pc-dim").length];
        """
        let (results, console) = try Browser.run(page, [brush, clear])
        let brushed = try #require(results.first as? [Int]), cleared = try #require(results.last as? [Int])
        #expect(brushed[1] > 0 && brushed[1] < brushed[0], "the table keeps the brushed runs only: \(brushed)")
        #expect(brushed[2] > 0 && brushed[2] < brushed[3], "lines outside the range are dimmed: \(brushed)")
        #expect(cleared[0] == brushed[0] && cleared[1] == 0, "a double-click clears the range: \(cleared)")
        #expect(console.isEmpty, "\(console)")
    }
}
