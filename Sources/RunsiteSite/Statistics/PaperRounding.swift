import Foundation
import RunsiteCore

/// Numbers as papers print them: the uncertainty (the `±` term, or an interval's width) to 2
/// significant digits and every number to the same decimal place (`0.8379 ± 0.0053`,
/// `84.2 [83.1, 85.0]`).
enum PaperRounding {
    /// The text of a group's summary; a single value is shown as it is.
    static func text(_ summary: SeedStatistic.Summary) -> String {
        guard let spread = summary.spread else { return Formatting.cell(summary.center) }
        switch spread {
        case .plusMinus(let u):
            let places = decimals(for: u)
            return fixed(summary.center, places) + " ± " + fixed(u, places)
        case .interval(let low, let high):
            // The interval's width sets the precision, as papers print `84.2 [83.1, 85.0]`.
            let places = decimals(for: high - low)
            return fixed(summary.center, places) + " [" + fixed(low, places) + ", " + fixed(high, places) + "]"
        }
    }

    /// Decimal places that show `u` with 2 significant digits (at most 12; never negative).
    static func decimals(for u: Double) -> Int {
        guard u.isFinite, u > 0 else { return 6 }
        return max(0, min(12, 1 - Int(log10(u).rounded(.down))))
    }

    static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return NumberText.exact(value) }
        let text = String(format: "%.\(places)f", value)
        return text == "-0" || text.hasPrefix("-0.") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
