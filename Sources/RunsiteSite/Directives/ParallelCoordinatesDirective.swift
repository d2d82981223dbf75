import RunsiteCharts
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{parallel-coordinates}`: one axis per param and one for the metric, one line per run,
/// coloured by `:color-by:` (the metric by default).
///
///     ```{parallel-coordinates}
///     :params: optimizer.lr, optimizer.name, data.batch_size
///     :metric: val/loss:min
///     ```
enum ParallelCoordinatesDirective: PageDirective {
    static let name = "parallel-coordinates"
    static let options: [OptionSpec] = [
        .selector("runs"), .list("params", absent: "the params that vary, at most 8"),
        .text("metric", absent: "as {param-effects}"), .text("color-by", absent: "the metric"),
        .choice("figure-width", ["column", "page"], absent: "page"), .number("min-runs", absent: "2"), .number("min-params", absent: "1"),
        .text("heading", absent: "none"),
    ]
    static let columns = ColumnNeed.none
    /// Axes past this many make lines unreadable; `:params:` chooses others.
    static let paramLimit = 8
    /// Lines past this many are a solid block and weigh megabytes: the best runs by the colour
    /// column are drawn, and the caption says how many of how many.
    static let lineLimit = 2_000

    static func expand(_ directive: Directive, _ page: PageContext) -> Node {
        let context: PageContext
        switch page.narrowed(by: directive) { case .success(let c): context = c; case .failure(let box): return box.node }
        let runs = context.runsInScope.map(\.run)
        let params = directive.option("params").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            ?? Array(ColumnPlan.varyingParams(runs).prefix(paramLimit))
        guard let metric = ParamEffectsDirective.metricColumn(directive, runs, context) else { return .empty }
        let colorBy = directive.option("color-by").flatMap { SweepFigure.column($0, option: "color-by", directive, context) } ?? metric
        let direction = colorBy.metricKey.map { MetricDirection.of($0, minimize: context.options.minimize, maximize: context.options.maximize) }
        let candidates = runs.filter { run in SweepFigure.value(metric, run) != .missing || params.contains { run.params[$0] != nil } }
        let minRuns = directive.option("min-runs").flatMap(Int.init) ?? 2
        let minParams = directive.option("min-params").flatMap(Int.init) ?? 1
        guard candidates.count >= minRuns, params.count >= max(1, minParams) else { return .empty }
        let shown = candidates.count <= lineLimit ? candidates : best(candidates, by: colorBy, highIsBest: direction == .maximize)
        let axes = params.map { TableColumn.param($0) } + [metric]
        let places = Dictionary(context.runsInScope.map { ($0.run.id, $0.place) }, uniquingKeysWith: { a, _ in a })
        let lines = shown.map { run in
            ParallelCoordinates.Line(label: run.name, values: axes.map { SweepFigure.value($0, run) },
                                     color: colorBy.number(for: run).flatMap { $0.isFinite ? $0 : nil },
                                     link: places[run.id].map { context.link(context.map.runPath($0)) })
        }
        let title = "Parallel coordinates: " + SweepFigure.title(metric)
        let counted = shown.count == candidates.count ? "\(shown.count) runs" : "the best \(shown.count) of \(candidates.count) runs by \(SweepFigure.title(colorBy))"
        let figure = SweepFigure.figure(name: "parallel-coordinates", title: title,
                                        caption: "\(counted); one axis per param, the last for \(SweepFigure.title(metric)); colour: \(SweepFigure.title(colorBy)), the best runs drawn on top",
                                        directive, context) { width in
            var chart = ParallelCoordinates(title: title, axes: axes.map(SweepFigure.title), lines: lines, colorTitle: SweepFigure.title(colorBy))
            chart.width = width
            chart.height = width * 0.53
            chart.highIsBest = direction == .maximize
            return chart.svg()
        }
        var nodes: [Node] = []
        if let heading = directive.option("heading"), !heading.isEmpty { nodes.append(.el("h2", [], text: heading)) }
        nodes.append(figure)
        return .fragment(nodes)
    }

    /// The `lineLimit` best runs by `column` (runs without a finite value last), in their order.
    static func best(_ runs: [Run], by column: TableColumn, highIsBest: Bool) -> [Run] {
        let rank = runs.indices.map { i -> Double in
            guard let v = column.number(for: runs[i]), v.isFinite else { return .infinity }
            return highIsBest ? -v : v
        }
        let kept = Set(runs.indices.sorted { (rank[$0], $0) < (rank[$1], $1) }.prefix(lineLimit))
        return runs.indices.filter(kept.contains).map { runs[$0] }
    }
}
