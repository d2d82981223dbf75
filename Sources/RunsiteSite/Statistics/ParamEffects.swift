import RunsiteModel

/// How strongly each param goes with a metric across runs, as W&B's parameter importance panel
/// and Optuna's show it: Spearman's ρ for numeric params, the correlation ratio η for the others.
struct ParamEffects {
    struct Effect: Equatable {
        enum Measure: String { case spearman = "Spearman ρ", eta = "η" }
        var param: String
        var measure: Measure
        var value: Double
        /// Runs that logged both the param and a finite metric value.
        var runs: Int
    }

    var metric: TableColumn
    var effects: [Effect]
    /// Runs with a finite metric value.
    var runCount: Int

    /// Effects of every param that takes at least two values among at least `minRuns` runs with a
    /// finite metric value, largest |effect| first (ties by name).
    init(runs: [Run], metric: TableColumn, minRuns: Int = 3) {
        self.metric = metric
        let scored = runs.compactMap { run in metric.number(for: run).flatMap { $0.isFinite ? (run, $0) : nil } }
        runCount = scored.count
        guard scored.count >= max(minRuns, 2) else { effects = []; return }
        var keys = Set<String>()
        for (run, _) in scored { keys.formUnion(run.params.keys) }
        var effects: [Effect] = []
        for key in keys.sorted() {
            let pairs = scored.compactMap { run, y in run.params[key].flatMap { $0 == .null ? nil : ($0, y) } }
            guard pairs.count >= max(minRuns, 2), Set(pairs.map(\.0.text)).count >= 2 else { continue }
            let numeric = pairs.allSatisfy { if case .int = $0.0 { return true }; if case .double(let d) = $0.0 { return d.isFinite }; return false }
            let ys = pairs.map(\.1)
            if numeric, let rho = EffectSize.spearman(pairs.map { $0.0.number! }, ys) {
                effects.append(Effect(param: key, measure: .spearman, value: rho, runs: pairs.count))
            } else if !numeric, let eta = EffectSize.correlationRatio(labels: pairs.map(\.0.text), ys) {
                effects.append(Effect(param: key, measure: .eta, value: eta, runs: pairs.count))
            }
        }
        self.effects = effects.sorted { (abs($0.value), $1.param) > (abs($1.value), $0.param) }
    }
}
