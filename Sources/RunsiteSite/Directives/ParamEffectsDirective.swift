import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{param-effects}`: for each param, Spearman's ρ (numeric) or η (categorical) with a metric,
/// the runs used, and a bar; largest effect first.
///
///     ```{param-effects}
///     :metric: val/loss:min
///     :min-runs: 6
///     :min-params: 2
///     :heading: Param effects
///     ```
enum ParamEffectsDirective: PageDirective {
    static let name = "param-effects"
    static let options: [OptionSpec] = [
        .text("metric", absent: "the first held-out loss (val, eval, test) at its min, else the first loss-like metric, else the first metric at its max"),
        .number("min-runs", absent: "3"), .number("min-params", absent: "1"), .selector("runs"), .text("heading", absent: "none"),
    ]
    static let columns = ColumnNeed.none

    static func expand(_ directive: Directive, _ page: PageContext) -> Node {
        let context: PageContext
        switch page.narrowed(by: directive) { case .success(let c): context = c; case .failure(let box): return box.node }
        let runs = context.runsInScope.map(\.run)
        guard let metric = metricColumn(directive, runs, context) else { return .empty }
        let minRuns = directive.option("min-runs").flatMap(Int.init) ?? 3
        let minParams = directive.option("min-params").flatMap(Int.init) ?? 1
        let result = ParamEffects(runs: runs, metric: metric, minRuns: minRuns)
        guard result.runCount >= minRuns, result.effects.count >= max(1, minParams) else { return .empty }
        var nodes: [Node] = []
        if let heading = directive.option("heading"), !heading.isEmpty { nodes.append(.el("h2", [], text: heading)) }
        nodes.append(table(result))
        return .fragment(nodes)
    }

    /// `:metric: NAME:AGG` (AGG one of last, min, max, first, mean; default min for loss-like names,
    /// else max), or the first loss-like metric of the runs.
    static func metricColumn(_ directive: Directive, _ runs: [Run], _ context: PageContext) -> TableColumn? {
        func column(_ key: String, _ aggregate: TableColumn.Aggregate?) -> TableColumn {
            let direction = MetricDirection.of(key, minimize: context.options.minimize, maximize: context.options.maximize)
            return .metric(key, aggregate ?? (direction == .minimize ? .min : .max))
        }
        if let text = directive.option("metric"), !text.isEmpty {
            if let colon = text.lastIndex(of: ":"), let aggregate = TableColumn.Aggregate(rawValue: String(text[text.index(after: colon)...])) {
                return column(String(text[..<colon]), aggregate)
            }
            return column(text, nil)
        }
        let keys = Set(runs.flatMap { $0.metrics.map(\.key.name) }).sorted()
        let lossLike = keys.filter { MetricDirection.of($0, minimize: context.options.minimize, maximize: context.options.maximize) == .minimize }
        // A held-out loss is the objective a sweep is judged by, rather than the training loss.
        let heldOut = lossLike.first { key in
            key.lowercased().split(whereSeparator: { !$0.isLetter }).contains { ["val", "valid", "validation", "eval", "test"].contains($0) }
        }
        return (heldOut ?? lossLike.first ?? keys.first).map { column($0, nil) }
    }

    static func table(_ result: ParamEffects) -> Node {
        guard case .metric(let key, let aggregate) = result.metric else { return .empty }
        let rows: [Node] = result.effects.map { effect in
            let exact = NumberText.exact(effect.value)
            let width = NumberText.fixed(abs(effect.value) * 80)
            return .el("tr", [], [
                .el("th", [attr("scope", "row")], text: effect.param),
                .el("td", [], text: effect.measure.rawValue),
                .el("td", [cls("rs-num"), attr("data-v", exact), attr("title", exact)], text: NumberText.fixed(effect.value, digits: 3)),
                .el("td", [cls("rs-num")], text: String(effect.runs)),
                .el("td", [], [.el("svg", [cls("rs-effect-bar"), attr("viewBox", "0 0 80 10"), attr("width", "80"), attr("height", "10"), attr("aria-hidden", "true")], [
                    .el("rect", [attr("width", width), attr("height", "10"), attr("rx", "1"),
                                 cls(effect.value < 0 ? "rs-effect-negative" : "rs-effect-positive")]),
                ])]),
            ])
        }
        return .el("div", [cls("rs-table-wrap")], [.el("table", [cls("rs-effects")], [
            .el("caption", [], text: "Effect of each param on \(key) (\(aggregate.rawValue)), over \(result.runCount) runs: Spearman's rank correlation ρ for numeric params, the correlation ratio η for the others."),
            .el("thead", [], [.el("tr", [], ["Param", "Measure", "Effect", "Runs", ""].map { .el("th", [attr("scope", "col")], text: $0) })]),
            .el("tbody", [], rows),
        ])])
    }
}
