import RunsiteCharts
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{scatter}`: one dot per run, `:y:` against `:x:` (any column: `param:KEY`, `metric:NAME:AGG`,
/// `run:duration`), coloured by `:color-by:`.
///
///     ```{scatter}
///     :x: param:optimizer.lr
///     :y: metric:val/loss:min
///     :log-x: true
///     ```
enum ScatterDirective: PageDirective {
    static let name = "scatter"
    static let options: [OptionSpec] = [
        .text("x"), .text("y", absent: "the metric {param-effects} would choose"), .text("color-by", absent: "one colour"),
        .flag("log-x"), .flag("log-y"), .selector("runs"), .choice("figure-width", ["column", "page"], absent: "page"),
        .text("title", absent: "Y against X"), .text("heading", absent: "none"),
    ]
    static let columns = ColumnNeed.none

    static func expand(_ directive: Directive, _ page: PageContext) -> Node {
        let context: PageContext
        switch page.narrowed(by: directive) { case .success(let c): context = c; case .failure(let box): return box.node }
        let runs = context.runsInScope.map(\.run)
        guard let xText = directive.option("x"), !xText.isEmpty else {
            context.warn(.scatterWithoutX, at: directive.location)
            return DirectiveError.box("{scatter} needs ':x:'", directive)
        }
        guard let x = SweepFigure.column(xText, option: "x", directive, context) else { return .empty }
        let y = directive.option("y").flatMap { SweepFigure.column($0, option: "y", directive, context) }
            ?? ParamEffectsDirective.metricColumn(directive, runs, context)
        guard let y else { return .empty }
        let colorBy = directive.option("color-by").flatMap { SweepFigure.column($0, option: "color-by", directive, context) }
        let points = runs.compactMap { run -> ScatterPlot.Point? in
            guard let value = y.number(for: run), value.isFinite else { return nil }
            let xValue = SweepFigure.value(x, run)
            guard xValue != .missing else { return nil }
            return ScatterPlot.Point(label: run.name, id: run.id.path, x: xValue, y: value, color: colorBy?.number(for: run))
        }
        guard !points.isEmpty else { return .el("p", [cls("rs-muted")], text: "No run has both \(SweepFigure.title(x)) and \(SweepFigure.title(y)).") }
        let title = directive.option("title") ?? "\(SweepFigure.title(y)) against \(SweepFigure.title(x))"
        let figure = SweepFigure.figure(name: "scatter-" + Slug.make(SweepFigure.title(y) + "-" + SweepFigure.title(x)), title: title,
                                        caption: "\(points.count) runs" + (colorBy.map { "; colour: " + SweepFigure.title($0) } ?? ""),
                                        directive, context) { width in
            var chart = ScatterPlot(title: title, xTitle: SweepFigure.title(x), yTitle: SweepFigure.title(y), colorTitle: colorBy.map(SweepFigure.title), points: points)
            chart.width = width
            chart.height = width * 0.53
            chart.logX = OptionChecker.flag(directive, "log-x")
            chart.logY = OptionChecker.flag(directive, "log-y")
            return chart.svg()
        }
        var nodes: [Node] = []
        if let heading = directive.option("heading"), !heading.isEmpty { nodes.append(.el("h2", [], text: heading)) }
        nodes.append(figure)
        return .fragment(nodes)
    }
}
