/// Sizes and positions for a confusion heatmap, in SVG pixels.
///
/// Cells shrink as classes grow (56 px down to 6 px); column labels turn 45° when they would not
/// fit under their cell; cell text, margins and share lines appear only when there is room.
struct HeatmapLayout: Sendable {
    static let labelMax = 140.0

    var cell: Double
    var labelFont: Double
    var rotatesColumnLabels: Bool
    var rowLabelWidth: Double
    var titleBaseline: Double?
    var gridLeft: Double
    var gridTop: Double
    /// The recall column and precision row (0 when margins are hidden).
    var marginSize: Double
    var columnLabelsTop: Double
    var predictedTitleBaseline: Double
    var legendLeft: Double
    var legendHeight: Double
    var width: Double
    var height: Double
    var showsCellText: Bool
    var showsShareLine: Bool

    var gridSize: Double { cell * Double(count) }
    var count: Int

    init(labels: [String], title: String, showsShares: Bool) {
        count = labels.count
        let n = Double(max(count, 1))
        cell = min(max((480 / n).rounded(.down), 6), 56)
        let font = min(11, max(7, cell - 1))
        labelFont = font
        let widest = min(labels.map { ChartText.width($0, fontSize: font) }.max() ?? 0, HeatmapLayout.labelMax)
        rowLabelWidth = widest
        rotatesColumnLabels = count > 8 || widest > cell - 4
        showsCellText = cell >= 16
        showsShareLine = showsShares && cell >= 44
        marginSize = cell >= 24 && count >= 2 ? 48 : 0

        var top = 10.0
        if !title.isEmpty {
            titleBaseline = top + 14
            top += 26
        }
        // Room for the "recall" heading and the colour legend's title above the grid.
        top += 12
        gridTop = top
        gridLeft = 10 + 12 + 10 + widest + 8
        let gridBottom = gridTop + cell * Double(count) + (marginSize > 0 ? 20 : 0)
        columnLabelsTop = gridBottom + 6
        let labelsHeight = rotatesColumnLabels ? widest * 0.72 + labelFont : labelFont + 2
        predictedTitleBaseline = columnLabelsTop + labelsHeight + 8 + 12
        legendLeft = gridLeft + cell * Double(count) + (marginSize > 0 ? marginSize : 0) + 24
        legendHeight = min(max(cell * Double(count), 100), 200)
        width = legendLeft + 12 + 6 + 50 + 10
        height = max(predictedTitleBaseline + 10, gridTop + 16 + legendHeight + 20)
    }

    /// The left edge of column `j` and the top edge of row `i`.
    func x(_ j: Int) -> Double { gridLeft + cell * Double(j) }
    func y(_ i: Int) -> Double { gridTop + cell * Double(i) }
}
