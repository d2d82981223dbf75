import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders

/// Compares runs read by runsite with an expected summary written by a logger's own reader
/// (`Tests/Fixtures/<format>/expected*.json`, the `RunSummaryJSON` shape). Numbers must be equal exactly;
/// NaN equals NaN; non-finite values are the strings "NaN", "Infinity", "-Infinity".
enum SummaryComparison {
    /// The package's `Tests/Fixtures` folder.
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// `../shared/corpora/<name>` relative to the package root, or nil when it is not on this machine.
    static func sharedCorpus(_ name: String) -> URL? {
        let url = fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/corpora/\(name)").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Every run under `input`, read by discovery with all readers, and the diagnostics it gave.
    static func readRuns(_ input: URL) -> (runs: [Run], log: DiagnosticLog) {
        let log = DiagnosticLog()
        let projects = Discovery(readers: Readers.all).readProjects(in: [input], log: log)
        return (projects.flatMap(\.runs), log)
    }

    /// Human-readable differences between `runs` and the expected summary file; empty when they agree.
    static func differences(_ runs: [Run], expectedFile: URL) -> [String] {
        guard let bytes = FileManager.default.contents(atPath: expectedFile.path) else { return ["cannot read \(expectedFile.path)"] }
        switch JSONParser.parse([UInt8](bytes)) {
        case .success(let value): return differences(runs, expected: value)
        case .failure(let failure): return ["\(expectedFile.lastPathComponent): invalid JSON: \(failure.message)"]
        }
    }

    static func differences(_ runs: [Run], expected: JSONValue) -> [String] {
        var problems: [String] = []
        let expectedRuns = expected["runs"]?.array ?? []
        let byID = Dictionary(runs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let expectedIDs = Set(expectedRuns.compactMap { $0["id"]?.string })
        for id in byID.keys.sorted() where !expectedIDs.contains(id) { problems.append("unexpected run \(id)") }
        if byID.count != runs.count { problems.append("duplicate run ids") }
        for item in expectedRuns {
            let id = item["id"]?.string ?? "?"
            guard let run = byID[id] else { problems.append("missing run \(id)"); continue }
            problems += compare(run, with: item).map { "\(id): \($0)" }
        }
        return problems
    }

    static func compare(_ run: Run, with item: JSONValue) -> [String] {
        var problems: [String] = []
        func check(_ field: String, _ actual: String) {
            let wanted = item[field]?.string
            if wanted != actual { problems.append("\(field) is '\(actual)', expected '\(wanted ?? "nil")'") }
        }
        check("source", run.source)
        check("project", run.project)
        check("name", run.name)
        check("status", run.status.rawValue)
        let tags = (item["tags"]?.array ?? []).compactMap(\.string)
        if tags != run.tags { problems.append("tags are \(run.tags), expected \(tags)") }

        let params = item["params"]?.object ?? []
        let expectedKeys = Set(params.map(\.0))
        for key in run.params.keys where !expectedKeys.contains(key) { problems.append("unexpected param \(key)") }
        for (key, wanted) in params {
            guard let actual = run.params[key] else { problems.append("missing param \(key)"); continue }
            if !same(actual, wanted) { problems.append("param \(key) is \(actual), expected \(wanted)") }
        }

        let metrics = item["metrics"]?.object ?? []
        let expectedMetrics = Set(metrics.map(\.0))
        for series in run.metrics where !expectedMetrics.contains(series.key) {
            problems.append("unexpected metric \(series.key) (\(series.count) points)")
        }
        for (key, wanted) in metrics {
            guard let series = run.metric(key) else { problems.append("missing metric \(key)"); continue }
            let summary = series.summary
            if Int64(summary.count) != wanted["count"]?.int { problems.append("metric \(key) count \(summary.count), expected \(wanted["count"] ?? .null)") }
            for (field, value) in [("first", summary.first), ("last", summary.last), ("min", summary.min), ("max", summary.max)] {
                if !same(value, wanted[field]) {
                    problems.append("metric \(key) \(field) \(value.map(NumberText.exact) ?? "null"), expected \(wanted[field] ?? .null)")
                }
            }
            if summary.lastStep != wanted["last_step"]?.int {
                problems.append("metric \(key) last_step \(summary.lastStep.map(String.init) ?? "null"), expected \(wanted["last_step"] ?? .null)")
            }
        }
        return problems
    }

    /// Exact equality of an optional number with an expected JSON number, null, or non-finite string.
    static func same(_ actual: Double?, _ wanted: JSONValue?) -> Bool {
        guard let actual else { return wanted == nil || wanted == .null }
        guard let wanted, let number = wanted.number else { return false }
        return actual == number || (actual.isNaN && number.isNaN)
    }

    /// Params compare by kind (an integer is not a double) and value.
    static func same(_ actual: ParamValue, _ wanted: JSONValue) -> Bool {
        switch (actual, wanted) {
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.double(a), .string): return !a.isFinite && same(a, wanted)   // "NaN", "Infinity", "-Infinity"
        case let (.string(a), .string(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }
}
