/// A number written as `significand × 10^exponent` with an integer significand.
///
/// Tick values are built this way from integer indices, so their labels come from integer digits
/// and can never show binary floating-point noise such as `0.30000000000000004`.
///
///     DecimalNumber(3, exponent: -1).value == 0.3; .plainText(fractionDigits: 2) == "0.30"
struct DecimalNumber: Hashable, Sendable {
    var significand: Int
    var exponent: Int

    init(_ significand: Int, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
    }

    /// The nearest Double. Dividing by an exact power of ten (rather than multiplying by 0.1…)
    /// gives the correctly rounded value, the same as d3's `i / inverseStep`.
    var value: Double {
        if significand == 0 { return 0 }
        if exponent >= 0 { return Double(significand) * DecimalNumber.powerOfTen(exponent) }
        return Double(significand) / DecimalNumber.powerOfTen(-exponent)
    }

    /// 10^n for n ≥ 0; exact up to 10^22, which covers every tick step a chart uses.
    static func powerOfTen(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(n, 400) { result *= 10 }
        return result
    }

    /// The same number with trailing zeros of the significand moved into the exponent.
    var normalized: DecimalNumber {
        var s = significand, e = exponent
        if s == 0 { return DecimalNumber(0, exponent: 0) }
        while s % 10 == 0 { s /= 10; e += 1 }
        return DecimalNumber(s, exponent: e)
    }

    /// Plain positional text with exactly `fractionDigits` decimals (when the number has no more),
    /// a typographic minus sign, and never `-0`.
    func plainText(fractionDigits: Int = 0) -> String {
        let n = normalized
        if n.significand == 0 {
            return fractionDigits > 0 ? "0." + String(repeating: "0", count: fractionDigits) : "0"
        }
        var digits = String(n.significand.magnitude)
        var fraction = ""
        if n.exponent >= 0 {
            digits += String(repeating: "0", count: n.exponent)
        } else {
            let shift = -n.exponent
            if digits.count <= shift { digits = String(repeating: "0", count: shift - digits.count + 1) + digits }
            fraction = String(digits.suffix(shift))
            digits = String(digits.dropLast(shift))
        }
        if fraction.count < fractionDigits { fraction += String(repeating: "0", count: fractionDigits - fraction.count) }
        let body = fraction.isEmpty ? digits : digits + "." + fraction
        return n.significand < 0 ? "\u{2212}" + body : body
    }

    /// Scientific text such as `2.5e−5`: the mantissa keeps only the digits the number has.
    func scientificText() -> String {
        let n = normalized
        if n.significand == 0 { return "0" }
        let digits = String(n.significand.magnitude)
        let power = n.exponent + digits.count - 1
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let sign = n.significand < 0 ? "\u{2212}" : ""
        let powerText = power < 0 ? "\u{2212}" + String(-power) : String(power)
        return sign + mantissa + "e" + powerText
    }

    /// SI text such as `200k` or `1.5M`, each number with its own prefix (as d3's `~s`);
    /// falls back to scientific text beyond the prefixes runsite uses (k to E).
    func siText() -> String {
        let n = normalized
        if n.significand == 0 { return "0" }
        let magnitude = n.exponent + String(n.significand.magnitude).count - 1
        if magnitude < 3 { return n.plainText() }
        let group = min(magnitude / 3, DecimalNumber.siPrefixes.count)
        if magnitude / 3 > DecimalNumber.siPrefixes.count { return n.scientificText() }
        let scaled = DecimalNumber(n.significand, exponent: n.exponent - 3 * group)
        return scaled.plainText() + DecimalNumber.siPrefixes[group - 1]
    }

    private static let siPrefixes = ["k", "M", "G", "T", "P", "E"]
}

extension DecimalNumber {
    /// A short text for settings such as a smoothing weight: up to 4 decimals, trailing zeros dropped.
    static func roughText(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "\(value)" }
        return DecimalNumber(Int(scaled), exponent: -4).plainText()
    }
}
