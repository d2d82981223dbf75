import RunsiteCore
import RunsiteMarkup

/// A line chart of one or more series, rendered as a standalone, accessible SVG.
///
///     let chart = LineChart(series: [ChartSeries(label: "run-1", metric: "loss", colorIndex: 0,
///                                                xs: [0, 1, 2], ys: [0.9, 0.5, 0.4])],
///                           options: LineChartOptions())
///     Serializer.xml(chart.svg())   // <svg … role="img"><title>…</title><desc>…</desc>…</svg>
///     chart.caption                 // "Shows 3 of 3 points"
///
/// All the work (smoothing, scales, decimation) happens in `init`, so `svg()` and `caption`
/// are cheap and always agree. Output is a pure function of the input: same input, same bytes.
public struct LineChart: Sendable {
    let options: LineChartOptions
    let layout: LineChartLayout
    let xScale: Scale
    let yScale: Scale
    let plotted: [PlottedSeries]
    let stats: LineChartStats

    /// Prepares the chart; series with no points still get a legend entry.
    public init(series: [ChartSeries], options: LineChartOptions) {
        self.options = options
        let xKind: Scale.Kind = options.logX ? .log : .linear
        let yKind: Scale.Kind = options.logY ? .log : .linear
        let scan = ExtentScan(series: series, xKind: xKind, yKind: yKind, keepValues: options.ignoreOutliers)
        var stats = scan.stats
        stats.smoothingWindow = options.smoothingWindow >= 2 ? options.smoothingWindow : 0
        stats.smoothing = stats.smoothingWindow > 0 ? 0 : LineChart.smoothingWeight(options.smoothing)
        stats.ignoresOutliers = options.ignoreOutliers
        stats.note = options.seriesNote

        var layout = LineChartLayout(options: options, hasMarkers: stats.hasMarkers)
        let yExtent = options.ignoreOutliers ? scan.robustYExtent(log: yKind == .log) : nil
        let yScale = Scale.fitted(kind: yKind, lower: yExtent?.0 ?? scan.yMin, upper: yExtent?.1 ?? scan.yMax,
                                  range: (layout.plotBottom, layout.plotTop),
                                  tickCount: max(2, Int(layout.plotHeight / 45)))
        let legendLabels = series.map(\.label) + LineChart.markerKey(stats).map(\.text)
        layout.place(yTickLabels: yScale.ticks(count: max(2, Int(layout.plotHeight / 45))).map(\.label),
                     yTitle: !options.yLabel.isEmpty, legendLabels: legendLabels, labelMax: options.legendLabelMax)
        var xScale = Scale.fitted(kind: xKind, lower: scan.xMin, upper: scan.xMax,
                                  range: (layout.plotLeft, layout.plotRight),
                                  tickCount: max(2, Int(layout.plotWidth / 90)))
        xScale.integral = scan.integralX
        if xKind == .linear { xScale.format = options.xFormat }

        // Up to 4 vertices per column and series: widen columns when many series would exceed the budget.
        let pixelsPerColumn = max(1, 4 * Double(series.count) * layout.plotWidth / Double(max(1, options.vertexBudget)))
        let decimator = Decimator(xScale: xScale, yScale: yScale, left: layout.plotLeft,
                                  columns: Int((layout.plotWidth / pixelsPerColumn).rounded(.up)),
                                  pixelsPerColumn: pixelsPerColumn)
        var plotted: [PlottedSeries] = []
        for (index, s) in series.enumerated() {
            let p = PlottedSeries(series: s, index: index, smoothing: stats.smoothing, window: stats.smoothingWindow,
                                  decimator: decimator)
            stats.shown += p.shownCount
            if options.ignoreOutliers { stats.clipped += p.countOutside(yScale) }
            plotted.append(p)
        }
        self.layout = layout
        self.xScale = xScale
        self.yScale = yScale
        self.plotted = plotted
        self.stats = stats
    }

    /// A sentence for the figure caption: points shown and everything left out or marked.
    public var caption: String { stats.caption }

    /// The chart as an `<svg>` element with `role="img"`, `<title>`, `<desc>`, axes and legend.
    public func svg() -> Node {
        var children: [Node] = [
            .el("title", text: accessibleTitle),
            .el("desc", text: accessibleDescription),
        ]
        var clipID: String?
        if options.ignoreOutliers {
            let id = stableID()
            clipID = id
            children.append(.el("defs", [], [.el("clipPath", [attr("id", id)], [plotRect(attributes: [])])]))
        }
        if let baseline = layout.titleBaseline {
            children.append(.el("text", ChartText.textAttributes(className: "rs-title", size: LineChartLayout.titleFont,
                                                                 fill: "#222222", weight: "600")
                                + [attr("x", ChartText.coordinate(layout.plotLeft)), attr("y", ChartText.coordinate(baseline))],
                                text: options.title))
        }
        children.append(gridNode())
        children.append(seriesLayer(clipID: clipID))
        children.append(axesNode())
        if stats.shown == 0 {
            // An empty plot should say so rather than look like a rendering failure.
            let message = stats.total == 0 ? "No data" : "No values that can be plotted"
            children.append(.el("text", ChartText.textAttributes(className: "rs-empty", size: 13, fill: "#777777", anchor: "middle")
                                + [attr("x", ChartText.coordinate(layout.plotLeft + layout.plotWidth / 2)),
                                   attr("y", ChartText.coordinate(layout.plotTop + layout.plotHeight / 2))], text: message))
        }
        children.append(legendNode())
        return .el("svg", rootAttributes, children)
    }

    private var rootAttributes: [Attribute] {
        let c = { ChartText.coordinate($0, digits: 2) }
        return [
            attr("xmlns", "http://www.w3.org/2000/svg"),
            cls("rs-chart rs-line-chart"),
            attr("width", c(layout.width)), attr("height", c(layout.height)),
            attr("viewBox", "0 0 \(c(layout.width)) \(c(layout.height))"),
            attr("role", "img"),
            attr("font-family", ChartText.fontFamily),
            attr("font-size", c(LineChartLayout.tickFont)),
            // For runsite.js's read-out: mouse x → data x needs the plot box and the domains.
            attr("data-plot-left", c(layout.plotLeft)), attr("data-plot-top", c(layout.plotTop)),
            attr("data-plot-width", c(layout.plotWidth)), attr("data-plot-height", c(layout.plotHeight)),
            attr("data-x-label", options.xLabel),
        ] + (xScale.format == .number ? [] : [attr("data-x-format", xScale.format.rawValue)]) + [
            attr("data-x-scale", xScale.kind.rawValue),
            attr("data-x-min", NumberText.exact(xScale.domain.lower)), attr("data-x-max", NumberText.exact(xScale.domain.upper)),
            attr("data-y-scale", yScale.kind.rawValue),
            attr("data-y-min", NumberText.exact(yScale.domain.lower)), attr("data-y-max", NumberText.exact(yScale.domain.upper)),
        ]
    }

    /// The `<title>`: the chart title, or the metrics shown.
    var accessibleTitle: String {
        if !options.title.isEmpty { return options.title }
        var metrics: [String] = []
        for p in plotted where !metrics.contains(p.series.metric) { metrics.append(p.series.metric) }
        return metrics.isEmpty ? "Line chart" : "Line chart of " + metrics.joined(separator: ", ")
    }

    /// The `<desc>`: series, axes and the caption sentence, for screen readers.
    var accessibleDescription: String {
        let names = plotted.map(\.series.label)
        let shown = names.count > 10 ? names.prefix(10).joined(separator: ", ") + " and \(names.count - 10) more" : names.joined(separator: ", ")
        let seriesPart = "\(names.count) series" + (names.isEmpty ? "" : ": " + shown)
        let x = "x axis \(options.xLabel.isEmpty ? "x" : options.xLabel)\(xScale.kind == .log ? " (log)" : "") from \(xText(xScale.domain.lower)) to \(xText(xScale.domain.upper))"
        let y = "y axis \(options.yLabel.isEmpty ? "value" : options.yLabel)\(yScale.kind == .log ? " (log)" : "") from \(NumberText.compact(yScale.domain.lower)) to \(NumberText.compact(yScale.domain.upper))"
        let markers = stats.hasMarkers ? " NaN and infinite values are marked above the plot at their x." : ""
        return "\(accessibleTitle). \(seriesPart). \(x); \(y). \(caption).\(markers)"
    }

    /// An x value as words for the `<desc>`: a number, a duration or a UTC time.
    func xText(_ value: Double) -> String {
        switch xScale.format {
        case .number: return NumberText.compact(value)
        case .duration:
            let span = xScale.domain.upper - xScale.domain.lower
            return TimeTicks.durationLabel(value, step: TimeTicks.step(0, max(span, 1), count: 5) ?? 1)
        case .date: return TimeTicks.dateLabel(value, step: 1, first: true) + " UTC"
        }
    }

    /// The plot area as a rectangle (also the clip region).
    func plotRect(attributes: [Attribute]) -> Node {
        .el("rect", [attr("x", ChartText.coordinate(layout.plotLeft, digits: 2)), attr("y", ChartText.coordinate(layout.plotTop, digits: 2)),
                     attr("width", ChartText.coordinate(layout.plotWidth, digits: 2)),
                     attr("height", ChartText.coordinate(layout.plotHeight, digits: 2))] + attributes)
    }

    private func stableID() -> String {
        var id = StableID()
        id.add(options.title)
        for p in plotted { id.add(p.series.label); id.add(p.series.metric); id.add(Double(p.series.count)) }
        id.add(xScale.domain.lower); id.add(xScale.domain.upper); id.add(yScale.domain.lower); id.add(yScale.domain.upper)
        return id.id(prefix: "rs-clip-")
    }

    static func smoothingWeight(_ weight: Double) -> Double {
        weight.isFinite && weight > 0 ? min(weight, 0.999) : 0
    }
}
