import RunsiteCharts
import RunsiteModel

/// Charts over many runs (a sweep of thousands): a line per run would be an unreadable tangle and
/// megabytes of SVG, so past `limit` runs the chart draws the `limit` best runs (by the first
/// metric's best value, direction-aware) as lines, plus every run as one grey series: the mean
/// with a min–max band. The caption says so, and the page stays small however many runs there are.
enum ChartCrowd {
    static let limit = 30
    /// The palette's grey.
    static let crowdColor = 7

    static func apply(metrics: [String], x: ChartsBridge.XAxis, options siteOptions: SiteOptions,
                      series: inout [ChartSeries], sources: inout [ChartFigure.Source], options: inout LineChartOptions) {
        var runs: [Run] = []
        var seen = Set<String>()
        for source in sources where seen.insert(source.run.source + "\u{0}" + source.run.id).inserted { runs.append(source.run) }
        guard runs.count > limit, let first = metrics.first else { return }
        let direction = MetricDirection.of(first, minimize: siteOptions.minimize, maximize: siteOptions.maximize)
        func best(_ run: Run) -> Double? {
            guard let s = run.metric(first)?.summary else { return nil }
            return direction == .minimize ? s.min : s.max
        }
        let scores = runs.map(best)   // once per run, not per comparison
        let ranked = runs.indices.sorted { a, b in
            switch (scores[a], scores[b]) {
            case let (x?, y?) where x != y: return direction == .minimize ? x < y : x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return runs[a].id < runs[b].id
            }
        }
        let kept = Set(ranked.prefix(limit).map { runs[$0].source + "\u{0}" + runs[$0].id })
        let keep = sources.indices.filter { kept.contains(sources[$0].run.source + "\u{0}" + sources[$0].run.id) }
        var crowd: [ChartSeries] = []
        for (m, metric) in metrics.enumerated() {
            let parts = runs.compactMap { $0.metric(metric).map { ChartsBridge.points($0, x: x) } }
            guard !parts.isEmpty else { continue }
            let aligned = ChartGroups.aggregate(parts, band: .minmax)
            let name = metrics.count > 1 ? "all \(parts.count) runs · \(metric)" : "all \(parts.count) runs"
            var s = ChartSeries(label: name + " (mean, min–max band)", metric: metric, colorIndex: crowdColor, dashIndex: m,
                                xs: aligned.xs, ys: aligned.mean)
            s.valuesAreDerived = true
            s.bandLow = aligned.low
            s.bandHigh = aligned.high
            crowd.append(s)
        }
        series = crowd + keep.map { series[$0] }
        sources = keep.map { sources[$0] }
        let order = direction == .minimize ? "lowest" : "highest"
        let note = "the \(limit) runs with the \(order) \(first) of \(runs.count) are drawn as lines; the grey line and band are the mean and range of all \(runs.count) runs"
        options.seriesNote = [options.seriesNote, note].filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
