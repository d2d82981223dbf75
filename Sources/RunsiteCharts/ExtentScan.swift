import Foundation

/// One pass over the raw data: axis extents and the counts of values that cannot be drawn.
struct ExtentScan {
    var xMin: Double?, xMax: Double?
    var yMin: Double?, yMax: Double?
    var stats = LineChartStats()
    /// Whether every placeable x is a whole number (steps): the x axis then has no fractional ticks.
    var integralX = true
    /// Placeable y values, kept only when outliers are ignored (they are sorted for percentiles).
    var ys: [Double] = []

    init(series: [ChartSeries], xKind: Scale.Kind, yKind: Scale.Kind, keepValues: Bool) {
        for s in series {
            stats.logged += s.loggedTotal
            let nonFiniteBefore = stats.nan + stats.positiveInfinity + stats.negativeInfinity
            defer {
                let given = stats.nan + stats.positiveInfinity + stats.negativeInfinity - nonFiniteBefore
                if let logged = s.loggedNonFinite, s.isThinned, logged > given { stats.nonFiniteNotGiven += logged - given }
            }
            for i in 0..<s.count {
                let x = s.xs[i], y = s.ys[i]
                stats.total += 1
                guard x.isFinite, xKind == .linear || x > 0 else { stats.unplaceableX += 1; continue }
                if integralX && x != x.rounded() { integralX = false }
                xMin = min(xMin ?? x, x)
                xMax = max(xMax ?? x, x)
                if y.isNaN { stats.nan += 1; continue }
                if y == .infinity { stats.positiveInfinity += 1; continue }
                if y == -.infinity { stats.negativeInfinity += 1; continue }
                if yKind == .log && y <= 0 { stats.nonPositiveY += 1; continue }
                yMin = min(yMin ?? y, y)
                yMax = max(yMax ?? y, y)
                if keepValues { ys.append(y) }
            }
            // Bands widen the y extent so that they are never cut off at the plot's edge.
            if let low = s.bandLow, let high = s.bandHigh {
                for i in 0..<min(s.count, low.count, high.count) where s.xs[i].isFinite && (xKind == .linear || s.xs[i] > 0) {
                    // Two calls rather than a loop over `[low[i], high[i]]`, which allocated per point.
                    widen(low[i], yKind)
                    widen(high[i], yKind)
                }
            }
        }
    }

    private mutating func widen(_ v: Double, _ yKind: Scale.Kind) {
        guard v.isFinite && (yKind == .linear || v > 0) else { return }
        yMin = min(yMin ?? v, v)
        yMax = max(yMax ?? v, v)
    }

    /// The y extent with the lowest and highest 1% set aside, widened by 5% so the remaining
    /// values do not touch the plot edges (never beyond the full extent).
    func robustYExtent(log: Bool) -> (Double, Double)? {
        guard let yMin, let yMax, !ys.isEmpty else { return nil }
        let sorted = ys.sorted()
        let low = sorted[Int(Double(sorted.count - 1) * 0.01)]
        let high = sorted[Int((Double(sorted.count - 1) * 0.99).rounded(.up))]
        if log {
            let a = low.log10Value, b = high.log10Value, pad = (b - a) * 0.05
            return (max(yMin, pow10(a - pad)), min(yMax, pow10(b + pad)))
        }
        let pad = (high - low) * 0.05
        return (max(yMin, low - pad), min(yMax, high + pad))
    }

    private func pow10(_ v: Double) -> Double { pow(10, v) }
}
