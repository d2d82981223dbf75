/// UTF-8 text built in a byte array, for the big outputs of a build (chart CSVs, SVG path data).
///
/// Written by hand because those outputs append millions of short pieces: appending bytes to a
/// reserved `[UInt8]` costs a fraction of `String` concatenation, which checks and grows its
/// storage and makes a temporary for every `a + "," + b`. Numbers follow `NumberText` exactly.
///
///     var out = ByteText(capacity: 64)
///     out.append("step,"); out.append(42); out.append(ascii: UInt8(ascii: ",")); out.appendExact(0.5)
///     out.string   // "step,42,0.5"
public struct ByteText: TextOutputStream {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inlinable public var isEmpty: Bool { bytes.isEmpty }
    @inlinable public var count: Int { bytes.count }

    /// The text as a `String` (one copy; ASCII needs no repair).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func reserveCapacity(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    @inlinable public mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    @inlinable public mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
    @inlinable public mutating func append(ascii byte: UInt8) { bytes.append(byte) }
    @inlinable public mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    /// `TextOutputStream`, so that `Double.write(to:)` writes its shortest digits straight in.
    @inlinable public mutating func write(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// `TextOutputStream`'s hook for ASCII text (`Double.write(to:)` uses it for its digits):
    /// without it the stream's default makes a `String` of every number first, which would be most
    /// of the cost of a chart CSV.
    @inlinable public mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    /// An integer in decimal, as `String(value)` writes it.
    public mutating func append(_ value: Int) { append(Int64(value)) }

    public mutating func append(_ value: Int64) {
        if value < 0 { bytes.append(45) }
        appendDigits(value.magnitude)
    }

    private mutating func appendDigits(_ value: UInt64) {
        var v = value
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var start = 20
            repeat { start -= 1; buffer[start] = UInt8(48 + v % 10); v /= 10 } while v > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }

    /// The same text as `NumberText.exact(value)`, without a temporary `String`.
    public mutating func appendExact(_ value: Double) {
        if value.isNaN { append("NaN"); return }
        if value.isInfinite { append(value > 0 ? "Infinity" : "-Infinity"); return }
        if value == 0 { bytes.append(48); return }
        if value == value.rounded(), abs(value) < 1e15 { append(Int64(value)); return }
        value.write(to: &self)
    }

    /// The same text as `NumberText.fixed(value, digits:)`: rounded half away from zero to `digits`
    /// decimals, trailing zeros dropped, never `-0`. Truncation and a comparison do the rounding
    /// (exact, since `raw - units` is the fractional part of `raw`) instead of a call to libm's
    /// `round`, and the digits go into one small buffer appended at once.
    public mutating func appendFixed(_ value: Double, digits: Int = 2) {
        guard value.isFinite else { bytes.append(48); return }
        let digits = max(0, min(digits, 9))
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let raw = value * Double(scale)
        guard abs(raw) < 9e17 else { append(NumberText.fixed(value, digits: digits)); return }
        var units = Int64(raw)
        let rest = raw - Double(units)
        if rest >= 0.5 { units += 1 } else if rest <= -0.5 { units -= 1 }
        if units == 0 { bytes.append(48); return }
        let negative = units < 0
        let magnitude = UInt64(units.magnitude)
        var fraction = magnitude % UInt64(scale)
        var whole = magnitude / UInt64(scale)
        var digitsLeft = digits
        // Drop trailing zeros of the fraction.
        while digitsLeft > 0 && fraction % 10 == 0 { fraction /= 10; digitsLeft -= 1 }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var start = 32
            if digitsLeft > 0 {
                for _ in 0..<digitsLeft { start -= 1; buffer[start] = UInt8(48 + fraction % 10); fraction /= 10 }
                start -= 1; buffer[start] = 46
            }
            repeat { start -= 1; buffer[start] = UInt8(48 + whole % 10); whole /= 10 } while whole > 0
            if negative { start -= 1; buffer[start] = 45 }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<32]))
        }
    }
}
