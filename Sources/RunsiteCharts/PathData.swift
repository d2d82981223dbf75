import RunsiteCore

/// SVG path data built point by point: `M10,20 11,22 12,19M30,5 31,6` (coordinates after a moveto
/// are implicit linetos, which keeps long lines compact). Coordinates have one decimal, a tenth of
/// a pixel, which is finer than any screen shows.
///
/// Built as bytes because paths are most of a chart's text (a run page formats tens of thousands
/// of coordinates); the numbers are `ChartText.coordinate`'s, written without temporary strings.
struct PathData {
    private var bytes = ByteText(capacity: 256)
    private var needsMove = true

    /// The path data, for the `d` attribute.
    var text: String { bytes.string }

    /// Starts a new subpath at the next point.
    mutating func breakLine() { needsMove = true }

    /// Adds a point, starting a subpath if the line was broken.
    mutating func add(_ x: Double, _ y: Double) {
        if needsMove {
            bytes.append(ascii: UInt8(ascii: "M"))
            needsMove = false
        } else {
            bytes.append(ascii: UInt8(ascii: " "))
        }
        // The clamp of `ChartText.coordinate`: far-off points are pulled in to a million pixels.
        bytes.appendFixed(min(max(x, -1e6), 1e6), digits: 1)
        bytes.append(ascii: UInt8(ascii: ","))
        bytes.appendFixed(min(max(y, -1e6), 1e6), digits: 1)
    }

    /// Closes the current subpath (for filled bands).
    mutating func close() {
        bytes.append(ascii: UInt8(ascii: "Z"))
        needsMove = true
    }

    var isEmpty: Bool { bytes.isEmpty }
}
