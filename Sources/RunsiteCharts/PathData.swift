/// SVG path data built point by point: `M10,20 11,22 12,19M30,5 31,6` (coordinates after a moveto
/// are implicit linetos, which keeps long lines compact). Coordinates have one decimal, a tenth of
/// a pixel, which is finer than any screen shows.
struct PathData {
    private(set) var text = ""
    private var needsMove = true

    /// Starts a new subpath at the next point.
    mutating func breakLine() { needsMove = true }

    /// Adds a point, starting a subpath if the line was broken.
    mutating func add(_ x: Double, _ y: Double) {
        if needsMove {
            text += "M"
            needsMove = false
        } else {
            text += " "
        }
        text += ChartText.coordinate(x) + "," + ChartText.coordinate(y)
    }

    /// Closes the current subpath (for filled bands).
    mutating func close() {
        text += "Z"
        needsMove = true
    }

    var isEmpty: Bool { text.isEmpty }
}
