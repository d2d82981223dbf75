import Foundation

/// The step of a tick set (`significand` 1, 2 or 5 times a power of ten) and the index range
/// of the ticks inside a domain.
struct TickSpec {
    /// The step as an exact decimal.
    var step: DecimalNumber
    /// The first and last tick index: tick *i* is `i × step`.
    var first: Int
    var last: Int

    init?(_ lower: Double, _ upper: Double, count: Int) {
        let lo = min(lower, upper), hi = max(lower, upper)
        guard lo.isFinite, hi.isFinite, hi > lo, count > 0 else { return nil }
        let raw = (hi - lo) / Double(count)
        guard raw.isFinite, raw > 0 else { return nil }
        var power = Int((raw.log10Value).rounded(.down))
        // Outside this range powers of ten are no longer exact or finite as Doubles.
        guard power > -300, power < 300 else { return nil }
        let error = raw / DecimalNumber(1, exponent: power).value
        var factor: Int
        if error >= 50.0.squareRoot() { factor = 10 } else if error >= 10.0.squareRoot() { factor = 5 } else if error >= 2.0.squareRoot() { factor = 2 } else { factor = 1 }
        if factor == 10 { factor = 1; power += 1 }
        step = DecimalNumber(factor, exponent: power)
        first = 0
        last = -1
        let firstIndex = indexAtOrAbove(lo)
        let lastIndex = indexAtOrBelow(hi)
        // A pathological domain far from zero would need indices beyond Int; refuse it instead.
        guard lastIndex - firstIndex < 100_000 else { return nil }
        first = firstIndex
        last = lastIndex
    }

    /// Tick *i* as an exact decimal.
    func number(_ i: Int) -> DecimalNumber {
        DecimalNumber(i * step.significand, exponent: step.exponent)
    }

    /// The tick numbers from `first` to `last` (empty when no tick falls inside the domain).
    var numbers: [DecimalNumber] {
        first <= last ? (first...last).map(number) : []
    }

    /// The largest index whose tick is ≤ `value`. The division gives a guess; comparing exact tick
    /// values corrects the off-by-one that rounding can cause.
    func indexAtOrBelow(_ value: Double) -> Int {
        var i = guess(value).rounded(.down)
        i = max(min(i, 1e15), -1e15)
        var index = Int(i)
        while number(index + 1).value <= value { index += 1 }
        while number(index).value > value { index -= 1 }
        return index
    }

    /// The smallest index whose tick is ≥ `value`.
    func indexAtOrAbove(_ value: Double) -> Int {
        var i = guess(value).rounded(.up)
        i = max(min(i, 1e15), -1e15)
        var index = Int(i)
        while number(index - 1).value >= value { index -= 1 }
        while number(index).value < value { index += 1 }
        return index
    }

    private func guess(_ value: Double) -> Double {
        if step.exponent >= 0 { return value / step.value }
        // Multiplying by the exact inverse step keeps the guess closest for small steps.
        let inverse = DecimalNumber(1, exponent: -step.exponent).value / Double(step.significand)
        return value * inverse
    }
}

extension Double {
    /// log10 without importing Foundation into every file.
    var log10Value: Double { Foundation.log10(self) }
}
