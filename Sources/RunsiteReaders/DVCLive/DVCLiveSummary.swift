import Foundation
import RunsiteModel

/// DVCLive's `metrics.json`: the latest value of every metric, nested by the `/` in its name
/// (`train/loss` → `{"train": {"loss": …}}`), plus `"step"` when `next_step()` was used. NaN and infinities
/// are stored as the strings `"nan"`, `"inf"`, `"-inf"`.
struct DVCLiveSummary {
    /// Leaf values by slash-joined name, in file order. Non-numeric leaves (text put into `live.summary`
    /// by hand, booleans, lists) are left out: they are not metrics.
    var values: [(key: String, value: Double)] = []
    /// The top-level `step`, when present.
    var step: Int64?

    static func read(_ url: URL, context: ReaderContext) -> DVCLiveSummary? {
        guard let value = JSONParser.readFile(url, context: context, invalid: { .malformedJSON(format: "dvclive", $0, consequence: "; summary not read") }) else { return nil }
        guard let pairs = value.object else {
            context.warn(.dvcliveSummaryNotObject, url, line: 1)
            return nil
        }
        var summary = DVCLiveSummary()
        summary.step = value["step"]?.int
        func collect(_ value: JSONValue, prefix: String) {
            if let pairs = value.object {
                for (key, child) in pairs { collect(child, prefix: prefix.isEmpty ? key : prefix + "/" + key) }
            } else if let number = value.number {
                summary.values.append((prefix, number))
            }
        }
        for (key, child) in pairs where key != "step" { collect(child, prefix: key) }
        return summary
    }
}
