import Foundation
import Testing

/// On a phone a chart keeps its drawn size (readable text) and scrolls sideways; printed, the
/// experiment table fits the page's width.
@Suite struct SmallScreenAndPrintTests {
    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"))
    func chartsKeepTheirSizeOnAPhone() throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let script = """
        var svg = document.querySelector("svg.rs-line-chart"), figure = svg.closest("figure");
        return [Math.round(svg.getBoundingClientRect().width), figure.scrollWidth > figure.clientWidth, document.documentElement.scrollWidth <= window.innerWidth + 1];
        """
        let (results, console) = try Browser.run(page, width: 390, height: 800, [script])
        let r = try #require(results.first as? [Any])
        #expect((r[0] as? Int ?? 0) >= 640, "11 px labels stay 11 px: \(r)")
        #expect(r[1] as? Bool == true, "the chart scrolls inside its figure: \(r)")
        #expect(r[2] as? Bool == true, "the page itself does not scroll sideways: \(r)")
        #expect(console.isEmpty, "\(console)")
    }

    @Test func printedTablesFitThePage() throws {
        let css = StylesheetTests.css
        // The print block that restyles the page (a one-line `@media print` hides the chart controls).
        let start = try #require(css.range(of: "@media print {\n"))
        let block = css[start.upperBound...].prefix { $0 != "@" }
        #expect(block.contains("table.rs-runs { width: 100%"), "the table takes the page's width")
        #expect(block.contains("white-space: normal"), "headers and cells wrap")
    }
}
