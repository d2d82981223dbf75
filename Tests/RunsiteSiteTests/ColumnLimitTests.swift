import RunsiteModel
import Testing
@testable import RunsiteSite

/// Runs that log thousands of metric or param names get tables of a bounded width.
@Suite struct ColumnLimitTests {
    @Test func tablesKeepTheMainMetricsAndTheFirstParamsPastTheLimits() {
        var run = Run(id: "r", source: "runsite", project: "p", name: "r", directory: "r")
        run.metrics = (0..<(ColumnPlan.metricLimit + 100)).map { MetricSeries(key: MetricKey(String(format: "m%04d", $0)), steps: [0], values: [1]) }
        run.metrics.append(MetricSeries(key: "zz/val_loss", steps: [0], values: [1]))
        for i in 0..<(ColumnPlan.paramLimit + 5) { run.params[String(format: "p%05d", i)] = .int(Int64(i)) }
        let plan = ColumnPlan(runs: [run], options: SiteOptions())
        let metrics = Set(plan.columns.compactMap { column -> String? in
            if case .metric(let key, _) = column { return key }
            return nil
        })
        let params = plan.columns.filter { if case .param = $0 { return true } else { return false } }
        #expect(metrics.count == ColumnPlan.metricLimit)
        #expect(metrics.contains("zz/val_loss"), "a main (validation) metric is kept first")
        #expect(params.count == ColumnPlan.paramLimit)
    }
}
