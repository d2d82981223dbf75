import Foundation
import RunsiteCore
import RunsiteModel

/// Rebuilds a run from its `.wandb` records, in file order (as wandb's `sdk/internal/handler.py` replays them):
///
/// - **History**: each HistoryRecord is one row. `_step` (else `step.num`) is the step, `_timestamp` the
///   time, `_runtime` is ignored; every other numeric value is a point of the metric named by its key
///   (nested keys joined with `.`). Strings, booleans and media objects (`_type`) are not metrics.
/// - **Summary**: RunRecord.summary, then SummaryRecords in order. Numeric summary values whose key never
///   appears in history (`run.summary["best"] = …`) become one-point series at the last history step.
/// - **Config**: RunRecord.config, then ConfigRecords in order; `_wandb` (internal) is dropped.
/// - **Status**: `exit` with code 0 → finished, other codes → failed; `preempting` → killed; no `exit`
///   yet → running when the log changed in the last `staleAfter` seconds, else failed (crashed).
struct WandBRunBuilder {
    var info: WandBRunInfo?
    var config = JSONObjectTree()
    var summary = JSONObjectTree()
    var metrics = MetricAccumulator()
    /// `stats` records (WandBSystemMetrics), kept apart so that they follow the history's metrics.
    var system = WandBSystemMetrics()
    /// Media referenced from history: path under `files/` → (key, step).
    var media: [String: (key: String, step: Int64, type: String)] = [:]
    var exitCode: Int64?
    var exitRuntime: Int64?
    var preempted = false
    var username: String?
    var lastStep: Int64?
    var lastTimestamp: Double?
    /// Rows whose values could not be parsed, reported once per run with the first record's offset.
    var badValues = 0
    var firstBadValue: (offset: Int, raw: String)?
    /// Values whose `nested_key` path is deeper than `InputLimits.depth`, skipped; the first record's offset.
    var deepValues = 0
    var firstDeepValue: Int?

    /// A run without an exit record counts as still running when its log changed this recently.
    static let staleAfter: Double = 15 * 60

    static let axes: Set<String> = ["_step", "_timestamp", "_runtime"]

    mutating func apply(_ record: WandBRecord, offset: Int) {
        switch record {
        case .run(let run):
            info = run
            setAll(run.config, inConfig: true, offset: offset)
            setAll(run.summary, inConfig: false, offset: offset)
        case .history(let items, let step):
            history(items, step: step, offset: offset)
        case .summary(let update, let remove):
            setAll(update, inConfig: false, offset: offset)
            for path in remove { summary.remove(path[...]) }
        case .config(let update, let remove):
            setAll(update, inConfig: true, offset: offset)
            for path in remove { config.remove(path[...]) }
        case .exit(let code, let runtime):
            exitCode = code
            exitRuntime = runtime
        case .preempting:
            preempted = true
        case .stats(let items, let time):
            var values: [(String, JSONValue)] = []
            for item in items {
                guard let value = item.value else { noteBadValue(item, offset: offset); continue }
                values.append((item.path.joined(separator: "."), value))
            }
            system.add(values, time: time ?? .nan)
        case .environment(let user, let email):
            if let user, !user.isEmpty { username = user } else if let email, !email.isEmpty, username == nil { username = email }
        case .other:
            break
        }
    }

    private mutating func setAll(_ items: [WandBItem], inConfig: Bool, offset: Int) {
        for item in items {
            guard let value = item.value else { noteBadValue(item, offset: offset); continue }
            guard item.path.count <= InputLimits.depth else { noteDeepValue(offset: offset); continue }
            if inConfig { config.set(item.path[...], to: value) } else { summary.set(item.path[...], to: value) }
        }
    }

    private mutating func noteBadValue(_ item: WandBItem, offset: Int) {
        badValues += 1
        if firstBadValue == nil { firstBadValue = (offset, item.raw) }
    }

    private mutating func noteDeepValue(offset: Int) {
        deepValues += 1
        if firstDeepValue == nil { firstDeepValue = offset }
    }

    private mutating func history(_ items: [WandBItem], step recordStep: Int64?, offset: Int) {
        let row = JSONObjectTree()
        for item in items {
            guard let value = item.value else { noteBadValue(item, offset: offset); continue }
            guard item.path.count <= InputLimits.depth else { noteDeepValue(offset: offset); continue }
            row.set(item.path[...], to: value)
        }
        let step = row["_step"]?.int ?? recordStep ?? (lastStep.map { $0 + 1 } ?? 0)
        let time = row["_timestamp"]?.number ?? .nan
        lastStep = step
        if time.isFinite { lastTimestamp = time }
        for (key, value) in row.value.object ?? [] where !Self.axes.contains(key) {
            emit(key, value, step: step, time: time)
        }
    }

    private mutating func emit(_ key: String, _ value: JSONValue, step: Int64, time: Double) {
        switch value {
        case .int(let i): metrics.append(key, step: step, value: Double(i), time: time)
        case .double(let d): metrics.append(key, step: step, value: d, time: time)
        case .object(let pairs):
            if let type = value.wandbMediaType {
                if let path = value["path"]?.string { media[path] = (key, step, type) }
                return
            }
            for (k, v) in pairs { emit(key + "." + k, v, step: step, time: time) }
        default: break  // strings, booleans, null, arrays: not plotted
        }
    }

    /// Numeric summary leaves (dotted keys), skipping internal `_…` keys and media.
    func summaryNumbers() -> [(String, Double)] {
        var out: [(String, Double)] = []
        func walk(_ key: String, _ value: JSONValue) {
            switch value {
            case .int(let i): out.append((key, Double(i)))
            case .double(let d): out.append((key, d))
            case .object(let pairs) where value.wandbMediaType == nil:
                for (k, v) in pairs { walk(key + "." + k, v) }
            default: break
            }
        }
        for (key, value) in summary.value.object ?? [] where !key.hasPrefix("_") { walk(key, value) }
        return out
    }

    /// Fills `run` with what the records said.
    func finish(into run: inout Run, logModified: Double?, now: Double) {
        if let info {
            if !info.displayName.isEmpty { run.name = info.displayName } else if !info.runID.isEmpty { run.name = info.runID }
            run.tags = info.tags
            run.notes = info.notes.isEmpty ? nil : info.notes
            run.group = info.group.isEmpty ? nil : info.group
            run.host = info.host.isEmpty ? nil : info.host
            run.start = info.startTime
            for (label, value) in [("run_id", info.runID), ("entity", info.entity), ("job_type", info.jobType),
                                   ("sweep_id", info.sweepID)] where !value.isEmpty {
                run.labels[label] = value
            }
        }
        run.user = username
        var configTree = config.value
        configTree.remove(["_wandb"])
        configTree.flatten(into: &run.params)
        var accumulator = metrics
        let known = Set(accumulator.series.map(\.key))
        for (key, value) in summaryNumbers() where !known.contains(MetricKey(key)) {
            accumulator.append(key, step: lastStep ?? 0, value: value, time: lastTimestamp ?? .nan)
        }
        run.metrics = accumulator.series
        run.metrics += system.series(besides: run.metrics)
        run.lastActivity = [lastTimestamp, run.start].compactMap { $0 }.max()
        if let code = exitCode {
            run.status = code == 0 ? .finished : .failed
            if let start = run.start, let runtime = exitRuntime, runtime > 0 { run.end = start + Double(runtime) }
            else { run.end = lastTimestamp }
        } else if preempted {
            run.status = .killed
        } else if let modified = logModified {
            run.status = now - modified < Self.staleAfter ? .running : .failed
        }
    }
}
