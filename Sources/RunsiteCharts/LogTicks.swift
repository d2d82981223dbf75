import Foundation

/// Ticks for a base-10 log axis: powers of ten over wide domains, 1-2-5 or 1…9 multiples over
/// narrow ones, and nice linear ticks when a domain is too narrow for any of those.
///
///     LogTicks.labeled(0.001, 10, count: 5).map(\.label) == ["0.001", "0.01", "0.1", "1", "10"]
public enum LogTicks {
    /// Labeled ticks inside `[lower, upper]`; `[]` unless `0 < lower < upper` are finite.
    public static func labeled(_ lower: Double, _ upper: Double, count: Int) -> [Tick] {
        guard lower > 0, lower < upper, upper.isFinite, count > 0 else { return [] }
        let lowPower = Int(ceil(log10(lower))), highPower = Int(floor(log10(upper)))
        let powers = highPower - lowPower + 1
        // Powers of ten label compactly, so up to twice the requested count still reads well.
        if powers > count * 2 {
            // Too many decades to label each: keep every n-th power, aligned to multiples of n.
            let every = (powers + 2 * count - 1) / (2 * count)
            return labeled((lowPower...highPower).filter { $0 % every == 0 }.map { DecimalNumber(1, exponent: $0) })
        }
        if powers >= 4 {
            return labeled((lowPower...highPower).map { DecimalNumber(1, exponent: $0) })
        }
        for multiples in [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
            let numbers = multiplesInside(lower, upper, multiples: multiples)
            if numbers.count >= 3 && numbers.count <= count * 2 {
                return labeled(numbers)
            }
        }
        // Less than a decade with few round multiples inside: ordinary nice ticks read best.
        return Ticks.labeled(lower, upper, count: count)
    }

    private static func labeled(_ numbers: [DecimalNumber]) -> [Tick] {
        zip(numbers, TickFormat.logLabels(numbers)).map { Tick(value: $0.value, label: $1) }
    }

    /// The domain widened to round values: whole powers of ten when it spans two decades or more,
    /// otherwise the nearest `m × 10^k` (m = 1…9) outside it, so narrow log charts stay readable.
    public static func niceDomain(_ lower: Double, _ upper: Double) -> (lower: Double, upper: Double) {
        guard lower > 0, lower < upper, upper.isFinite else { return (lower, upper) }
        if log10(upper) - log10(lower) >= 2 {
            return (DecimalNumber(1, exponent: Int(floor(log10(lower)))).value,
                    DecimalNumber(1, exponent: Int(ceil(log10(upper)))).value)
        }
        return (roundDown(lower).value, roundUp(upper).value)
    }

    /// All `m × 10^k` with `m` in `multiples` that lie inside the domain, ascending.
    static func multiplesInside(_ lower: Double, _ upper: Double, multiples: [Int]) -> [DecimalNumber] {
        var numbers: [DecimalNumber] = []
        let low = Int(floor(log10(lower))), high = Int(floor(log10(upper)))
        for power in low...high {
            for m in multiples {
                let number = DecimalNumber(m, exponent: power)
                if number.value >= lower && number.value <= upper { numbers.append(number) }
            }
        }
        return numbers
    }

    static func roundDown(_ value: Double) -> DecimalNumber {
        let power = Int(floor(log10(value)))
        var m = Int(floor(value / DecimalNumber(1, exponent: power).value))
        m = min(max(m, 1), 9)
        var number = DecimalNumber(m, exponent: power)
        if number.value > value { number = m > 1 ? DecimalNumber(m - 1, exponent: power) : DecimalNumber(9, exponent: power - 1) }
        return number
    }

    static func roundUp(_ value: Double) -> DecimalNumber {
        let power = Int(floor(log10(value)))
        var m = Int(ceil(value / DecimalNumber(1, exponent: power).value))
        m = min(max(m, 1), 10)
        var number = DecimalNumber(m, exponent: power)
        if number.value < value { number = DecimalNumber(m + 1, exponent: power) }
        return number
    }
}
