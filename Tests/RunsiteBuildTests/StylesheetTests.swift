import Foundation
import Testing

/// The default stylesheet styles pages; charts and heatmaps are inline SVG in those pages and draw
/// their own sizes and light-theme colours as attributes, so page rules must not leak into them.
@Suite struct StylesheetTests {
    static var css: String {
        (try? String(contentsOf: TestSite.packageRoot.appendingPathComponent("assets/runsite.css"), encoding: .utf8)) ?? ""
    }

    @Test func pageTitleRuleDoesNotRestyleChartTitles() {
        // The layout's <h1 class="rs-title"> and the charts' <text class="rs-title"> share a class;
        // a bare `.rs-title` rule turned 14px chart titles into 1.6rem headings.
        let css = Self.css
        #expect(!css.isEmpty)
        let bare = css.split(separator: "\n").filter { line in
            line.range(of: #"(^|,)\s*\.rs-title\b"#, options: .regularExpression) != nil
        }
        #expect(bare.isEmpty, "unscoped .rs-title rule: \(bare)")
        #expect(css.contains("h1.rs-title {"))
    }

    @Test func darkModeRecoloursChartText() throws {
        let css = Self.css
        let start = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
        let block = css[start.upperBound...].prefix { $0 != "@" }
        for cls in ["rs-title", "rs-tick-label", "rs-legend-label", "rs-axis-title", "rs-grid"] {
            #expect(block.contains("svg.rs-chart .\(cls)"), "dark mode leaves .\(cls) in its light colour")
        }
    }

    @Test func figuresAndTablesFitANarrowScreen() {
        // A 520px grid track or a 24rem table overflows a 400px phone screen; cap them at 100%.
        let css = Self.css
        #expect(css.contains("minmax(min(520px, 100%), 1fr)"))
        #expect(!css.contains("minmax(520px"))
        #expect(!css.contains("min-width: 24rem"))
        #expect(!css.contains("min-width: 18rem"))
    }

    @Test func tablesAreNotGluedToTheFiguresBelowThem() {
        // The metric summary is followed directly by the charts; without a gap their borders touch.
        #expect(Self.css.contains(".rs-table-wrap + .rs-charts"))
    }

    @Test func heatmapsAndStandaloneFiguresKeepTheirOwnSize() {
        // `.rs-figure svg { width: 100% }` blew a lone {confusion-matrix} up to the page width
        // (cell labels 2-3x their size) and overrode a {chart}'s :size: outside a grid.
        let css = Self.css
        #expect(css.contains(".rs-figure svg.rs-heatmap { width: auto; max-width: 100%; }"))
        #expect(css.contains(".rs-main > .rs-figure { width: fit-content; max-width: 100%; }"))
    }

    @Test func aLongRunNameDoesNotPushTheTableOffScreen() {
        // The run-name column never wraps; a 300-character name made it wider than the page and
        // every other column of the experiment table scrolled out of view. Pinned, it also takes at
        // most 40% of a narrow screen.
        #expect(Self.css.contains(".rs-runs td:first-child { white-space: nowrap; max-width: min(24rem, 40vw); overflow: hidden; text-overflow: ellipsis; }"))
    }

    @Test func aGroupedTableCountsGroupsNotRuns() throws {
        // runsite.js writes "N of M …" beside each table's filter; a {runs-table} with :group-by:
        // has one row per group, and said "2 of 2 runs" for a table summarising 5 runs.
        let js = TestSite.script
        #expect(js.contains("noun = t.grouped ? \" groups\" : \" runs\""))
    }
}

