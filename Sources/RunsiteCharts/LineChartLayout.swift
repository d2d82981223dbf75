/// Where everything of a line chart goes, in SVG pixels.
///
/// The plot keeps the requested size minus margins that are measured from the content: the left
/// margin fits the widest y tick label, the legend sits beside the plot when its rows fit the plot's
/// height, and otherwise below it in columns (the SVG grows taller), so a legend never covers data.
struct LineChartLayout: Sendable {
    static let tickFont = 11.0
    static let axisTitleFont = 12.0
    static let titleFont = 14.0
    static let legendFont = 11.0
    static let legendRow = 16.0
    static let legendSwatch = 20.0
    static let tickLength = 5.0
    /// Legend labels longer than this are cut in the middle with an ellipsis; the full text stays
    /// in a `<title>`.
    public static let legendLabelMax = 150.0

    var width: Double
    var height: Double
    var plotLeft = 0.0, plotTop = 0.0, plotWidth = 0.0, plotHeight = 0.0
    /// The baseline of the chart title, when there is one.
    var titleBaseline: Double?
    /// The centre line of the strip above the plot where NaN/±Inf markers sit.
    var markerStripY: Double?
    var legend = LegendLayout()

    var plotRight: Double { plotLeft + plotWidth }
    var plotBottom: Double { plotTop + plotHeight }

    /// The vertical layout, which does not depend on tick labels (they only affect the left margin).
    init(options: LineChartOptions, hasMarkers: Bool) {
        width = max(options.width, 120)
        height = max(options.height, 100)
        var top = 10.0
        if !options.title.isEmpty {
            titleBaseline = top + LineChartLayout.titleFont
            top += LineChartLayout.titleFont + 10
        }
        if hasMarkers {
            markerStripY = top + 5
            top += 14
        }
        plotTop = top
        var bottom = LineChartLayout.tickLength + 4 + LineChartLayout.tickFont + 8
        if !options.xLabel.isEmpty { bottom += LineChartLayout.axisTitleFont + 6 }
        plotHeight = max(height - top - bottom, 40)
    }

    /// Fixes the horizontal layout once the y tick labels and legend entries are known.
    /// Legend labels are at most `labelMax` wide (cut in the middle); with nil, a label wider than
    /// the chart widens it.
    mutating func place(yTickLabels: [String], yTitle: Bool, legendLabels: [String], labelMax: Double? = LineChartLayout.legendLabelMax) {
        let widest = yTickLabels.map { ChartText.width($0, fontSize: LineChartLayout.tickFont) }.max() ?? 0
        plotLeft = 10 + (yTitle ? LineChartLayout.axisTitleFont + 8 : 0) + widest + LineChartLayout.tickLength + 4
        let labelWidth = min(legendLabels.map { ChartText.width($0, fontSize: LineChartLayout.legendFont) }.max() ?? 0,
                             labelMax ?? .infinity)
        let entryWidth = LineChartLayout.legendSwatch + 6 + labelWidth
        let rowsBeside = Int(plotHeight / LineChartLayout.legendRow)
        legend.labelMaxWidth = labelWidth
        legend.columnWidth = entryWidth + 16
        if legendLabels.isEmpty {
            plotWidth = width - plotLeft - 16
        } else if legendLabels.count <= rowsBeside && entryWidth < width * 0.4 {
            legend.columns = 1
            legend.rows = legendLabels.count
            plotWidth = width - plotLeft - entryWidth - 32
            legend.x = plotLeft + plotWidth + 20
            legend.y = plotTop
        } else {
            // One column wider than the chart (whole labels only): the chart widens to hold it.
            width = max(width, legend.columnWidth + 20)
            plotWidth = width - plotLeft - 16
            legend.columns = max(1, Int((width - 20) / legend.columnWidth))
            legend.rows = (legendLabels.count + legend.columns - 1) / legend.columns
            legend.x = 10
            legend.y = height + 2
            height += Double(legend.rows) * LineChartLayout.legendRow + 8
        }
        plotWidth = max(plotWidth, 60)
    }
}
