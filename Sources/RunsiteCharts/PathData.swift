import RunsiteCore

/// SVG path data built point by point: each subpath starts with an absolute moveto, then relative
/// linetos, `M120.5,40l.6-2.3.5,1.2 3,0M30,5l1,1`. Coordinates are rounded to a tenth of a pixel
/// (finer than any screen shows) before the differences are taken, so every vertex lands exactly
/// where absolute coordinates would put it, and no rounding error adds up along a line.
///
/// Relative, because a line's neighbouring vertices are a pixel or less apart: "l.6-2.3" instead of
/// "121.1,37.7", about a third less text in the paths that are most of a chart (a run page draws
/// tens of thousands of vertices, a large site millions). Built as bytes, without temporary strings.
struct PathData {
    private var bytes = ByteText(capacity: 256)
    private var needsMove = true
    /// Points written since the last moveto (the first relative one gets the `l`).
    private var sinceMove = 0
    /// The current point in tenths of a pixel.
    private var x: Int64 = 0, y: Int64 = 0

    /// The path data, for the `d` attribute.
    var text: String { bytes.string }

    /// Starts a new subpath at the next point.
    mutating func breakLine() { needsMove = true }

    /// Adds a point, starting a subpath if the line was broken.
    mutating func add(_ x: Double, _ y: Double) {
        let tx = Self.tenths(x), ty = Self.tenths(y)
        if needsMove {
            bytes.append(ascii: UInt8(ascii: "M"))
            appendTenths(tx, compact: false)
            bytes.append(ascii: UInt8(ascii: ","))
            appendTenths(ty, compact: false)
            needsMove = false
            sinceMove = 0
        } else {
            let dx = tx - self.x, dy = ty - self.y
            if sinceMove == 0 {
                bytes.append(ascii: UInt8(ascii: "l"))
            } else if dx >= 0 {
                bytes.append(ascii: UInt8(ascii: " "))
            }
            appendTenths(dx, compact: true)
            if dy >= 0 { bytes.append(ascii: UInt8(ascii: ",")) }
            appendTenths(dy, compact: true)
            sinceMove += 1
        }
        self.x = tx
        self.y = ty
    }

    /// Closes the current subpath (for filled bands).
    mutating func close() {
        bytes.append(ascii: UInt8(ascii: "Z"))
        needsMove = true
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// A coordinate in tenths, rounded half away from zero, clamped to a million pixels (as
    /// `ChartText.coordinate` does for far-off points).
    static func tenths(_ value: Double) -> Int64 {
        guard value.isFinite else { return 0 }
        let raw = min(max(value, -1e6), 1e6) * 10
        var units = Int64(raw)
        let rest = raw - Double(units)
        if rest >= 0.5 { units += 1 } else if rest <= -0.5 { units -= 1 }
        return units
    }

    /// Tenths as a decimal: `12.5`, `-3`, and with `compact` no zero before the point (`.5`, `-.5`).
    private mutating func appendTenths(_ value: Int64, compact: Bool) {
        if value == 0 { bytes.append(ascii: UInt8(ascii: "0")); return }
        if value < 0 { bytes.append(ascii: UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        if whole > 0 || !compact { bytes.append(Int64(whole)) }
        if fraction > 0 {
            bytes.append(ascii: UInt8(ascii: "."))
            bytes.append(ascii: UInt8(48 + fraction))
        }
    }
}
