import RunsiteModel
import Testing
@testable import RunsiteSite

/// The default columns: status, the main metrics, then the params that vary among the runs that
/// logged params; the run's other fields only through the chooser.
@Suite struct ColumnPlanTests {
    static func run(_ name: String, params: [String: ParamValue], metrics: [String]) -> Run {
        var run = Run(id: RunID(name), source: "runsite", project: "p", name: name, directory: name)
        for (key, value) in params { run.params[key] = value }
        run.metrics = metrics.map { MetricSeries(key: MetricKey($0), steps: [0, 1], values: [1, 2]) }
        run.user = name
        run.tags = ["t"]
        return run
    }

    @Test func aRunWithoutParamsMakesNoParamVary() {
        let runs = [Self.run("a", params: ["lr": .double(0.1), "depth": .int(4)], metrics: ["val/loss"]),
                    Self.run("b", params: ["lr": .double(0.01), "depth": .int(4)], metrics: ["val/loss"]),
                    Self.run("failed", params: [:], metrics: [])]
        let plan = ColumnPlan(runs: runs, options: SiteOptions())
        let shown = plan.columns.filter { plan.visible.contains($0) }
        #expect(shown == [.run(.name), .run(.status), .metric("val/loss", .last), .metric("val/loss", .min), .param("lr")], "\(shown)")
        for field in [TableColumn.RunField.user, .start, .duration, .tags] { #expect(plan.columns.contains(.run(field))) }
    }

    @Test func objectivesComeBeforeOtherMetrics() {
        let runs = [Self.run("a", params: [:], metrics: ["lr", "grad_norm", "train/loss", "val/acc", "epoch", "test/f1"]),
                    Self.run("b", params: [:], metrics: ["lr"])]
        let order = ColumnPlan.mainMetrics(ColumnPlan.metricKeys(runs), limit: 6, options: SiteOptions())
        #expect(order == ["val/acc", "test/f1", "train/loss", "epoch", "grad_norm", "lr"], "\(order)")
    }

    @Test func aSingleRunShowsItsFirstParams() {
        let params = Dictionary(uniqueKeysWithValues: (0..<12).map { (String(format: "p%02d", $0), ParamValue.int(Int64($0))) })
        let run = Self.run("a", params: params, metrics: ["val/loss", "val/acc", "test/loss", "test/acc", "train/loss", "train/acc"])
        let plan = ColumnPlan(runs: [run], options: SiteOptions())
        let shown = plan.columns.filter { plan.visible.contains($0) }
        #expect(shown.filter { if case .param = $0 { return true } else { return false } }.count == ColumnPlan.singleRunParams)
    }
}
