import Foundation
import RunsiteCharts
import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{charts}` draws one chart per metric (every run in scope overlaid, with a legend);
/// `{chart}` draws the listed metrics together in one chart (colour per run, dash per metric).
enum ChartDirectives {
    /// The options of `{chart}` and `{charts}`, declared once for both and for `export chart`.
    static let optionSpecs: [OptionSpec] = [
        .list("metrics", absent: "every metric"), .number("smoothing", absent: "the site's --smoothing"),
        .choice("smoothing-kind", ["ema", "window"]), .flag("log-y"), .flag("log-x"), .flag("ignore-outliers"),
        .choice("x", ["step", "epoch", "relative-time", "wall-time"]), .text("title", absent: "the metric names"),
        .selector("runs"), .text("size", absent: "medium"), .choice("figure-width", ["column", "page"]),
        .text("group-by", absent: "no grouping"), .choice("band", ["std", "minmax"]),
        .choice("stats", SeedStatistic.allCases.map(\.rawValue), absent: "mean with :band:"),
    ]

    /// The most charts one `{charts}` draws. Past it the other metrics are listed by name, so that a
    /// run logging thousands of metric names does not write thousands of figure files.
    static let chartLimit = 500

    /// The permalink anchor of a metric's chart.
    static func anchor(_ metric: String) -> String { "chart-" + Slug.make(metric) }

    static func charts(_ directive: Directive, _ page: PageContext) -> Node {
        // Report options: :runs: narrows the scope (PageContext+Reports), :group-by: is ChartGroups, :size: ChartSize.
        let context: PageContext
        switch page.narrowed(by: directive) { case .success(let c): context = c; case .failure(let box): return box.node }
        if let box = context.checkChartOptions(directive) { return box.node }
        let scoped = context.runsInScope
        var keys = Set(scoped.flatMap { $0.run.metrics.map(\.key.name) }).sorted()
        if let patterns = directive.option("metrics").map(list), !patterns.isEmpty, patterns != ["all"] {
            keys = keys.filter { key in patterns.contains { Glob.matches($0, key) } }
        }
        let selected = keys
        if let excluded = directive.option("exclude").map(list), !excluded.isEmpty {
            keys = keys.filter { key in !excluded.contains { Glob.matches($0, key) } }
        }
        let heading = directive.option("heading").map { Node.el("h2", [attr("id", Slug.make($0))], text: $0) }
        guard !keys.isEmpty else {
            if heading != nil { return .empty }
            return .el("p", [cls("rs-muted")], text: selected.isEmpty ? "No metrics were logged." : "No other metrics were logged.")
        }
        // A metric no run logged more than one point of (a summary value such as W&B's
        // `best_val_acc` or MLflow's `test_acc`) is no curve: it is listed after the charts in a
        // "Summary values" table rather than drawn as a chart with one dot.
        // Counted in one pass over the runs' series: a run may log tens of thousands of names.
        var most: [String: Int] = [:]
        for item in scoped { for series in item.run.metrics { most[series.key.name] = max(most[series.key.name] ?? 0, series.summary.count) } }
        let singles = keys.filter { (most[$0] ?? 0) <= 1 }
        let summary = singles.isEmpty ? nil : summaryValues(singles, scoped, context)
        if singles.count > summaryMetricLimit {
            context.warn(.tooManySummaryValues(page: context.pagePath, singles.count, limit: summaryMetricLimit), at: directive.location)
        }
        let single = Set(singles)
        keys.removeAll { single.contains($0) }
        guard !keys.isEmpty else { return .fragment([heading, summary].compactMap { $0 }) }
        let uncharted = keys.dropFirst(chartLimit)
        if !uncharted.isEmpty {
            keys.removeLast(uncharted.count)
            context.warn(.tooManyCharts(page: context.pagePath, keys.count + uncharted.count, limit: chartLimit), at: directive.location)
        }
        // One chart per metric, drawn with help from idle cores (a project page is one long job;
        // in an incremental build the other core had nothing to do), attached in metric order.
        let drawn = ParallelMap.mapHelped(keys) { key -> (ChartFigure, ChartFigure.Rendered) in
            let figure = makeFigure(metrics: [key], title: key, directive, context)
            return (figure, figure.render())
        }
        var nodes = [heading, Node.el("div", [cls("rs-charts")], drawn.map { $0.0.node($0.1, context) })].compactMap { $0 }
        if !uncharted.isEmpty {
            nodes.append(.el("p", [cls("rs-muted rs-uncharted")],
                             text: "\(uncharted.count) more metrics, not charted: " + uncharted.joined(separator: ", ")))
        }
        if let summary { nodes.append(summary) }
        return nodes.count == 1 ? nodes[0] : .fragment(nodes)
    }

    /// The most runs and metrics the "Summary values" table lists; the experiment table and
    /// `runs.json` hold every run, and the metrics past the limit are named under the table.
    static let summaryRowLimit = RunsTable.rowLimit
    static let summaryMetricLimit = 100

    /// The metrics logged as one value per run: a row per run (a run's page: a row per metric), each
    /// value with about four significant digits per column and its exact text as a tooltip.
    static func summaryValues(_ all: [String], _ scoped: [PageContext.ScopedRun], _ context: PageContext) -> Node {
        let metrics = Array(all.prefix(summaryMetricLimit))
        let wanted = Set(metrics)
        // Each run's listed values, found in one pass over its series.
        var values: [RunID: [String: Double]] = [:]
        for item in scoped {
            var own: [String: Double] = [:]
            for series in item.run.metrics where wanted.contains(series.key.name) { own[series.key.name] = series.summary.last }
            if !own.isEmpty { values[item.run.id] = own }
        }
        let runs = scoped.filter { values[$0.run.id] != nil }
        func value(_ run: Run, _ metric: String) -> Double? { values[run.id]?[metric] ?? nil }
        func cell(_ v: Double?, _ precision: ColumnPrecision) -> Node {
            guard let v else { return .el("td", [cls("rs-num")]) }
            let shown = precision.text(v), exact = NumberText.exact(v)
            return .el("td", shown == exact ? [cls("rs-num")] : [cls("rs-num"), attr("title", exact)], text: shown)
        }
        let table: Node
        if scoped.count == 1, let run = runs.first?.run {
            let rows: [Node] = metrics.compactMap { metric in
                guard let v = value(run, metric) else { return nil }
                return .el("tr", [], [.el("th", [attr("scope", "row")], text: metric), cell(v, ColumnPrecision([v]))])
            }
            table = .el("table", [cls("rs-kv rs-summary-values")], [.el("tbody", [], rows)])
        } else {
            let precisions = metrics.map { metric in ColumnPrecision(runs.compactMap { value($0.run, metric) }) }
            let header = Node.el("tr", [], [.el("th", [attr("scope", "col")], text: "Run")]
                                 + metrics.map { .el("th", [attr("scope", "col"), cls("rs-num")], text: $0) })
            let rows: [Node] = runs.prefix(summaryRowLimit).map { item in
                let link = context.link(context.map.runPath(item.place))
                return .el("tr", [], [.el("th", [attr("scope", "row")], [.el("a", [attr("href", link)], text: item.run.name)])]
                           + metrics.indices.map { cell(value(item.run, metrics[$0]), precisions[$0]) })
            }
            table = .el("div", [cls("rs-table-wrap")], [
                .el("table", [cls("rs-summary-values")], [.el("thead", [], [header]), .el("tbody", [], rows)]),
            ])
        }
        var children: [Node] = [
            .el("h3", [], text: "Summary values"),
            .el("p", [cls("rs-muted")], text: "Metrics logged as one value per run, listed rather than charted."),
            table,
        ]
        if all.count > metrics.count {
            children.append(.el("p", [cls("rs-muted rs-uncharted")],
                                text: "\(all.count - metrics.count) more, not listed: " + all.dropFirst(metrics.count).joined(separator: ", ")))
        }
        if runs.count > summaryRowLimit {
            children.append(.el("p", [cls("rs-muted")],
                                text: "The first \(summaryRowLimit) of \(runs.count) runs; the experiment table and runs.json hold every run."))
        }
        return .el("section", [cls("rs-summary-block")], children)
    }

    static func chart(_ directive: Directive, _ page: PageContext) -> Node {
        let context: PageContext
        switch page.narrowed(by: directive) { case .success(let c): context = c; case .failure(let box): return box.node }
        if let box = context.checkChartOptions(directive) { return box.node }
        let available = Set(context.runsInScope.flatMap { $0.run.metrics.map(\.key.name) })
        let metrics = directive.option("metrics").map(list) ?? []
        guard !metrics.isEmpty else {
            context.warn(.chartWithoutMetrics, at: directive.location)
            return DirectiveError.box("':metrics:' is missing", directive)
        }
        for metric in metrics where !available.contains(metric) {
            let hint = Suggestion.closest(to: metric, in: available.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            context.warn(.unknownChartMetric(metric, hint: hint), at: directive.location)
        }
        let title = directive.option("title") ?? metrics.joined(separator: ", ")
        return figure(metrics: metrics, title: title, directive, context)
    }

    static func figure(metrics: [String], title: String, _ directive: Directive, _ context: PageContext) -> Node {
        makeFigure(metrics: metrics, title: title, directive, context).node(context)
    }

    /// The figure of `metrics` over the runs in scope, ready to draw.
    static func makeFigure(metrics: [String], title: String, _ directive: Directive, _ context: PageContext) -> ChartFigure {
        let x = ChartDirectiveOptions.xAxis(directive, context)
        var series: [ChartSeries] = []
        var sources: [ChartFigure.Source] = []
        let scope = context.runsInScope
        // Past ChartCrowd.limit runs, ranked by their summaries first: only the runs drawn as
        // lines keep series; the others lend their points to the grey band and are let go.
        var crowd = directive.option("group-by") == nil
            ? ChartCrowd.plan(metrics: metrics, runs: scope.map(\.run), options: context.options) : nil
        for item in scope {
            let run = context.withColumns(item.run, metrics)
            if crowd != nil {
                crowd!.add(run, x: x)
                guard crowd!.keeps(run) else { continue }
            }
            for (m, metric) in metrics.enumerated() {
                guard let data = run.metric(MetricKey(metric)) else { continue }
                let points = ChartsBridge.points(data, x: x)
                let label = metrics.count > 1 ? "\(run.name) · \(metric)" : run.name
                var line = ChartSeries(label: label, metric: metric, colorIndex: context.map.color(item.place),
                                       dashIndex: m, xs: points.xs, ys: points.ys)
                line.link = context.link(context.map.runPath(item.place))
                if x == .step { line.times = ChartsBridge.wallTimes(data) }
                series.append(ChartsBridge.logged(line, from: data))
                sources.append(ChartFigure.Source(run: run, metric: metric, data: data))
            }
        }
        var options = LineChartOptions()
        options.title = title
        options.xLabel = x == .time ? "time (s)" : x.rawValue
        options.yLabel = metrics.count == 1 ? metrics[0] : ""
        options.smoothing = directive.option("smoothing").flatMap(Double.init) ?? context.options.smoothing
        if let size = directive.option("size").flatMap(ChartSize.dimensions) { (options.width, options.height) = size }
        ChartDirectiveOptions.apply(directive, context, x: x, to: &options)
        ChartGroups.apply(directive, context, metrics: metrics, sources: sources, x: x, series: &series, options: &options)
        if let crowd { ChartCrowd.apply(crowd, series: &series, options: &options) }
        if directive.option("group-by") == nil { drawLinesAtFullResolution(&series, &sources, x: x, context) }
        return ChartFigure(anchor: anchor(metrics.joined(separator: "+")), title: title, series: series, sources: sources,
                           options: options, x: x, width: ChartDirectiveOptions.figureWidth(directive, context),
                           fullData: context.options.chartData == .full, downloads: ChartFigure.downloads(on: context))
    }

    /// Redraws each run's line from the run at full resolution when the build holds it thinned
    /// (see `FullResolution`). `sources` are the lines, in order, after any crowd series.
    static func drawLinesAtFullResolution(_ series: inout [ChartSeries], _ sources: inout [ChartFigure.Source],
                                          x: ChartsBridge.XAxis, _ context: PageContext) {
        guard let full = context.fullResolution, !sources.isEmpty else { return }
        let offset = series.count - sources.count
        let bins = FullResolution.bins(forLines: sources.count)
        for k in sources.indices {
            guard let data = full.run(sources[k].run, bins: bins)?.metric(MetricKey(sources[k].metric)),
                  data.count > sources[k].data.count else { continue }
            let points = ChartsBridge.points(data, x: x)
            var line = series[offset + k]
            (line.xs, line.ys) = (points.xs, points.ys)
            if x == .step { line.times = ChartsBridge.wallTimes(data) }
            series[offset + k] = ChartsBridge.logged(line, from: data)
            sources[k] = ChartFigure.Source(run: sources[k].run, metric: sources[k].metric, data: data)
        }
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
