import RunsiteCharts
import RunsiteTemplates

/// The `{chart}`/`{charts}` options about axes, smoothing and the standalone figure, read in one place.
enum ChartDirectiveOptions {
    /// Options added to the chart directives' own set.
    static let names: Set<String> = Set(["log-x", "ignore-outliers", "smoothing-kind", "figure-width"]).union(ChartGroups.options)

    static func flag(_ directive: Directive, _ name: String) -> Bool {
        ["true", "yes", "1", "on"].contains(directive.option(name)?.lowercased() ?? "")
    }

    /// Applies the x axis's label format, `:log-x:`, `:log-y:`, `:ignore-outliers:` and `:smoothing-kind: ema|window` (with `:smoothing:`
    /// then the window in points, default 5) to `options`; bad values are warned about.
    static func apply(_ directive: Directive, _ context: PageContext, x: ChartsBridge.XAxis, to options: inout LineChartOptions) {
        switch x {
        case .step, .epoch: break
        case .time: options.xFormat = .duration; options.xLabel = "time since start"
        case .wallTime: options.xFormat = .date; options.xLabel = "time (UTC)"
        }
        options.logX = flag(directive, "log-x")
        options.logY = flag(directive, "log-y")
        options.ignoreOutliers = flag(directive, "ignore-outliers")
        checkFlags(directive, context)
        switch directive.option("smoothing-kind")?.lowercased() {
        case nil, "ema":
            if let raw = directive.option("smoothing"), !(Double(raw).map { (0..<1).contains($0) } ?? false) {
                context.warn("directive.chart.bad-smoothing",
                             "smoothing weight must be a number from 0 up to (not including) 1; got '\(raw)', so the site default is used",
                             at: directive.location)
            }
        case "window":
            let window = directive.option("smoothing").flatMap { Double($0) } ?? 5
            options.smoothingWindow = window >= 2 && window.isFinite ? Int(min(window, 1_000_000)) : 5
            options.smoothing = 0
        case let other?:
            context.warn("directive.chart.bad-smoothing-kind", "unknown smoothing kind '\(other)'; expected 'ema' or 'window'",
                         at: directive.location)
        }
    }

    /// Yes/no options (`:log-y:`, `:log-x:`, `:ignore-outliers:`) with a value that is neither: a
    /// warning, since the chart would silently ignore it.
    static func checkFlags(_ directive: Directive, _ context: PageContext) {
        let words: Set<String> = ["true", "false", "yes", "no", "1", "0", "on", "off"]
        for name in ["log-y", "log-x", "ignore-outliers"] {
            guard let value = directive.option(name), !words.contains(value.lowercased()) else { continue }
            context.warn("directive.chart.bad-flag", "':\(name):' takes true or false; got '\(value)', read as false", at: directive.location)
        }
    }

    /// `:figure-width: column|page` for the standalone SVG; column by default.
    static func figureWidth(_ directive: Directive, _ context: PageContext) -> FigureWidth {
        requestedFigureWidth(directive, context) ?? .column
    }

    /// `:figure-width:` when given (and valid), else nil.
    static func requestedFigureWidth(_ directive: Directive, _ context: PageContext) -> FigureWidth? {
        guard let raw = directive.option("figure-width") else { return nil }
        if let width = FigureWidth(rawValue: raw.lowercased()) { return width }
        context.warn("directive.chart.bad-figure-width", "unknown figure width '\(raw)'; expected 'column' or 'page'",
                     at: directive.location)
        return nil
    }

    /// The `:x:` axis, warning about unknown values.
    static func xAxis(_ directive: Directive, _ context: PageContext) -> ChartsBridge.XAxis {
        guard let raw = directive.option("x") else { return .step }
        if let x = ChartsBridge.XAxis(rawValue: raw.lowercased()) { return x }
        context.warn("directive.chart.bad-x", "unknown x axis '\(raw)'; expected 'step', 'epoch', 'relative-time' or 'wall-time'",
                     at: directive.location)
        return .step
    }
}
