import RunsiteCore

/// One series made ready to draw: optional smoothed values, decimated lines and non-finite markers.
struct PlottedSeries: Sendable {
    var series: ChartSeries
    var index: Int
    /// The smoothed values, when smoothing is on; the raw values are then drawn faintly.
    var smoothed: [Double]?
    /// The main line: smoothed values when smoothing is on, else raw values.
    var line: DecimatedLine
    /// The raw values' line behind the smoothed one.
    var raw: DecimatedLine?
    var markers: [NonFiniteMarker]

    init(series: ChartSeries, index: Int, smoothing: Double, window: Int = 0, decimator: Decimator) {
        self.series = series
        self.index = index
        let xs = Array(series.xs.prefix(series.count)), ys = Array(series.ys.prefix(series.count))
        if window >= 2 || smoothing > 0 {
            let values = window >= 2 ? Smoothing.centredRunningAverage(ys, window: window) : Smoothing.debiasedEMA(ys, weight: smoothing)
            smoothed = values
            line = decimator.decimate(xs: xs, ys: values)
            raw = decimator.decimate(xs: xs, ys: ys)
        } else {
            line = decimator.decimate(xs: xs, ys: ys)
        }
        markers = NonFiniteMarker.collect(xs: xs, ys: ys, decimator: decimator)
    }

    /// Points the main line passes through.
    var shownCount: Int { line.keptCount }

    /// The min/max bands, always from the raw values: they show the spread the smoothing hides.
    var bands: [[ColumnBand]] { (raw ?? line).bands }

    /// The values the main line is drawn from.
    var lineValues: [Double] { smoothed ?? series.ys }

    /// Placeable raw values outside the y axis (clipped when outliers are ignored).
    func countOutside(_ yScale: Scale) -> Int {
        var outside = 0
        for i in 0..<series.count where yScale.accepts(series.ys[i]) && series.xs[i].isFinite {
            let y = series.ys[i]
            if y < yScale.domain.lower || y > yScale.domain.upper { outside += 1 }
        }
        return outside
    }

    /// The tooltip text: label, metric and last finite value with its x.
    var title: String {
        var text = series.label + " — " + series.metric
        guard let i = (0..<series.count).last(where: { series.ys[$0].isFinite }) else {
            return text + ": no finite values"
        }
        // The exact logged value (as runs.json writes it): people read tooltips into papers.
        text += ": last " + NumberText.exact(series.ys[i]) + " at " + NumberText.exact(series.xs[i])
        if let smoothed, smoothed[i].isFinite { text += " (smoothed " + NumberText.compact(smoothed[i]) + ")" }
        return text
    }
}
