import Foundation

/// "Nice" axis ticks at 1, 2 or 5 × 10^k, computed from integer indices as d3's `ticks` does.
///
///     Ticks.nice(0, 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1]   // never 0.6000000000000001
///
/// Tick *i* is `i × step` (or `i / inverseStep`), never an accumulated sum, and its label is
/// written from the integer digits, so labels carry no floating-point noise.
public enum Ticks {
    /// About `count` nice tick values inside `[lower, upper]`, ascending; `[]` for NaN, infinite
    /// or empty domains and for `count < 1`. Reversed bounds are accepted.
    public static func nice(_ lower: Double, _ upper: Double, count: Int) -> [Double] {
        guard let spec = TickSpec(lower, upper, count: count) else { return [] }
        return spec.numbers.map(\.value)
    }

    /// Nice ticks with their labels.
    public static func labeled(_ lower: Double, _ upper: Double, count: Int) -> [Tick] {
        guard let spec = TickSpec(lower, upper, count: count) else { return [] }
        let numbers = spec.numbers
        let labels = TickFormat.linearLabels(numbers, step: spec.step)
        return zip(numbers, labels).map { Tick(value: $0.value, label: $1) }
    }

    /// The domain widened outwards to whole tick steps (d3's `nice`), so axes start and end on a
    /// labelled tick; returned unchanged when no ticks can be computed.
    public static func niceDomain(_ lower: Double, _ upper: Double, count: Int) -> (lower: Double, upper: Double) {
        var lo = min(lower, upper), hi = max(lower, upper)
        // Widening can change the step; d3 repeats until it is stable, and so do we (at most 10 times).
        var previous: DecimalNumber?
        for _ in 0..<10 {
            guard let spec = TickSpec(lo, hi, count: count) else { break }
            if spec.step == previous { break }
            previous = spec.step
            lo = spec.number(spec.indexAtOrBelow(lo)).value
            hi = spec.number(spec.indexAtOrAbove(hi)).value
        }
        return (lo, hi)
    }
}
