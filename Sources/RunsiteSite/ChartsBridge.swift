import RunsiteCharts
import RunsiteMarkup
import RunsiteModel

/// Turns model values into the plain numbers RunsiteCharts draws (charts know nothing of runs).
enum ChartsBridge {
    static func color(_ index: Int) -> String { Palette.color(index) }

    enum XAxis: String { case step, epoch, time = "relative-time", wallTime = "wall-time" }

    /// The x and y numbers of one metric series on the chosen x axis.
    static func points(_ series: MetricSeries, x: XAxis) -> (xs: [Double], ys: [Double]) {
        switch x {
        case .step:
            return (series.steps.map(Double.init), series.values)
        case .epoch:
            guard series.epochs.count == series.count else { return (series.steps.map(Double.init), series.values) }
            return (series.epochs, series.values)
        case .time:
            let origin = series.times.first(where: \.isFinite) ?? 0
            return (series.times.map { $0.isFinite ? $0 - origin : .nan }, series.values)
        case .wallTime:
            return (series.times, series.values)
        }
    }

    /// The wall-clock time of each point, for the page's x-axis switch; nil when the logger wrote
    /// none (a CSV without a time column), so that the switch offers only steps.
    static func wallTimes(_ series: MetricSeries) -> [Double]? {
        guard series.times.count == series.count, series.times.contains(where: \.isFinite) else { return nil }
        return series.times
    }

    /// `series` told how many points were logged, so that its caption counts every logged point
    /// also when the pipeline thinned the series for drawing.
    static func logged(_ series: ChartSeries, from data: MetricSeries) -> ChartSeries {
        var out = series
        let summary = data.summary
        out.loggedCount = summary.count
        out.loggedNonFinite = summary.nonFinite
        return out
    }

    static func heatmap(_ matrix: ConfusionMatrix, normalize: String, title: String) -> (svg: Node, caption: String) {
        let mode = HeatmapNormalization(rawValue: normalize) ?? .rows
        let chart = ConfusionHeatmap(labels: matrix.labels, counts: matrix.counts, normalization: mode, title: title)
        return (chart.svg(), chart.caption)
    }
}
