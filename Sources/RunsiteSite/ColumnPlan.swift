import RunsiteModel

/// Every column an experiment table can show, in order, and which ones are shown by default: the
/// run and its status, then the main metrics, then the params that vary, so that what the runs are
/// compared on is on screen first. The other metrics and the run's user, start, duration and tags
/// stay reachable through "all columns" and the column chooser.
struct ColumnPlan {
    var columns: [TableColumn] = []
    var visible: Set<TableColumn> = []

    /// The most metrics and params that get table columns: the main metrics and the first keys by
    /// name. Runs logging tens of thousands of names would otherwise make tables of that many columns.
    static let metricLimit = 500
    static let paramLimit = 1000
    /// How many params a table of one run shows by default.
    static let singleRunParams = 8

    init(runs: [Run], options: SiteOptions) {
        columns = [.run(.name), .run(.status)]
        visible = [.run(.name), .run(.status)]

        var metricKeys = Self.metricKeys(runs)
        // System metrics (W&B's `system/…`: CPU, GPU, memory) describe the machine, not the result,
        // so they are never shown by default; "all columns" still lists them.
        let mainOrder = Self.mainMetrics(metricKeys.filter { !Self.isSystemMetric($0) }, limit: options.defaultMetricColumns, options: options)
        let main = Set(mainOrder)
        if metricKeys.count > Self.metricLimit {
            let kept = Set(Self.mainMetrics(metricKeys, limit: Self.metricLimit, options: options))
            metricKeys.removeAll { !kept.contains($0) }
        }
        func addMetric(_ key: String, shown: Bool) {
            // An objective shows its last and its best value; another metric (`lr`) its last only.
            let best: TableColumn.Aggregate? = MetricDirection.objective(key, minimize: options.minimize, maximize: options.maximize)
                .map { $0 == .minimize ? .min : .max }
            for agg in [TableColumn.Aggregate.last, .min, .max] {
                columns.append(.metric(key, agg))
                if shown && (agg == .last || agg == best) { visible.insert(.metric(key, agg)) }
            }
        }
        for key in mainOrder { addMetric(key, shown: true) }

        // A table of one run shows its first params, as nothing varies.
        let paramKeys = Set(runs.flatMap { $0.params.keys }).sorted()
        let varying = Set(Self.varyingParams(runs))
        var paramsShown = 0
        for key in paramKeys.prefix(Self.paramLimit) {
            columns.append(.param(key))
            if varying.contains(key) || (runs.count == 1 && paramsShown < Self.singleRunParams) {
                visible.insert(.param(key))
                paramsShown += 1
            }
        }

        for key in metricKeys where !main.contains(key) { addMetric(key, shown: false) }

        for field in [TableColumn.RunField.user, .start, .duration, .tags] { columns.append(.run(field)) }
        if Set(runs.map(\.source)).count > 1 {
            columns.append(.run(.source))
            visible.insert(.run(.source))
        }
    }

    static func isSystemMetric(_ key: String) -> Bool { key.hasPrefix("system/") }

    /// The params that vary, by name: those the runs that logged params disagree on (a missing
    /// value counts as one). A run that logged none (one that failed before logging them) does
    /// not make every param vary.
    static func varyingParams(_ runs: [Run]) -> [String] {
        let logged = runs.filter { !$0.params.isEmpty }
        return Set(logged.flatMap { $0.params.keys }).filter { key in Set(logged.map { $0.params[key] ?? .null }).count > 1 }.sorted()
    }

    /// Metric keys in first-seen order across runs, then sorted for determinism.
    static func metricKeys(_ runs: [Run]) -> [String] {
        Set(runs.flatMap { $0.metrics.map(\.key.name) }).sorted()
    }

    /// Objectives (`MetricDirection.objective`) first, and among them validation and test metrics
    /// (they are what people compare), then the rest, alphabetically.
    static func mainMetrics(_ keys: [String], limit: Int, options: SiteOptions = SiteOptions()) -> [String] {
        func rank(_ key: String) -> Int {
            let k = key.lowercased()
            let objective = MetricDirection.objective(key, minimize: options.minimize, maximize: options.maximize) != nil
            let base: Int
            if k.hasPrefix("val") || k.contains("/val") || k.contains("val_") || k.hasPrefix("eval") { base = 0 }
            else if k.hasPrefix("test") || k.contains("/test") || k.contains("test_") { base = 1 }
            else if k.hasPrefix("_") || k.contains("lr") || k.contains("learning_rate") || k.hasPrefix("sys") { base = 3 }
            else { base = 2 }
            return objective ? base : base + 4
        }
        return keys.map { (rank($0), $0) }.sorted { $0 < $1 }.prefix(limit).map(\.1)
    }
}
