import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// System metrics (`system/…`, from W&B): their own section on the run page, no default table columns.
@Suite struct SystemMetricsSiteTests {
    static func run(system: Bool) -> Run {
        var run = ChartDirectiveTests.run("r")
        if system {
            run.metrics.append(MetricSeries(key: "system/cpu", steps: [0, 1], values: [12.5, 30], times: [100, 115]))
            run.metrics.append(MetricSeries(key: "system/gpu.0.gpu", steps: [0, 1], values: [90, 97], times: [100, 115]))
        }
        return run
    }

    /// The repository's default run page template.
    static var defaultRunTemplate: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("templates/run.md"), encoding: .utf8)) ?? ""
    }

    @Test func excludeLeavesMetricsOutOfCharts() throws {
        let template = "```{charts}\n:metrics: all\n:exclude: system/*\n```\n"
        let (files, log) = ChartDirectiveTests.site(run: template, runs: [Self.run(system: true)])
        let page = try #require(files["p/r/index.html"])
        #expect(page.contains("id=\"chart-loss\""))
        #expect(!page.contains("id=\"chart-system-cpu\""))
        #expect(log.count == 0, "\(log.sorted.map(\.formatted))")
        // Everything excluded: the page says so instead of claiming nothing was logged.
        let only = ChartDirectiveTests.site(run: "```{charts}\n:exclude: *\n```\n", runs: [Self.run(system: true)]).files
        #expect(only["p/r/index.html"]?.contains("No other metrics were logged.") == true)
    }

    @Test func headingIsWrittenOnlyAboveCharts() throws {
        let template = "```{charts}\n:metrics: system/*\n:x: relative-time\n:heading: System metrics\n```\n"
        let with = try #require(ChartDirectiveTests.site(run: template, runs: [Self.run(system: true)]).files["p/r/index.html"])
        #expect(with.contains("<h2 id=\"system-metrics\">System metrics</h2>"))
        #expect(with.contains("id=\"chart-system-cpu\"") && with.contains("id=\"chart-system-gpu.0.gpu\""))
        #expect(!with.contains("id=\"chart-loss\""))
        #expect(with.contains("time since start"))
        let without = try #require(ChartDirectiveTests.site(run: template, runs: [Self.run(system: false)]).files["p/r/index.html"])
        #expect(!without.contains("System metrics") && !without.contains("No metrics were logged"))
    }

    @Test func defaultRunPageShowsSystemMetricsInTheirOwnSection() throws {
        let template = Self.defaultRunTemplate
        #expect(!template.isEmpty)
        let page = try #require(ChartDirectiveTests.site(run: template, runs: [Self.run(system: true)]).files["p/r/index.html"])
        let metrics = try #require(page.range(of: "id=\"chart-loss\""))
        let heading = try #require(page.range(of: ">System metrics</h2>"))
        let cpu = try #require(page.range(of: "id=\"chart-system-cpu\""))
        #expect(metrics.lowerBound < heading.lowerBound && heading.lowerBound < cpu.lowerBound)
    }

    @Test func systemMetricsAreNotDefaultTableColumns() {
        let plan = ColumnPlan(runs: [Self.run(system: true)], options: SiteOptions())
        #expect(plan.columns.contains(.metric("system/cpu", .last)))
        #expect(!plan.visible.contains { if case .metric(let key, _) = $0 { return key.hasPrefix("system/") } else { return false } })
        #expect(plan.visible.contains(.metric("loss", .last)))
    }
}
