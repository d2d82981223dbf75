import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// A run that logs more metric names than `{charts}` draws gets the first ones charted and the rest listed.
@Suite struct ChartLimitTests {
    @Test func chartsPastTheLimitAreListedByNameWithAWarning() throws {
        var run = Run(id: "r", source: "runsite", project: "p", name: "r", directory: "r")
        let count = ChartDirectives.chartLimit + 100
        run.metrics = (0..<count).map { MetricSeries(key: MetricKey(String(format: "m%04d", $0)), steps: [0, 1], values: [1, 2]) }
        let (files, log) = ChartDirectiveTests.site(run: "```{charts}\n```\n", runs: [run])
        let page = try #require(files["p/r/index.html"])
        #expect(page.contains("id=\"chart-m0499\""))
        #expect(!page.contains("id=\"chart-m0500\""))
        #expect(page.contains("100 more metrics, not charted: m0500, m0501"))
        #expect(!files.keys.contains { $0.contains("m0500") })
        let warnings = log.sorted.filter { $0.id == "directive.charts.too-many-metrics" }
        #expect(warnings.count == 1 && warnings.first?.location?.line != nil, "\(log.sorted.map(\.formatted))")
    }

    @Test func summaryValuesPastTheLimitAreNamed() throws {
        var run = Run(id: "r", source: "runsite", project: "p", name: "r", directory: "r")
        let count = ChartDirectives.summaryMetricLimit + 5
        run.metrics = (0..<count).map { MetricSeries(key: MetricKey(String(format: "s%04d", $0)), steps: [0], values: [1]) }
        let (files, _) = ChartDirectiveTests.site(run: "```{charts}\n```\n", runs: [run])
        let page = try #require(files["p/r/index.html"])
        #expect(page.contains(">s0099</th>") && !page.contains(">s0100</th>"))
        #expect(page.contains("5 more, not listed: s0100, s0101"))
        #expect(!page.contains("rs-chart\""))
    }
}
