import Foundation
import RunsiteCore

/// The change between two logged values, computed on their shortest decimal texts (as runs.json
/// writes them) rather than in binary: 0.91 − 0.9 is 0.01, not 0.010000000000000009. So a
/// `--fail-if` threshold compares against the difference a reader of the two numbers would compute.
public enum ExactDifference {
    /// `new − old` in decimal; nil when either is not finite or is beyond `Decimal`'s range.
    public static func of(_ new: Double, _ old: Double) -> Decimal? {
        guard let a = decimal(new), let b = decimal(old) else { return nil }
        let d = a - b
        return d.isNaN ? nil : d
    }

    /// The decimal of a finite Double's shortest text.
    static func decimal(_ value: Double) -> Decimal? {
        guard value.isFinite, let d = Decimal(string: NumberText.exact(value), locale: Locale(identifier: "en_US_POSIX")), !d.isNaN else { return nil }
        return d
    }

    /// A signed text: `+0.01`, `-0.5`, `0`.
    public static func signed(_ d: Decimal) -> String {
        let text = NSDecimalNumber(decimal: d).description(withLocale: Locale(identifier: "en_US_POSIX"))
        return d > 0 ? "+" + text : text
    }

    /// The difference as text: exact when it can be, else the binary difference's shortest text.
    static func text(_ new: Double, _ old: Double) -> String {
        if let d = of(new, old) { return signed(d) }
        let d = new - old
        return (d > 0 ? "+" : "") + NumberText.exact(d)
    }
}
