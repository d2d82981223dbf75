import Foundation

/// A map from a data interval to a pixel interval, linear or base-10 logarithmic.
///
///     Scale(kind: .linear, domain: (0, 10), range: (0, 100))(2.5) == 25
struct Scale: Sendable {
    /// Whether values map linearly or through log10.
    enum Kind: String, Sendable { case linear, log }

    var kind: Kind
    var domain: (lower: Double, upper: Double)
    var range: (start: Double, end: Double)
    /// Only whole-number ticks (for steps, where "step 2.5" means nothing).
    var integral = false
    /// Durations or clock times instead of plain numbers (linear scales only).
    var format: AxisFormat = .number

    /// The pixel position of `value`; callers exclude values ≤ 0 before using a log scale.
    func callAsFunction(_ value: Double) -> Double {
        // Halves keep the differences finite even for a domain from -1e308 to 1e308.
        let lower = transform(domain.lower) / 2
        let t = (transform(value) / 2 - lower) / (transform(domain.upper) / 2 - lower)
        return range.start + t * (range.end - range.start)
    }

    /// The data value at pixel position `position`.
    func invert(_ position: Double) -> Double {
        let t = (position - range.start) / (range.end - range.start)
        let u = transform(domain.lower) + t * (transform(domain.upper) - transform(domain.lower))
        return kind == .log ? pow(10, u) : u
    }

    /// Labeled ticks inside the domain, about `count` of them.
    func ticks(count: Int) -> [Tick] {
        switch kind {
        case .linear:
            if format != .number { return TimeTicks.labeled(domain.lower, domain.upper, count: count, format: format) }
            let ticks = Ticks.labeled(domain.lower, domain.upper, count: count)
            guard integral, ticks.contains(where: { $0.value != $0.value.rounded() }) else { return ticks }
            // Fewer ticks give a step of at least 1; the span bounds how many whole numbers fit.
            let span = Int(min(domain.upper - domain.lower, 1e9))
            return Ticks.labeled(domain.lower, domain.upper, count: max(1, min(count, span)))
                .filter { $0.value == $0.value.rounded() }
        case .log: return LogTicks.labeled(domain.lower, domain.upper, count: count)
        }
    }

    /// Whether `value` can be placed on this scale at all.
    func accepts(_ value: Double) -> Bool {
        value.isFinite && (kind == .linear || value > 0)
    }

    private func transform(_ value: Double) -> Double {
        kind == .log ? log10(value) : value
    }

    /// A scale whose domain covers `[lower, upper]` widened to nice values; a zero-width or
    /// missing extent gets a small interval around it so that a flat line sits mid-plot.
    static func fitted(kind: Kind, lower: Double?, upper: Double?, range: (Double, Double), tickCount: Int) -> Scale {
        var lo = lower ?? (kind == .log ? 1 : 0)
        var hi = upper ?? (kind == .log ? 10 : 1)
        if lo == hi {
            if kind == .log { lo /= 2; hi *= 2 } else {
                let pad = lo == 0 ? 1 : abs(lo) * 0.1
                // A single point at step 0 gets the domain [0, 1], not negative steps.
                lo = lo >= 0 ? max(lo - pad, 0) : lo - pad
                hi += pad
            }
        }
        let nice = kind == .log ? LogTicks.niceDomain(lo, hi) : Ticks.niceDomain(lo, hi, count: tickCount)
        return Scale(kind: kind, domain: (nice.lower, nice.upper), range: range)
    }
}
