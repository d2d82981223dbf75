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

    /// Adds a point, starting a subpath if the line was broken. A vertex is written into a small
    /// buffer and appended at once: charts add millions of them.
    mutating func add(_ x: Double, _ y: Double) {
        let tx = Self.tenths(x), ty = Self.tenths(y)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var n = 0
            if needsMove {
                buffer[n] = UInt8(ascii: "M"); n += 1
                n = Self.write(tx, compact: false, into: buffer, at: n)
                buffer[n] = UInt8(ascii: ","); n += 1
                n = Self.write(ty, compact: false, into: buffer, at: n)
                needsMove = false
                sinceMove = 0
            } else {
                let dx = tx - self.x, dy = ty - self.y
                if sinceMove == 0 {
                    buffer[n] = UInt8(ascii: "l"); n += 1
                } else if dx >= 0 {
                    buffer[n] = UInt8(ascii: " "); n += 1
                }
                n = Self.write(dx, compact: true, into: buffer, at: n)
                if dy >= 0 { buffer[n] = UInt8(ascii: ","); n += 1 }
                n = Self.write(dy, compact: true, into: buffer, at: n)
                sinceMove += 1
            }
            bytes.append(UnsafeBufferPointer(rebasing: buffer[0..<n]))
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
        let units = Int64(raw)
        let rest = raw - Double(units)
        // Without branches: which way a vertex rounds is a coin toss the processor cannot predict.
        let up: Int64 = rest >= 0.5 ? 1 : 0, down: Int64 = rest <= -0.5 ? 1 : 0
        return units &+ up &- down
    }

    /// Tenths as a decimal at `start`, returning the end: `12.5`, `-3`, and with `compact` no zero
    /// before the point (`.5`, `-.5`). Coordinates are clamped to ±10⁷ tenths, so a coordinate or a
    /// difference of two is at most 10 bytes.
    private static func write(_ value: Int64, compact: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var n = start
        if value == 0 { buffer[n] = UInt8(ascii: "0"); return n + 1 }
        if value < 0 { buffer[n] = UInt8(ascii: "-"); n += 1 }
        let magnitude = value.magnitude
        var whole = magnitude / 10
        let fraction = magnitude % 10
        if whole > 0 || !compact {
            var digits = 1, rest = whole / 10
            while rest > 0 { digits += 1; rest /= 10 }
            var at = n + digits
            n = at
            repeat { at -= 1; buffer[at] = UInt8(48 + whole % 10); whole /= 10 } while whole > 0
        }
        if fraction > 0 {
            buffer[n] = UInt8(ascii: "."); buffer[n + 1] = UInt8(48 + fraction)
            n += 2
        }
        return n
    }
}
