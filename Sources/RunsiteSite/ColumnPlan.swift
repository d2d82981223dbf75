import RunsiteModel

/// Every column an experiment table can show, and which ones are shown by default: params that
/// vary across runs and the main metrics. The rest stay reachable through "all columns".
struct ColumnPlan {
    var columns: [TableColumn] = []
    var visible: Set<TableColumn> = []

    /// The most metrics and params that get table columns: the main metrics and the first keys by
    /// name. Runs logging tens of thousands of names would otherwise make tables of that many columns.
    static let metricLimit = 500
    static let paramLimit = 1000

    init(runs: [Run], options: SiteOptions) {
        let fields: [TableColumn.RunField] = [.name, .status, .user, .start, .duration, .tags]
        for field in fields { columns.append(.run(field)) }
        visible = [.run(.name), .run(.status), .run(.start), .run(.duration)]
        if runs.contains(where: { !$0.tags.isEmpty }) { visible.insert(.run(.tags)) }
        if Set(runs.compactMap(\.user)).count > 1 { visible.insert(.run(.user)) }
        if Set(runs.map(\.source)).count > 1 {
            columns.append(.run(.source))
            visible.insert(.run(.source))
        }

        let paramKeys = Set(runs.flatMap { $0.params.keys }).sorted()
        for key in paramKeys.prefix(Self.paramLimit) {
            columns.append(.param(key))
            let values = Set(runs.map { $0.params[key] ?? .null })
            if values.count > 1 || (runs.count == 1 && visible.count < 12) { visible.insert(.param(key)) }
        }

        var metricKeys = Self.metricKeys(runs)
        let main = Set(Self.mainMetrics(metricKeys, limit: options.defaultMetricColumns))
        if metricKeys.count > Self.metricLimit {
            let kept = Set(Self.mainMetrics(metricKeys, limit: Self.metricLimit))
            metricKeys.removeAll { !kept.contains($0) }
        }
        for key in metricKeys {
            // An objective shows its last and its best value; another metric (`lr`) its last only.
            let best: TableColumn.Aggregate? = MetricDirection.objective(key, minimize: options.minimize, maximize: options.maximize)
                .map { $0 == .minimize ? .min : .max }
            for agg in [TableColumn.Aggregate.last, .min, .max] {
                columns.append(.metric(key, agg))
                if main.contains(key) && (agg == .last || agg == best) { visible.insert(.metric(key, agg)) }
            }
        }
    }

    /// Metric keys in first-seen order across runs, then sorted for determinism.
    static func metricKeys(_ runs: [Run]) -> [String] {
        Set(runs.flatMap { $0.metrics.map(\.key) }).sorted()
    }

    /// Validation and test metrics first (they are what people compare), then the rest, alphabetically.
    static func mainMetrics(_ keys: [String], limit: Int) -> [String] {
        func rank(_ key: String) -> Int {
            let k = key.lowercased()
            if k.hasPrefix("val") || k.contains("/val") || k.contains("val_") || k.hasPrefix("eval") { return 0 }
            if k.hasPrefix("test") || k.contains("/test") || k.contains("test_") { return 1 }
            if k.hasPrefix("_") || k.contains("lr") || k.contains("learning_rate") || k.hasPrefix("sys") { return 3 }
            return 2
        }
        return keys.sorted { (rank($0), $0) < (rank($1), $1) }.prefix(limit).map { $0 }
    }
}
