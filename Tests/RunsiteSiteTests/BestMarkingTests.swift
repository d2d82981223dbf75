import RunsiteMarkup
import RunsiteModel
import Testing
@testable import RunsiteSite

/// Only objectives get a best value: loss-like metrics minimised, score-like ones maximised,
/// the rest (learning rate, gradient norm, system metrics) not marked at all.
@Suite struct BestMarkingTests {
    @Test(arguments: [
        ("val/loss", MetricDirection.minimize), ("train_loss_step", .minimize), ("error_rate", .minimize), ("mse", .minimize),
        ("val/rmse", .minimize), ("perplexity", .minimize), ("eval/ppl", .minimize), ("wer", .minimize), ("test/cer", .minimize),
        ("trainloss", .minimize), ("dice_loss", .minimize),
        ("val/acc", .maximize), ("accuracy", .maximize), ("top1_acc", .maximize), ("acc5", .maximize), ("val/f1", .maximize),
        ("macro-f1", .maximize), ("auc", .maximize), ("bleu4", .maximize), ("rouge2", .maximize), ("episode_reward", .maximize),
        ("eval/return", .maximize), ("precision", .maximize), ("recall", .maximize), ("mAP@0.5", .maximize), ("val/miou", .maximize),
        ("dice", .maximize), ("best_val_acc", .maximize), ("valAcc", .maximize), ("trainLoss", .minimize), ("mIoU", .maximize),
        ("F1Score", .maximize),
    ])
    func objectivesHaveADirection(_ name: String, _ direction: MetricDirection) {
        #expect(MetricDirection.objective(name) == direction, "\(name)")
    }

    @Test(arguments: ["lr", "learning_rate", "optimizer/lr", "grad_norm", "throughput", "samples_per_sec", "epoch", "step",
                      "system/gpu.0.gpu", "system/network.err", "_runtime", "time", "learningRate", "gradNorm"])
    func otherMetricsHaveNone(_ name: String) {
        #expect(MetricDirection.objective(name) == nil, "\(name)")
        #expect(MetricDirection.of(name) == .maximize, "rankings still need a direction")
    }

    @Test func flagsDecideFirst() {
        #expect(MetricDirection.objective("lr", minimize: ["l?"]) == .minimize)
        #expect(MetricDirection.objective("val/loss", maximize: ["val/*"]) == .maximize)
        #expect(MetricDirection.objective("system/power", minimize: ["system/*"]) == .minimize)
    }

    static func run(_ name: String, _ metrics: [String: Double]) -> Run {
        var run = Run(id: RunID(name), source: "runsite", project: "p", name: name, directory: name)
        run.metrics = metrics.keys.sorted().map { MetricSeries(key: MetricKey($0), steps: [0], values: [metrics[$0]!]) }
        return run
    }

    /// The keys of the columns where some cell holds a best mark, and each header's `data-best`.
    static func marks(_ runs: [Run], options: SiteOptions = SiteOptions()) -> (best: Set<String>, headers: [String: String]) {
        let plan = ColumnPlan(runs: runs, options: options)
        let rows = runs.enumerated().map { RunsTable.Row(run: $1, link: "r\($0)/", color: $0) }
        let table = RunsTable(id: "t", rows: rows, columns: plan.columns, visible: plan.visible, options: options)
        let html = Serializer.html(table.render().table)
        let keys = plan.columns.map(\.key)
        var best = Set<String>(), headers: [String: String] = [:]
        for row in html.components(separatedBy: "<tr").dropFirst(2) {
            for (i, cell) in row.components(separatedBy: "<td").dropFirst().enumerated() where cell.contains("rs-best") { best.insert(keys[i]) }
        }
        for header in html.components(separatedBy: "<th ").dropFirst() {
            guard let key = header.firstMatch(of: #/data-col="([^"]*)"/#)?.1 else { continue }
            if let direction = header.prefix(while: { $0 != ">" }).firstMatch(of: #/data-best="([^"]*)"/#)?.1 { headers[String(key)] = String(direction) }
        }
        return (best, headers)
    }

    @Test func onlyObjectivesAreMarkedInTheTable() {
        let runs = [Self.run("a", ["val/loss": 0.5, "val/acc": 0.7, "lr": 0.1, "grad_norm": 3]),
                    Self.run("b", ["val/loss": 0.4, "val/acc": 0.8, "lr": 0.01, "grad_norm": 2])]
        let marks = Self.marks(runs)
        #expect(marks.best == ["metric:val/loss:last", "metric:val/loss:min", "metric:val/loss:max",
                               "metric:val/acc:last", "metric:val/acc:min", "metric:val/acc:max"])
        #expect(marks.headers["metric:val/loss:min"] == "min" && marks.headers["metric:val/acc:max"] == "max")
        #expect(marks.headers["metric:lr:last"] == nil && marks.headers["metric:grad_norm:max"] == nil)
        // A flag makes any metric an objective.
        var options = SiteOptions()
        options.minimize = ["grad_norm"]
        #expect(Self.marks(runs, options: options).best.contains("metric:grad_norm:last"))
    }

    @Test func aTieAcrossEveryRunMarksNothing() {
        let runs = [Self.run("a", ["val/acc": 0.5, "val/loss": 1]), Self.run("b", ["val/acc": 0.5, "val/loss": 2]),
                    Self.run("c", ["val/acc": 0.5])]
        let best = Self.marks(runs).best
        #expect(!best.contains { $0.hasPrefix("metric:val/acc") })
        #expect(best.contains("metric:val/loss:last"))
        #expect(BestValues.ranks([1, 1, nil], direction: .minimize).best == nil)
        #expect(BestValues.ranks([1, 2, nil], direction: .minimize).best == 1)
        #expect(BestValues.ranks([0.7, .infinity], direction: .maximize).best == 0.7, "a finite value beats a diverged run")
        #expect(BestValues.ranks([nil, 0.3, nil], direction: .maximize).best == nil, "one value alone is no best")
    }

    @Test func exportsMarkOnlyObjectives() throws {
        let runs = [Self.run("a", ["val/loss": 0.5, "lr": 0.1]), Self.run("b", ["val/loss": 0.4, "lr": 0.01]),
                    Self.run("c", ["val/loss": 0.4, "lr": 0.01])]
        let spec = try ColumnSpec.parse("run:name, metric:val/loss:last, metric:lr:last", options: SiteOptions())
        var model = TableModel(runs: runs, columns: spec.columns)
        model.markBest(options: SiteOptions(), second: true)
        #expect(model.rows.map { $0.cells[1].mark } == [.second, .best, .best])
        #expect(model.rows.map { $0.cells[2].mark } == [nil, nil, nil])
        let markdown = TableExport.markdown(model)
        #expect(markdown.contains("**0.4**") && !markdown.contains("**0.01**"))
    }

    @Test func theDefaultColumnsShowTheBestAggregateOfObjectivesOnly() {
        let runs = [Self.run("a", ["val/loss": 0.5, "lr": 0.1]), Self.run("b", ["val/loss": 0.4, "lr": 0.01])]
        let plan = ColumnPlan(runs: runs, options: SiteOptions())
        let metrics = plan.columns.filter { plan.visible.contains($0) && $0.metricKey != nil }.map(\.key)
        #expect(Set(metrics) == ["metric:lr:last", "metric:val/loss:last", "metric:val/loss:min"], "\(metrics)")
    }
}
