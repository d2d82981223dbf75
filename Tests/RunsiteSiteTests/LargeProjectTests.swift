import RunsiteCharts
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// Projects of thousands of runs keep small pages: the table shows its first rows (downloads hold
/// all), and charts draw the best runs plus one band for all of them.
@Suite struct LargeProjectTests {
    static func runs(_ count: Int) -> [Run] {
        (0..<count).map { i in
            var run = Run(id: RunID(String(format: "run-%05d", i)), source: "runsite", project: "p", name: String(format: "run-%05d", i), directory: "/")
            run.params["lr"] = .double(Double(i % 7) / 1000)
            run.params["seed"] = .int(Int64(i))
            let final = 1.0 / Double(i + 1)
            run.metrics = [MetricSeries(key: "val/loss", steps: [0, 1, 2], values: [2, 1, final])]
            return run
        }
    }

    static func projectPage(_ runs: [Run], template: String) -> (page: String, log: DiagnosticLog) {
        let files: [String: (path: String, text: String)] = [
            "index.md": ("index.md", ""), "project.md": ("project.md", template), "run.md": ("run.md", ""),
            "layout.html": ("layout.html", "{{{content}}}"),
        ]
        let log = DiagnosticLog()
        let output = SiteBuilder(templates: TemplateSet(files: files, assets: [:]), options: SiteOptions())
            .build([Project(name: "p", runs: runs)], log: log)
        let page = output.first { $0.path == "p/index.html" }.flatMap { file -> String? in
            if case .text(let text) = file.content { return text }
            return nil
        }
        return (page ?? "", log)
    }

    @Test func tableShowsItsFirstRowsAndSaysTheDownloadsHoldAll() {
        let count = RunsTable.rowLimit + 200
        let (page, _) = Self.projectPage(Self.runs(count), template: "```{runs-table}\n```\n")
        #expect(page.components(separatedBy: "<tr data-status").count - 1 == RunsTable.rowLimit)
        #expect(page.contains("Showing the first \(RunsTable.rowLimit) of \(count) runs"))
        #expect(page.utf8.count < 2_000_000, "page is \(page.utf8.count) bytes")
    }

    @Test func chartOfManyRunsDrawsTheBestAndABandForAll() {
        let (page, _) = Self.projectPage(Self.runs(500), template: "```{charts}\n:metrics: val/loss\n```\n")
        #expect(page.contains("all 500 runs (mean, min–max band)"))
        #expect(page.contains("the \(ChartCrowd.limit) runs with the lowest val/loss of 500"))
        #expect(page.contains("run-00499") && !page.contains("data-label=\"run-00000\""), "the best (lowest final loss) runs are drawn")
        #expect(page.utf8.count < 600_000, "page is \(page.utf8.count) bytes")
    }

    /// The plan ranks held runs by their summaries (no points needed), keeps the best `limit`, and
    /// its band is the aggregate of every run added, each once, in the order added.
    @Test func crowdPlanRanksBySummaryAndBandsEveryRunOnce() throws {
        let runs = Self.runs(100)
        var noLoss = Run(id: "run-no-loss", source: "runsite", project: "p", name: "run-no-loss", directory: "/")
        noLoss.metrics = [MetricSeries(key: "acc", steps: [0], values: [0.5])]
        let candidates = runs + [noLoss]
        var plan = try #require(ChartCrowd.plan(metrics: ["val/loss", "acc"], runs: candidates, options: SiteOptions()))
        #expect(plan.runCount == 101)
        #expect(plan.kept == Set(runs.suffix(ChartCrowd.limit).map(\.id)), "the lowest final losses")
        #expect(!plan.keeps(noLoss), "a run without the first metric ranks last")
        let held = runs.map { $0.summarised() }
        #expect(ChartCrowd.plan(metrics: ["val/loss"], runs: held, options: SiteOptions())?.kept == plan.kept, "summaries alone rank")
        for run in candidates { plan.add(run, x: .step) }
        plan.add(runs[3], x: .step)   // a run listed twice counts once
        var series: [ChartSeries] = [], options = LineChartOptions()
        ChartCrowd.apply(plan, series: &series, options: &options)
        let expected = ChartGroups.aggregate(runs.map { ChartsBridge.points($0.metrics[0], x: .step) }, band: .minmax)
        #expect(series.count == 2)
        #expect(series[0].label == "all 100 runs · val/loss (mean, min–max band)")
        #expect(series[0].ys == expected.mean && series[0].bandLow == expected.low && series[0].bandHigh == expected.high)
        #expect(series[1].label == "all 1 runs · acc (mean, min–max band)")
        #expect(ChartCrowd.plan(metrics: ["val/loss"], runs: Array(runs.prefix(ChartCrowd.limit)), options: SiteOptions()) == nil)
    }
}
