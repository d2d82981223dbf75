import Foundation
import RunsiteCore
import RunsiteModel

/// A W&B run's system metrics (CPU, memory, GPU, network, disk), sampled by the SDK every few
/// seconds apart from the history. They come from the `.wandb` log's `stats` records, or, when the
/// log holds none (an online run folder synced without its log), from `files/wandb-events.jsonl`.
///
/// - **Keys**: each becomes `system/<key>`: a stats item `cpu` and an events key `system.cpu` are both
///   `system/cpu`; `gpu.0.gpu` is `system/gpu.0.gpu`. That is the name under W&B's own "system." prefix,
///   with runsite's `/` so that the whole group sorts and filters together.
/// - **x axis**: system samples have no step. A sample's step is its index among the run's samples
///   (0, 1, 2, …) and its time the sample's own timestamp, so charts plot them against relative or
///   wall time, as W&B's system panels do.
/// - Values are the logged numbers; strings, booleans and nulls are not metrics; nested objects are
///   joined with `.` like history keys.
struct WandBSystemMetrics {
    var metrics = MetricAccumulator()
    /// Samples read so far: the step of the next one.
    var samples: Int64 = 0

    static let prefix = "system/"

    /// The metric key of a stats item key or an events-file key.
    static func key(_ raw: String) -> String {
        prefix + (raw.hasPrefix("system.") ? String(raw.dropFirst(7)) : raw)
    }

    /// Adds one sample: every numeric value at the next step and at `time` (Unix seconds, NaN if unknown).
    mutating func add(_ values: [(String, JSONValue)], time: Double) {
        let step = samples
        samples += 1
        for (raw, value) in values { emit(Self.key(raw), value, step: step, time: time) }
    }

    private mutating func emit(_ key: String, _ value: JSONValue, step: Int64, time: Double) {
        switch value {
        case .int(let i): metrics.append(key, step: step, value: Double(i), time: time)
        case .double(let d): metrics.append(key, step: step, value: d, time: time)
        case .object(let pairs): for (k, v) in pairs { emit(key + "." + k, v, step: step, time: time) }
        default: break
        }
    }

    /// Reads `files/wandb-events.jsonl`: one JSON object per line with `_timestamp` (Unix seconds),
    /// `_runtime` and `system.*` keys. A line that is not a JSON object is skipped with one warning
    /// naming the first such line.
    mutating func readEvents(_ url: URL, context: ReaderContext) {
        var bad = 0, firstBad = 0
        let opened = ByteReading.forEachLine(in: url, context: context) { line, number in
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { return }
            guard case .success(let value) = JSONParser.parse(line), case .object(let pairs) = value else {
                if bad == 0 { firstBad = number }
                bad += 1
                return
            }
            let time = value["_timestamp"]?.number ?? .nan
            add(pairs.filter { !$0.0.hasPrefix("_") }, time: time)
        }
        if !opened { context.warn(.unreadableFile, url) }
        if bad > 0 {
            context.warn(.wandbMalformedEventsLines(bad, first: firstBad), url, line: firstBad)
        }
    }

    /// The series, leaving out any whose key the run also logged in its history (that one is kept).
    func series(besides logged: [MetricSeries]) -> [MetricSeries] {
        let known = Set(logged.map(\.key))
        return metrics.series.filter { !known.contains($0.key) }
    }

    /// One warning at `url` when the history logged keys that are also system metric names.
    func warnClashes(with logged: [MetricSeries], at url: URL, context: ReaderContext) {
        let known = Set(logged.map(\.key))
        let clashing = metrics.series.map(\.key).filter(known.contains)
        guard let first = clashing.first else { return }
        context.warn(.wandbSystemMetricClash(first.name, more: clashing.count - 1), url)
    }
}
