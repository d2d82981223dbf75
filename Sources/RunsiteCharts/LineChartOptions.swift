/// How a `LineChart` is drawn.
public struct LineChartOptions: Sendable {
    /// Heading drawn above the plot and used as the SVG `<title>`; empty for none.
    public var title: String = ""
    /// The x axis title.
    public var xLabel: String = "step"
    /// The y axis title; empty for none.
    public var yLabel: String = ""
    /// Total SVG width in pixels, legend included.
    public var width: Double = 640
    /// Total SVG height in pixels; a long legend below the plot adds to it.
    public var height: Double = 320
    /// A base-10 log y axis; values ≤ 0 are left out and counted in the caption.
    public var logY: Bool = false
    /// How x tick labels are written: numbers, durations (seconds) or UTC times (Unix seconds).
    public var xFormat: AxisFormat = .number
    /// A base-10 log x axis; points with x ≤ 0 are left out and counted in the caption.
    public var logX: Bool = false
    /// TensorBoard's debiased EMA weight in `[0, 1)`; 0 turns smoothing off. The raw line stays
    /// faint behind the smoothed one.
    public var smoothing: Double = 0
    /// A centred running average over this many points (the window shrinks at the ends) instead of
    /// the EMA; values below 2 turn it off. When set, it takes the place of `smoothing`.
    public var smoothingWindow: Int = 0
    /// Scales the y axis to the 1st–99th percentile of the values (widened a little) instead of
    /// the full range; lines beyond it are clipped at the plot edge, and the caption says so.
    public var ignoreOutliers: Bool = false

    /// Whether series carry `data-points` for a script's value read-out; off for static figures.
    public var readout: Bool = true
    /// A sentence appended to the caption that says what the lines and bands of grouped series
    /// stand for (e.g. "each line is the mean of a group's runs; band ±1 standard deviation").
    public var seriesNote: String = ""
    /// The widest a legend label is drawn before it is cut in the middle (its full text then in a
    /// `<title>`); nil draws every label whole, widening the chart when a label needs it, as a
    /// standalone figure does.
    public var legendLabelMax: Double? = LineChartLayout.legendLabelMax

    /// Default options: 640 × 320, linear axes, no smoothing.
    /// The most line vertices one chart draws over all its series (about 12 bytes each in the SVG):
    /// with many series, each gets fewer, wider decimation columns. Keeps pages of 1,000-run
    /// projects small while a single series still gets one column per pixel.
    public var vertexBudget = 8_000

    public init() {}
}
