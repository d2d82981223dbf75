import Foundation

/// Deterministic number text shared by JSON, HTML and SVG output.
public enum NumberText {
    /// An integer with thousands separators: `1280000` → `1,280,000`. Locale-free on purpose, so
    /// output is the same on every machine.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// The shortest text that reads back as the same Double (Swift's `description`), with
    /// integral values written without `.0`, `-0` as `0`, and non-finite values as `NaN`, `Infinity`, `-Infinity`.
    ///
    ///     exact(0.1) == "0.1"; exact(3.0) == "3"; exact(1e-7) == "1e-07"
    public static func exact(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A value rounded to `digits` decimals for SVG coordinates; never `-0`, no trailing zeros.
    ///
    /// Written with integer arithmetic into a small byte buffer because charts format hundreds of
    /// thousands of coordinates per site; the text is the same as rounding half away from zero.
    public static func fixed(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale: Int64 = 1
        for _ in 0..<max(0, min(digits, 9)) { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        guard abs(scaled) < 9e17 else { return String(format: "%.0f", value) }
        var units = Int64(scaled)
        if units == 0 { return "0" }
        let negative = units < 0
        units = abs(units)
        var whole = units / scale
        var fraction = units % scale
        var digitsLeft = max(0, min(digits, 9))
        // Drop trailing zeros of the fraction.
        while digitsLeft > 0 && fraction % 10 == 0 { fraction /= 10; digitsLeft -= 1 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var end = 40
            func put(_ byte: UInt8) { end -= 1; buffer[end] = byte }
            if digitsLeft > 0 {
                for _ in 0..<digitsLeft { put(UInt8(48 + fraction % 10)); fraction /= 10 }
                put(46)
            }
            repeat { put(UInt8(48 + whole % 10)); whole /= 10 } while whole > 0
            if negative { put(45) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[end..<40]), as: UTF8.self)
        }
    }

    /// A compact human label with about `significant` digits: `0.3142`, `1.2e+06`, `12,345` is not used.
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        if !value.isFinite { return exact(value) }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 {
            return trimExponent(CFormat.string("%.\(max(0, significant - 1))e", value))
        }
        return CFormat.string("%.\(significant)g", value)
    }

    private static func trimExponent(_ text: String) -> String {
        // "1.230e+06" -> "1.23e6"
        guard let e = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        let negative = exponent.hasPrefix("-")
        exponent = String(exponent.drop(while: { $0 == "+" || $0 == "-" || $0 == "0" }))
        if exponent.isEmpty { exponent = "0" }
        return mantissa + "e" + (negative ? "-" : "") + exponent
    }
}
