/// The legend's grid: entries fill each column top to bottom, then the next column.
struct LegendLayout: Sendable {
    var x = 0.0
    var y = 0.0
    var columns = 1
    var rows = 0
    var columnWidth = 0.0
    var labelMaxWidth = 0.0

    /// The top-left corner of entry `index`.
    func origin(of index: Int) -> (x: Double, y: Double) {
        let column = rows > 0 ? index / rows : 0
        let row = rows > 0 ? index % rows : 0
        return (x + Double(column) * columnWidth, y + Double(row) * LineChartLayout.legendRow)
    }
}
