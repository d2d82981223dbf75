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
            scan(s, xKind: xKind, yKind: yKind, keepValues: keepValues)
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

    /// The points of one series. The extents are held as plain values while the loop runs (it
    /// runs for every point of every chart); `min` and `max` pick as `Swift.min` and `Swift.max` do.
    private mutating func scan(_ s: ChartSeries, xKind: Scale.Kind, yKind: Scale.Kind, keepValues: Bool) {
        var xLow = xMin ?? .infinity, xHigh = xMax ?? -.infinity, hasX = xMin != nil
        var yLow = yMin ?? .infinity, yHigh = yMax ?? -.infinity, hasY = yMin != nil
        var integral = integralX
        var counts = stats
        s.xs.withUnsafeBufferPointer { xs in
            s.ys.withUnsafeBufferPointer { ysIn in
                for i in 0..<s.count {
                    let x = xs[i], y = ysIn[i]
                    counts.total += 1
                    guard x.isFinite, xKind == .linear || x > 0 else { counts.unplaceableX += 1; continue }
                    if integral && !(abs(x) >= 0x1p52 || Double(Int64(x)) == x) { integral = false }  // x is whole, without libm
                    if !hasX { xLow = x; xHigh = x; hasX = true }
                    if x < xLow { xLow = x }
                    if x >= xHigh { xHigh = x }
                    if y.isNaN { counts.nan += 1; continue }
                    if y == .infinity { counts.positiveInfinity += 1; continue }
                    if y == -.infinity { counts.negativeInfinity += 1; continue }
                    if yKind == .log && y <= 0 { counts.nonPositiveY += 1; continue }
                    if !hasY { yLow = y; yHigh = y; hasY = true }
                    if y < yLow { yLow = y }
                    if y >= yHigh { yHigh = y }
                    if keepValues { ys.append(y) }
                }
            }
        }
        stats = counts
        integralX = integral
        if hasX { xMin = xLow; xMax = xHigh }
        if hasY { yMin = yLow; yMax = yHigh }
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
