import RunsiteModel

/// Which metrics are objectives, and their best values. `MetricDirection` decides the direction;
/// this is the one place the reports and the change list ask it, so that a change to what counts
/// as an objective reaches them all. System metrics (`system/…`) describe the machine and are
/// never objectives.
enum Objectives {
    /// The direction of `metric` when it is an objective; nil when it is not.
    static func direction(of metric: String, options: SiteOptions) -> MetricDirection? {
        guard !ColumnPlan.isSystemMetric(metric) else { return nil }
        return MetricDirection.of(metric, minimize: options.minimize, maximize: options.maximize)
    }

    /// A run's best value of a metric: its minimum when lower is better, else its maximum.
    static func value(_ metric: MetricRecord?, _ direction: MetricDirection) -> Double? {
        direction == .minimize ? metric?.min : metric?.max
    }

    /// The runs that have a value of `metric`, best first; ties in order of id.
    static func ranked(_ runs: [RunRecord], metric: String, direction: MetricDirection) -> [(run: RunRecord, value: Double)] {
        let valued = runs.compactMap { run in value(run.metrics[metric], direction).map { (run: run, value: $0) } }
        return valued.sorted { a, b in
            if a.value != b.value { return direction == .minimize ? a.value < b.value : a.value > b.value }
            return a.run.id < b.run.id
        }
    }
}
