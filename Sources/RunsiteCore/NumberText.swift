import Foundation

/// Deterministic number text shared by JSON, HTML and SVG output.
public enum NumberText {
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
    public static func fixed(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(Int64(abs(rounded)))
        var fraction = Int64((abs(rounded) * scale).rounded()) % Int64(scale)
        var frac = ""
        for _ in 0..<digits { frac = String(fraction % 10) + frac; fraction /= 10 }
        while frac.hasSuffix("0") { frac.removeLast() }
        text += frac.isEmpty ? "" : "." + frac
        return rounded < 0 ? "-" + text : text
    }

    /// A compact human label with about `significant` digits: `0.3142`, `1.2e+06`, `12,345` is not used.
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        if !value.isFinite { return exact(value) }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 {
            return trimExponent(String(format: "%.\(max(0, significant - 1))e", value))
        }
        let text = String(format: "%.\(significant)g", value)
        return text
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
