import Foundation
import Testing

/// A run name too long for the legend is cut in the middle on the page, with the whole name in a
/// `<title>`; the downloaded SVG shows it whole.
@Suite struct LegendFigureTests {
    @Test func pageLegendIsCutAndTheDownloadIsWhole() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("legend")
        let names = ["baseline-lr0.01-warmup-cosine-seed1-long-run-name/loss_compare/val", "adamw-short"]
        for (i, name) in names.enumerated() {
            try TestSite.writeRun(in: root, i, meta: "\"name\": \"\(name)\"", header: "step,loss", rows: ["0,1", "1,0.5"])
        }
        let (site, _) = try TestSite.build([root])
        let page = TestSite.text(site, "legend/index.html")
        #expect(page.contains("<title>\(names[0])</title>"), "the whole name on hover")
        let shown = try #require(page.firstMatch(of: #/class="rs-legend-label"[^>]*>(baseline[^<]*)</#)?.1)
        #expect(shown.contains("…") && shown.hasPrefix("baseline-") && names[0].hasSuffix(String(shown.split(separator: "…").last ?? "")), "\(shown)")
        let figure = TestSite.text(site, "legend/figures/chart-loss.svg")
        #expect(figure.contains(">\(names[0])</text>"), "the standalone figure shows the whole name")
        #expect(!figure.contains("…"))
    }
}
