import Foundation

/// Counts of what a line chart shows and leaves out; the caption and `<desc>` are written from
/// these, so nothing is dropped silently.
struct LineChartStats: Sendable, Hashable {
    var total = 0
    var shown = 0
    var nan = 0
    var positiveInfinity = 0
    var negativeInfinity = 0
    /// Finite y values ≤ 0 on a log y axis.
    var nonPositiveY = 0
    /// Points whose x is non-finite, or ≤ 0 on a log x axis.
    var unplaceableX = 0
    /// Points outside the y axis when outliers are ignored (drawn clipped at the plot edge).
    var clipped = 0
    var smoothing = 0.0
    var ignoresOutliers = false

    /// Whether any non-finite marker is drawn.
    var hasMarkers: Bool { nan + positiveInfinity + negativeInfinity > 0 }

    /// One plain sentence: `Shows 1,280 of 200,000 points; 2 NaN, 1 +Inf`.
    var caption: String {
        var parts = ["Shows \(ChartText.grouped(shown)) of \(ChartText.grouped(total)) points"]
        var nonFinite: [String] = []
        if nan > 0 { nonFinite.append("\(ChartText.grouped(nan)) NaN") }
        if positiveInfinity > 0 { nonFinite.append("\(ChartText.grouped(positiveInfinity)) +Inf") }
        if negativeInfinity > 0 { nonFinite.append("\(ChartText.grouped(negativeInfinity)) -Inf") }
        if !nonFinite.isEmpty { parts.append(nonFinite.joined(separator: ", ") + " (marked above the plot)") }
        if nonPositiveY > 0 {
            parts.append("\(ChartText.grouped(nonPositiveY)) \(nonPositiveY == 1 ? "value" : "values") ≤ 0 left out (log scale)")
        }
        if unplaceableX > 0 {
            parts.append("\(ChartText.grouped(unplaceableX)) \(unplaceableX == 1 ? "point" : "points") with an x that cannot be placed left out")
        }
        if ignoresOutliers {
            parts.append("y axis ignores outliers (\(ChartText.grouped(clipped)) \(clipped == 1 ? "point" : "points") beyond it)")
        }
        if smoothing > 0 {
            parts.append("smoothed with TensorBoard's EMA, weight \(DecimalNumber.roughText(smoothing)); raw values faint")
        }
        return parts.joined(separator: "; ")
    }
}

/// One pass over the raw data: axis extents and the counts of values that cannot be drawn.
struct ExtentScan {
    var xMin: Double?, xMax: Double?
    var yMin: Double?, yMax: Double?
    var stats = LineChartStats()
    /// Placeable y values, kept only when outliers are ignored (they are sorted for percentiles).
    var ys: [Double] = []

    init(series: [ChartSeries], xKind: Scale.Kind, yKind: Scale.Kind, keepValues: Bool) {
        for s in series {
            for i in 0..<s.count {
                let x = s.xs[i], y = s.ys[i]
                stats.total += 1
                guard x.isFinite, xKind == .linear || x > 0 else { stats.unplaceableX += 1; continue }
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
        }
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

extension DecimalNumber {
    /// A short text for settings such as a smoothing weight: up to 4 decimals, trailing zeros dropped.
    static func roughText(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "\(value)" }
        return DecimalNumber(Int(scaled), exponent: -4).plainText()
    }
}
