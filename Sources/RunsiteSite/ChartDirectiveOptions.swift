import RunsiteCharts
import RunsiteTemplates

/// The `{chart}`/`{charts}` options about axes, smoothing and the standalone figure, read in one place.
enum ChartDirectiveOptions {
    static func flag(_ directive: Directive, _ name: String) -> Bool { OptionChecker.flag(directive, name) }

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
        switch directive.option("smoothing-kind")?.lowercased() {
        case "window":
            let window = directive.option("smoothing").flatMap { Double($0) } ?? 5
            options.smoothingWindow = window >= 2 && window.isFinite ? Int(min(window, 1_000_000)) : 5
            options.smoothing = 0
        default:
            if let raw = directive.option("smoothing"), !(Double(raw).map { (0..<1).contains($0) } ?? false) {
                context.warn(.badSmoothing(raw), at: directive.location)
            }
        }
    }

    /// `:figure-width: column|page` for the standalone SVG; column by default.
    static func figureWidth(_ directive: Directive, _ context: PageContext) -> FigureWidth {
        requestedFigureWidth(directive, context) ?? .column
    }

    /// `:figure-width:` when given and known, else nil.
    static func requestedFigureWidth(_ directive: Directive, _ context: PageContext) -> FigureWidth? {
        directive.option("figure-width").flatMap { FigureWidth(rawValue: $0.lowercased()) }
    }

    /// The `:x:` axis; step when absent or unknown (which `OptionChecker` warns about).
    static func xAxis(_ directive: Directive, _ context: PageContext) -> ChartsBridge.XAxis {
        directive.option("x").flatMap { ChartsBridge.XAxis(rawValue: $0.lowercased()) } ?? .step
    }
}
