import RunsiteCore

/// How an experiment table shows the numbers of one metric column: every cell with the same
/// number of decimals, so that the column lines up, chosen to give its largest value about four
/// significant digits and no more decimals than any value needs at four significant digits (so
/// float32 noise such as `0.009999999776482582` shows as `0.01`). The exact value stays in the
/// cell's `title` and in every export.
struct ColumnPrecision: Hashable {
    /// Decimals for every cell; nil when the values are too large or too small for fixed decimals,
    /// and each cell shows four significant digits in exponent form.
    var decimals: Int?

    static let significant = 4

    init(_ values: [Double]) {
        var largest = 0.0
        for value in values where value.isFinite { largest = max(largest, abs(value)) }
        guard largest > 0 else { decimals = 0; return }
        guard largest < 1e9, largest >= 1e-4 else { decimals = nil; return }
        let cap = max(0, Self.significant - 1 - Self.exponent(largest))
        // Values too small to show at `cap` decimals are shown on their own and need none.
        var smallest = 1.0
        for _ in 0..<cap { smallest /= 10 }
        var needed = 0
        for value in values where value.isFinite && abs(value) >= smallest {
            needed = max(needed, Self.decimalsNeeded(value))
            if needed >= cap { break }
        }
        decimals = min(cap, needed)
    }

    /// The decimal exponent of `value` rounded to four significant digits (`9.9996` → 1).
    private static func exponent(_ value: Double) -> Int {
        let text = CFormat.string("%.3e", value)
        return text.split(separator: "e").last.flatMap { Int($0) } ?? 0
    }

    /// The decimals `value` needs at four significant digits, trailing zeros dropped.
    private static func decimalsNeeded(_ value: Double) -> Int {
        let text = CFormat.string("%.3e", abs(value))
        let parts = text.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return 0 }
        let digits = parts[0].filter { $0 != "." }.reversed().drop(while: { $0 == "0" }).count
        return max(0, digits - 1 - exponent)
    }

    /// The cell text of `value`: non-finite values as `NaN`, `Infinity`, `-Infinity`, and a value
    /// too small to show at the column's decimals with four significant digits of its own.
    func text(_ value: Double) -> String {
        guard value.isFinite else { return NumberText.exact(value) }
        guard let decimals else { return NumberText.compact(value, significant: Self.significant) }
        if value == 0 { return "0" }
        let text = CFormat.string("%.\(decimals)f", value)
        if text.allSatisfy({ $0 == "0" || $0 == "." || $0 == "-" }) {
            return NumberText.compact(value, significant: Self.significant)
        }
        return text
    }
}
