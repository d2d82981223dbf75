import Foundation
import RunsiteModel

/// `metrics.json`: `{"<name>": {"steps": [...], "timestamps": ["<ISO, UTC, no zone>", ...], "values": [...]}}`,
/// three parallel arrays per metric. Steps may repeat or go backwards; values may be bare `NaN`.
enum SacredMetrics {
    static func read(_ value: JSONValue, url: URL, into metrics: inout MetricAccumulator, context: ReaderContext) {
        guard let entries = value.object else {
            return context.warn(.sacredMetricsNotObject, url, line: 1)
        }
        for (name, entry) in entries {
            guard let values = entry["values"]?.array else {
                context.warn(.sacredMetricWithoutValues(name), url, jsonKey: [name])
                continue
            }
            let steps = entry["steps"]?.array ?? []
            let timestamps = entry["timestamps"]?.array ?? []
            if steps.count != values.count || (!timestamps.isEmpty && timestamps.count != values.count) {
                context.warn(.sacredMetricLengths(name, values: values.count, steps: steps.count, timestamps: timestamps.count),
                             url, jsonKey: [name])
            }
            for (i, item) in values.enumerated() {
                guard let number = numeric(SacredJSON.unpickled(item)) else {
                    context.warn(.sacredNonNumericValue(i, of: name, item.compactText.prefix(40)), url, jsonKey: [name, "values"])
                    continue
                }
                let step = i < steps.count ? (steps[i].int ?? Int64(i)) : Int64(i)
                let time = i < timestamps.count ? (timestamps[i].string.flatMap(SacredTime.parse) ?? .nan) : .nan
                metrics.append(name, step: step, value: number, time: time)
            }
        }
    }

    /// JSON numbers only (also the bare NaN/Infinity tokens); strings and booleans are not metric values.
    private static func numeric(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let v): return Double(v)
        case .double(let d): return d
        default: return nil
        }
    }
}
