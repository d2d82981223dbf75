import Foundation
import RunsiteCore

/// Counts of what a line chart shows and leaves out; the caption and `<desc>` are written from
/// these, so nothing is dropped silently.
struct LineChartStats: Sendable, Hashable {
    var total = 0
    /// Points logged, when series arrived thinned (else equal to `total`).
    var logged = 0
    /// Non-finite values logged but not among the points given (thinned away).
    var nonFiniteNotGiven = 0
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
    /// The centred running average's window in points; 0 when off.
    var smoothingWindow = 0
    var ignoresOutliers = false
    /// What grouped lines and bands stand for, appended as is.
    var note = ""

    /// Whether any non-finite marker is drawn.
    var hasMarkers: Bool { nan + positiveInfinity + negativeInfinity > 0 }

    /// One plain sentence: `Shows 1,280 of 200,000 points; 2 NaN, 1 +Inf`.
    var caption: String {
        let all = max(logged, total)
        var parts = ["Shows \(NumberText.grouped(shown)) of \(NumberText.grouped(all)) \(all == 1 ? "point" : "points")"]
        if all > total {
            parts.append("thinned to \(NumberText.grouped(total)) for drawing, keeping every bin's first, last, min and max")
        }
        var nonFinite: [String] = []
        if nan > 0 { nonFinite.append("\(NumberText.grouped(nan)) NaN") }
        if positiveInfinity > 0 { nonFinite.append("\(NumberText.grouped(positiveInfinity)) +Inf") }
        if negativeInfinity > 0 { nonFinite.append("\(NumberText.grouped(negativeInfinity)) -Inf") }
        if nonFiniteNotGiven > 0 { nonFinite.append("\(NumberText.grouped(nonFiniteNotGiven)) more non-finite logged") }
        if !nonFinite.isEmpty { parts.append(nonFinite.joined(separator: ", ")) }
        if nonPositiveY > 0 {
            parts.append("\(NumberText.grouped(nonPositiveY)) \(nonPositiveY == 1 ? "value" : "values") ≤ 0 left out (log scale)")
        }
        if unplaceableX > 0 {
            parts.append("\(NumberText.grouped(unplaceableX)) \(unplaceableX == 1 ? "point" : "points") with an x that cannot be placed left out")
        }
        if ignoresOutliers {
            parts.append("y axis ignores outliers (\(NumberText.grouped(clipped)) \(clipped == 1 ? "point" : "points") beyond it)")
        }
        if smoothingWindow > 0 {
            parts.append("smoothed with a centred running average over \(smoothingWindow) points; raw values faint")
        }
        if smoothing > 0 {
            parts.append("smoothed with TensorBoard's EMA, weight \(DecimalNumber.roughText(smoothing)); raw values faint")
        }
        if !note.isEmpty { parts.append(note) }
        return parts.joined(separator: "; ")
    }
}
