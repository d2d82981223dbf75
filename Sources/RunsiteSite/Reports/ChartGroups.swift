import RunsiteCharts
import RunsiteModel

/// `:group-by:` for `{chart}` and `{charts}`: one line per group and metric, the mean over the
/// group's runs at each step (a run counts at the steps it logged), labelled `adam (n=3)`.
/// RunsiteCharts draws no ±std band yet, so only the mean is drawn.
enum ChartGroups {
    static func series(metrics: [String], key: String, runs: [Run]) -> [ChartSeries] {
        let groups = GroupKey(parsing: key).groups(runs)
        var out: [ChartSeries] = []
        for (g, group) in groups.enumerated() {
            let members = group.members.map { runs[$0] }
            for (m, metric) in metrics.enumerated() {
                let mean = meanByStep(members.compactMap { $0.metric(metric) })
                guard !mean.steps.isEmpty else { continue }
                let name = "\(group.label) (n=\(members.count))"
                out.append(ChartSeries(label: metrics.count > 1 ? "\(name) · \(metric)" : name, metric: metric,
                                       colorIndex: g, dashIndex: m, xs: mean.steps, ys: mean.values))
            }
        }
        return out
    }

    /// The mean of the finite values logged at each step, steps ascending.
    static func meanByStep(_ series: [MetricSeries]) -> (steps: [Double], values: [Double]) {
        var sums: [Int64: (Double, Int)] = [:]
        for s in series {
            for (step, value) in zip(s.steps, s.values) where value.isFinite {
                let current = sums[step] ?? (0, 0)
                sums[step] = (current.0 + value, current.1 + 1)
            }
        }
        let steps = sums.keys.sorted()
        return (steps.map(Double.init), steps.map { sums[$0]!.0 / Double(sums[$0]!.1) })
    }
}
