import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteBuild
@testable import RunsiteSite

/// Large builds hold runs without their columns between reading and rendering; pages that draw or
/// tabulate runs load them again from the overview digests.
@Suite struct HeldRunsTests {
    @Test func largeBuildsHoldRunsStrippedAndLoadThemPerPage() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("big")
        let count = Thinning.overviewThreshold + 3
        for i in 0..<count {
            try TestSite.writeRun(in: root, i, header: "step,loss,acc",
                                  rows: (0..<400).map { "\($0),\(1.0 / Double($0 + 1 + i)),\(Double($0) / 400)" })
        }
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let request = TestSite.request(inputs: [root], output: out)
        let staging = try SiteWriter(output: out).stage()
        defer { staging.abandon() }
        let cacheFolder = out.deletingLastPathComponent().appendingPathComponent("cache")
        let cacheStaging = try SiteWriter(output: cacheFolder).stage()
        defer { cacheStaging.abandon() }
        let cache = BuildCache(previousSite: out, staging: staging, previousCache: cacheFolder, cacheStaging: cacheStaging,
                               version: "test", incremental: true)
        let projects: [Project] = try Pipeline.readIncrementally(request, cache: cache, log: DiagnosticLog(), progress: nil)
        let runs: [Run] = projects.flatMap { $0.runs }
        #expect(runs.count == count)
        #expect(runs.allSatisfy { $0.holdsNoPoints }, "held without columns")
        let first = try #require(runs.first { $0.name == "run-000" })
        let keys: [String] = first.metrics.map { $0.key.name }.sorted()
        #expect(keys == ["acc", "loss"])
        let heldLoss: MetricSeries = try #require(first.metrics.first { $0.key == "loss" })
        #expect(heldLoss.summary.count == 400, "exact summaries kept")
        let loaded: Run = try #require(cache.run(first, at: .overview(metrics: nil)))
        #expect(!loaded.holdsNoPoints)
        let loadedLoss: MetricSeries = try #require(loaded.metrics.first { $0.key == "loss" })
        #expect(loadedLoss.summary == heldLoss.summary)
        #expect(loadedLoss.count > 0)
        #expect(loaded.summarised() == first, "the held run is the loaded one without its columns")
        let lossOnly: Run = try #require(cache.run(first, at: .overview(metrics: ["loss"])))
        #expect(lossOnly.metrics.first { $0.key == "loss" }?.values == loadedLoss.values)
        #expect(lossOnly.metrics.first { $0.key == "acc" }?.count == 0, "other metrics stay as held")
        #expect(lossOnly.summarised() == first)
    }

    /// Past `PageSet.chartByChartRuns` runs a project page loads its runs' columns one chart at a
    /// time; its charts and their files must be what loading them for the whole page draws. A table
    /// column read at another metric's best step (`@best`) makes the page load them whole, so the
    /// same template with such a table draws the comparison.
    @Test func largeProjectsDrawTheirChartsChartByChartAsTheyWouldWhole() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("sweep")
        for i in 0...PageSet.chartByChartRuns {
            try TestSite.writeRun(in: root, i, meta: "\"start\": \(1_700_000_000 + i * 60)", header: "step,loss,acc",
                                  rows: (0..<300).map { "\($0),\($0 == 77 ? 4.0 : 1.0 / Double($0 + 1 + i)),\(Double($0 + i) / 600)" })
        }
        let defaults = TestSite.packageRoot.appendingPathComponent("templates/project.md")
        let project = try String(contentsOf: defaults, encoding: .utf8)
        #expect(TemplateNeeds(project).columns <= .perChart)
        let whole = project + "\n```{runs-table}\n:columns: run:name, metric:acc@best(loss:min)\n```\n"
        #expect(TemplateNeeds(whole).columns == .all)
        let templates = TestSite.temporaryDirectory().appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data(whole.utf8).write(to: templates.appendingPathComponent("project.md"))
        let byChart = try TestSite.build([root]).site
        let byPage = try TestSite.build([root]) { $0.templateOverride = templates }.site
        /// The chart figures of the project page, in order.
        func charts(_ site: URL) -> [String] {
            TestSite.text(site, "sweep/index.html").components(separatedBy: "<figure class=\"rs-figure rs-chart\"").dropFirst()
                .map { $0.components(separatedBy: "</figure>")[0] }
        }
        #expect(charts(byChart).count == 2)
        #expect(charts(byChart) == charts(byPage))
        let a = TestSite.contents(of: byChart), b = TestSite.contents(of: byPage)
        let figures = a.keys.filter { $0.hasPrefix("sweep/figures/") }.sorted()
        #expect(figures.count == 4)   // loss and acc: SVG and CSV
        for path in figures { #expect(a[path] == b[path], "\(path) differs") }
        #expect(String(decoding: a["sweep/figures/chart-loss.csv"] ?? Data(), as: UTF8.self).contains(",77,4\n"), "the spike, drawn")
    }

    @Test func siteWidePagesLoadColumnsOnlyForDirectivesThatMayReadThem() {
        #expect(TemplateNeeds("## Projects\n\n```{project-list}\n```\n\n```{running-runs}\n```\n```{report-list}\n```\n").columns == .none)
        #expect(TemplateNeeds("```{charts}\n:metrics: all\n```\n").columns > .none)
        #expect(TemplateNeeds("> ~~~~{runs-table}\n> ~~~~\n").columns > .none)
        #expect(TemplateNeeds("- item\n\n  ```{chart} loss\n  ```\n").columns > .none)
        #expect(TemplateNeeds("```python\nprint('{charts}')\n```\n").columns == .none)
    }
}
