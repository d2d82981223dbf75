/// One line of a line chart: plain numbers and labels, nothing about where they came from.
///
///     ChartSeries(label: "run-1", metric: "loss", colorIndex: 0, xs: [0, 1, 2], ys: [0.9, 0.5, .nan])
public struct ChartSeries: Sendable {
    /// Legend text, such as a run name; any characters are fine (the serializer escapes them).
    public var label: String
    /// The run's page, relative to the chart's page: the page's table filter hides the series
    /// of the runs it leaves out (`assets/runsite.js`). Never written into standalone figures.
    public var link: String?
    /// The metric name, used in the series' `<title>` tooltip.
    public var metric: String
    /// Index into `Palette`; keep it stable per run across a site so a run keeps its colour.
    public var colorIndex: Int
    /// Dash pattern index; 0 is solid. Use 1 for a second metric of the same run in one chart.
    public var dashIndex: Int
    /// The x values (steps, usually ascending).
    public var xs: [Double]
    /// The y values; NaN and ±Infinity are shown as markers and break the line.
    public var ys: [Double]
    /// The wall-clock time of each point (Unix seconds, NaN where none was logged), when the x
    /// values are something else (steps): the page's x-axis switch then offers relative and wall
    /// time. Nil when the logger wrote no times.
    public var times: [Double]?
    /// How many points were logged, when the series was thinned before it reached the chart
    /// (`xs`/`ys` then hold fewer); the caption counts against this number. Nil: `xs` is everything.
    public var loggedCount: Int?
    /// How many logged values were NaN or ±Infinity, when the series was thinned.
    public var loggedNonFinite: Int?
    /// A band drawn behind the line, such as mean ± standard deviation of a group of runs:
    /// `bandLow[i]…bandHigh[i]` at `xs[i]`; points where either bound is not finite are skipped.
    public var bandLow: [Double]?
    /// Whether `ys` are computed (such as a group's mean) rather than logged: the read-out then
    /// shows 6 significant digits instead of every digit of the Double.
    public var valuesAreDerived = false
    public var bandHigh: [Double]?

    /// Creates a series; when `xs` and `ys` differ in length the extra values are ignored.
    public init(label: String, metric: String, colorIndex: Int, dashIndex: Int = 0, xs: [Double], ys: [Double]) {
        self.label = label
        self.metric = metric
        self.colorIndex = colorIndex
        self.dashIndex = dashIndex
        self.xs = xs
        self.ys = ys
    }

    /// The number of (x, y) pairs.
    var count: Int { min(xs.count, ys.count) }

    /// Points logged: `loggedCount` when known (never less than the points given), else `count`.
    var loggedTotal: Int { max(loggedCount ?? count, count) }

    /// Whether the chart received fewer points than were logged.
    public var isThinned: Bool { loggedTotal > count }
}
