import Foundation
import RunsiteCore
import RunsiteModel

/// `--fail-if 'metric:val/acc:max < -0.01'`: a check on how an objective's best value moved
/// between two summaries, for gating a merge. The change is `new best − old best` in each project
/// that has the metric on both sides, computed in decimal (`ExactDifference`); the check fails
/// when the comparison holds for any project. `:min`/`:max` chooses which end is best (default:
/// the metric's direction), so `metric:val/loss:min > 0.02` fails when the lowest loss rose by more
/// than 0.02.
public struct DiffGate: Sendable, Hashable {
    public enum Comparison: String, Sendable, CaseIterable { case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=" }

    public var text: String
    public var metric: String
    public var direction: MetricDirection?
    public var comparison: Comparison
    public var threshold: Decimal

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `metric:KEY[:min|:max] OP NUMBER` with OP one of `<`, `<=`, `>`, `>=`.
    public init(_ text: String) throws {
        self.text = text
        func invalid(_ why: String) -> Invalid { Invalid(description: "--fail-if '\(text)': \(why); write e.g. 'metric:val/acc:max < -0.01'") }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("metric:") else { throw invalid("it must start with 'metric:'") }
        // The last comparison operator: metric keys may hold '<' or '>' themselves, a number does not.
        guard let at = trimmed.lastIndex(where: { $0 == "<" || $0 == ">" }) else { throw invalid("no comparison (<, <=, >, >=)") }
        var number = String(trimmed[trimmed.index(after: at)...])
        var op = String(trimmed[at])
        if number.hasPrefix("=") { op += "="; number.removeFirst() }
        number = number.trimmingCharacters(in: .whitespaces)
        guard let comparison = Comparison(rawValue: op) else { throw invalid("no comparison (<, <=, >, >=)") }
        guard let value = Double(number), value.isFinite, let decimal = ExactDifference.decimal(value),
              number.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else {
            throw invalid("'\(number)' is not a number")
        }
        var key = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: "metric:".count)..<at]).trimmingCharacters(in: .whitespaces)
        if key.hasSuffix(":min") { direction = .minimize; key.removeLast(4) }
        else if key.hasSuffix(":max") { direction = .maximize; key.removeLast(4) }
        guard !key.isEmpty else { throw invalid("no metric") }
        metric = key
        self.comparison = comparison
        // The threshold as written, in decimal: `-0.01` is exactly one hundredth.
        threshold = Decimal(string: number, locale: Locale(identifier: "en_US_POSIX")) ?? decimal
    }

    private func holds(_ delta: Decimal) -> Bool {
        switch comparison {
        case .less: return delta < threshold
        case .lessOrEqual: return delta <= threshold
        case .greater: return delta > threshold
        case .greaterOrEqual: return delta >= threshold
        }
    }

    /// The failures of this check between two summaries, one sentence per project; a metric that
    /// neither summary logs is a failure too, since a mistyped check must not pass silently.
    public func failures(old: [RunRecord], new: [RunRecord], options: SiteOptions = SiteOptions()) -> [String] {
        let direction = self.direction ?? Objectives.direction(of: metric, options: options) ?? .maximize
        let titles = RecordProject.titlesByKey(old + new)
        let before = Dictionary(uniqueKeysWithValues: RecordProject.group(old).map { ($0.key, $0.runs) })
        let after = Dictionary(uniqueKeysWithValues: RecordProject.group(new).map { ($0.key, $0.runs) })
        guard (old + new).contains(where: { $0.metrics[metric] != nil }) else {
            return ["--fail-if '\(text)': no run in either summary logs '\(metric)'"]
        }
        var out: [String] = []
        for key in Set(before.keys).intersection(after.keys).sorted() {
            guard let a = Objectives.ranked(before[key]!, metric: metric, direction: direction).first,
                  let b = Objectives.ranked(after[key]!, metric: metric, direction: direction).first,
                  let delta = ExactDifference.of(b.value, a.value), holds(delta) else { continue }
            out.append("--fail-if '\(text)': \(metric) (\(direction.rawValue)) in \(titles[key] ?? key.name) went from \(NumberText.exact(a.value)) to \(NumberText.exact(b.value)) (\(ExactDifference.signed(delta)), \(comparison.rawValue) \(ExactDifference.signed(threshold)))")
        }
        return out
    }
}
