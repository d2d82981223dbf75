import Foundation
import RunsiteCharts
import Testing

/// A run has one colour everywhere on its project's page: its table swatch, its line in every
/// chart, the chart's read-out and the compare view, in the light and the dark theme.
@Suite struct RunColourTests {
    @Test func theDarkThemeSwapsThePalettesDarkColours() {
        let css = StylesheetTests.css
        for (light, dark) in zip(Palette.colors, Palette.darkColors) where light != dark {
            #expect(css.contains(".rs-chart [stroke=\"\(light)\"] { stroke: \(dark); }"), "\(light)")
            #expect(css.contains(".rs-chart [fill=\"\(light)\"], svg.rs-swatch [fill=\"\(light)\"] { fill: \(dark); }"), "\(light)")
        }
    }

    static let check = """
    var box = document.querySelector(".rs-table"), rows = box.querySelectorAll("tbody tr"), picked = [];
    function paint(node, what) { return node ? getComputedStyle(node)[what] : "none"; }
    var out = [];
    Array.prototype.forEach.call(rows, function (row) {
      var link = row.cells[0].querySelector("a[href]").getAttribute("href");
      var swatch = paint(row.cells[0].querySelector("svg.rs-swatch rect"), "fill");
      Array.prototype.forEach.call(document.querySelectorAll('svg.rs-line-chart g.rs-series[data-run="' + link + '"] path.rs-line'), function (line) {
        out.push([link, swatch, paint(line, "stroke")]);
      });
    });
    // The compare view of the first three runs.
    var ticks = box.querySelectorAll("tbody input.rs-pick");
    [0, 1, 2].forEach(function (i) { ticks[i].checked = true; ticks[i].dispatchEvent(new Event("change")); });
    box.querySelector(".rs-compare-button").click();
    var heads = document.querySelectorAll(".rs-compare thead th svg.rs-swatch rect");
    [0, 1, 2].forEach(function (i) { out.push(["compare " + i, paint(rows[i].cells[0].querySelector("svg.rs-swatch rect"), "fill"), paint(heads[i], "fill")]); });
    return out;
    """

    @Test(.enabled(if: Browser.available, "needs Chromium, chromedriver and selenium"), arguments: [false, true])
    func oneColourPerRunInTableChartsAndCompare(dark: Bool) throws {
        let (site, _) = try TestSite.build([TestSite.packageRoot.appendingPathComponent("examples")])
        let page = site.appendingPathComponent("demo/cifar-sweep/index.html")
        let (results, console) = try Browser.run(page, dark: dark, [Self.check])
        let pairs = try #require(results.first as? [[String]])
        #expect(pairs.count > 10, "\(pairs)")
        for pair in pairs { #expect(pair[1] == pair[2] && pair[1] != "none", "\(dark ? "dark" : "light"): \(pair)") }
        // The indigo run is lightened in the dark theme, the same in every place.
        let indigo = dark ? "rgb(128, 120, 248)" : "rgb(51, 34, 136)"
        #expect(pairs.contains { $0[1] == indigo }, "\(Set(pairs.map { $0[1] }))")
        #expect(console.isEmpty, "\(console)")
    }
}
