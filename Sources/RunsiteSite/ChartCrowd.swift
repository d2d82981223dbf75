import RunsiteCharts
import RunsiteModel

/// Charts over many runs (a sweep of thousands): a line per run would be an unreadable tangle and
/// megabytes of SVG, so past `limit` runs the chart draws the `limit` best runs (by the first
/// metric's best value, direction-aware) as lines, plus every run as one grey series: the mean
/// with a min–max band. The caption says so, and the page stays small however many runs there are.
///
/// The runs are ranked from their summaries before any points are loaded (`plan`), so a chart
/// keeps series for the runs it draws only: every other run lends its points to the band
/// (`add`) and is let go, and a chart over 10,000 runs holds about what one over 30 does.
enum ChartCrowd {
    static let limit = 30
    /// The palette's grey, which no run has.
    static let crowdColor = Palette.greyIndex

    /// A crowd chart in the making: which runs are lines, and every run's points for the band.
    struct Plan {
        let metrics: [String]
        let first: String
        let direction: MetricDirection
        let runCount: Int
        let kept: Set<RunID>
        /// Per metric, the points of every run that logged it, in the order the runs were added.
        private(set) var parts: [[(xs: [Double], ys: [Double])]]
        private var added = Set<RunID>()

        fileprivate init(metrics: [String], first: String, direction: MetricDirection, runCount: Int, kept: Set<RunID>) {
            self.metrics = metrics
            self.first = first
            self.direction = direction
            self.runCount = runCount
            self.kept = kept
            parts = Array(repeating: [], count: metrics.count)
        }

        /// Whether `run` is drawn as a line of its own.
        func keeps(_ run: Run) -> Bool { kept.contains(run.id) }

        /// Adds a run's points (the run with its columns) to the band, once per run.
        mutating func add(_ run: Run, x: ChartsBridge.XAxis) {
            guard added.insert(run.id).inserted else { return }
            for (m, metric) in metrics.enumerated() {
                if let data = run.metric(MetricKey(metric)) { parts[m].append(ChartsBridge.points(data, x: x)) }
            }
        }
    }

    /// The plan for a chart of `metrics` over `runs` (held runs will do: only summaries are read),
    /// or nil when at most `limit` of them logged any of the metrics and every run is a line.
    static func plan(metrics: [String], runs candidates: [Run], options siteOptions: SiteOptions) -> Plan? {
        var runs: [Run] = []
        var seen = Set<RunID>()
        for run in candidates where metrics.contains(where: { run.metric(MetricKey($0)) != nil }) && seen.insert(run.id).inserted {
            runs.append(run)
        }
        guard runs.count > limit, let first = metrics.first else { return nil }
        let direction = MetricDirection.of(first, minimize: siteOptions.minimize, maximize: siteOptions.maximize)
        func best(_ run: Run) -> Double? {
            guard let s = run.metric(MetricKey(first))?.summary else { return nil }
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
        return Plan(metrics: metrics, first: first, direction: direction, runCount: runs.count,
                    kept: Set(ranked.prefix(limit).map { runs[$0].id }))
    }

    /// Puts the grey band of every run in front of the kept runs' `series`, and says so in the caption.
    static func apply(_ plan: Plan, series: inout [ChartSeries], options: inout LineChartOptions) {
        var crowd: [ChartSeries] = []
        for (m, metric) in plan.metrics.enumerated() {
            let parts = plan.parts[m]
            guard !parts.isEmpty else { continue }
            let aligned = ChartGroups.aggregate(parts, band: .minmax)
            let name = plan.metrics.count > 1 ? "all \(parts.count) runs · \(metric)" : "all \(parts.count) runs"
            var s = ChartSeries(label: name + " (mean, min–max band)", metric: metric, colorIndex: crowdColor, dashIndex: m,
                                xs: aligned.xs, ys: aligned.mean)
            s.valuesAreDerived = true
            s.bandLow = aligned.low
            s.bandHigh = aligned.high
            crowd.append(s)
        }
        series = crowd + series
        let order = plan.direction == .minimize ? "lowest" : "highest"
        let note = "the \(limit) runs with the \(order) \(plan.first) of \(plan.runCount) are drawn as lines; the grey line and band are the mean and range of all \(plan.runCount) runs"
        options.seriesNote = [options.seriesNote, note].filter { !$0.isEmpty }.joined(separator: "; ")
    }
}
