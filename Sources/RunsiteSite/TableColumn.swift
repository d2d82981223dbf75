import RunsiteCore
import RunsiteModel

/// One column of an experiment table.
public enum TableColumn: Hashable, Sendable {
    public enum RunField: String, CaseIterable, Sendable { case name, status, user, start, duration, tags, source, project }
    public enum Aggregate: String, CaseIterable, Sendable { case last, min, max, first, mean }

    case run(RunField)
    case param(String)
    case metric(String, Aggregate)
    /// A metric's value at the step where another metric reached an aggregate (`metric:test/acc@best(val/loss:min)`).
    case metricAtBest(String, other: String, Aggregate)

    /// The metric a metric column shows; nil for run and param columns.
    var metricKey: String? {
        switch self {
        case .metric(let key, _), .metricAtBest(let key, _, _): return key
        default: return nil
        }
    }

    /// Header text.
    var title: String {
        switch self {
        case .run(let field): return field == .name ? "Run" : field.rawValue.capitalized
        case .param(let key): return key
        case .metric(let key, _), .metricAtBest(let key, _, _): return key
        }
    }

    var subtitle: String? {
        switch self {
        case .metric(_, let agg): return agg.rawValue
        case .metricAtBest(_, let other, let agg): return "at \(other) \(agg.rawValue)"
        case .param: return "param"
        case .run: return nil
        }
    }

    /// A stable identifier for the column chooser and for permalinks.
    var key: String {
        switch self {
        case .run(let field): return "run:" + field.rawValue
        case .param(let key): return "param:" + key
        case .metric(let key, let agg): return "metric:" + key + ":" + agg.rawValue
        case .metricAtBest(let key, let other, let agg): return "metric:" + key + "@best(" + other + ":" + agg.rawValue + ")"
        }
    }

    var isNumeric: Bool {
        switch self {
        case .metric, .metricAtBest: return true
        case .run(let field): return field == .start || field == .duration
        case .param: return false
        }
    }

    /// The numeric value of a metric column for a run.
    func number(for run: Run) -> Double? {
        switch self {
        case .metric(let key, let agg):
            guard let summary = run.metric(MetricKey(key))?.summary else { return nil }
            switch agg {
            case .last: return summary.last
            case .first: return summary.first
            case .min: return summary.min
            case .max: return summary.max
            case .mean: return summary.mean
            }
        case .metricAtBest(let key, _, _):
            guard let step = step(for: run), let series = run.metric(MetricKey(key))?.sortedByStep() else { return nil }
            return series.steps.lastIndex { $0 <= step.value }.map { series.values[$0] }
        case .param(let key): return run.params[key]?.number
        case .run(.start): return run.start
        case .run(.duration): return run.duration
        case .run: return nil
        }
    }

    /// The text of a non-metric cell.
    func text(for run: Run) -> String {
        switch self {
        case .run(let field):
            switch field {
            case .name: return run.name
            case .status: return run.status.rawValue
            case .user: return run.user ?? ""
            case .start: return Formatting.dateTime(run.start)
            case .duration: return Formatting.duration(run.duration)
            case .tags: return run.tags.joined(separator: ", ")
            case .source: return run.source
            case .project: return run.project
            }
        case .param(let key): return run.params[key]?.text ?? ""
        case .metric, .metricAtBest: return Formatting.cell(number(for: run))
        }
    }

    /// For `metricAtBest`, the step where the other metric reached its aggregate; nil otherwise.
    func step(for run: Run) -> Step? {
        guard case .metricAtBest(_, let other, let agg) = self, let summary = run.metric(MetricKey(other))?.summary else { return nil }
        switch agg {
        case .min: return summary.minStep
        case .max: return summary.maxStep
        case .first: return summary.firstStep
        case .last: return summary.lastStep
        case .mean: return nil
        }
    }
}
