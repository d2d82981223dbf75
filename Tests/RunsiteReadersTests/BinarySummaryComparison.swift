import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders

/// Shared helpers of the fidelity tests: read a fixture with every reader, and compare the runs with an
/// `expected-summary.json` written by the logger's own reader (see each fixture's `make_expected.py`).
enum BinarySummaryComparison {
    /// `Tests/Fixtures/<path>`.
    static func fixture(_ path: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    /// Every run found under `input` by discovery with all readers, and the diagnostics.
    static func read(_ input: URL) -> (runs: [Run], log: DiagnosticLog) {
        let log = DiagnosticLog()
        let projects = Discovery(readers: Readers.all).readProjects(in: [input], log: log)
        return (projects.flatMap(\.runs).sorted { $0.id < $1.id }, log)
    }

    /// Every difference between `runs` and the expected summary, as readable lines (empty when equal).
    static func mismatches(_ runs: [Run], expected url: URL) -> [String] {
        guard let bytes = ByteReading.contents(of: url), case .success(let json) = JSONParser.parse(bytes) else {
            return ["cannot read \(url.path)"]
        }
        var problems: [String] = []
        let expectedRuns = json["runs"]?.array ?? []
        let byID = Dictionary(runs.map { ($0.id.path, $0) }, uniquingKeysWith: { a, _ in a })
        let expectedIDs = expectedRuns.compactMap { $0["id"]?.string }
        if Set(expectedIDs) != Set(byID.keys) {
            problems.append("run ids differ: expected \(expectedIDs.sorted()), got \(byID.keys.sorted())")
        }
        for expected in expectedRuns {
            guard let id = expected["id"]?.string, let run = byID[id] else { continue }
            func check(_ what: String, _ want: String?, _ got: String) {
                if want != got { problems.append("\(id): \(what) expected \(want ?? "nil"), got \(got)") }
            }
            check("source", expected["source"]?.string, run.source)
            check("project", expected["project"]?.string, run.project)
            check("name", expected["name"]?.string, run.name)
            check("status", expected["status"]?.string, run.status.rawValue)
            let wantTags = (expected["tags"]?.array ?? []).compactMap(\.string)
            if wantTags != run.tags { problems.append("\(id): tags expected \(wantTags), got \(run.tags)") }
            let wantParams = expected["params"]?.object ?? []
            if Set(wantParams.map(\.0)) != Set(run.params.keys) {
                problems.append("\(id): param keys expected \(wantParams.map(\.0).sorted()), got \(run.params.keys.sorted())")
            }
            for (key, value) in wantParams {
                guard let got = run.params[key] else { continue }
                if !same(value.paramValue, got) { problems.append("\(id): param \(key) expected \(value.paramValue), got \(got)") }
            }
            let wantMetrics = expected["metrics"]?.object ?? []
            let gotMetrics = Dictionary(run.metrics.map { ($0.key.name, $0.summary) }, uniquingKeysWith: { a, _ in a })
            if Set(wantMetrics.map(\.0)) != Set(gotMetrics.keys) {
                problems.append("\(id): metric keys expected \(wantMetrics.map(\.0).sorted()), got \(gotMetrics.keys.sorted())")
            }
            for (key, want) in wantMetrics {
                guard let got = gotMetrics[key] else { continue }
                func number(_ field: String, _ value: Double?) {
                    let w = want[field].flatMap { $0 == .null ? nil : $0.number }
                    if !same(w, value) { problems.append("\(id): \(key).\(field) expected \(w.map { "\($0)" } ?? "nil"), got \(value.map { "\($0)" } ?? "nil")") }
                }
                if want["count"]?.int != Int64(got.count) { problems.append("\(id): \(key).count expected \(want["count"]?.int ?? -1), got \(got.count)") }
                number("first", got.first)
                number("last", got.last)
                number("min", got.min)
                number("max", got.max)
                if want["last_step"]?.int != got.lastStep?.value { problems.append("\(id): \(key).last_step expected \(want["last_step"]?.int ?? -1), got \(got.lastStep?.value ?? -1)") }
            }
        }
        return problems
    }

    /// Exact equality, NaN equal to NaN.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || (x.isNaN && y.isNaN)
        default: return false
        }
    }

    static func same(_ a: ParamValue, _ b: ParamValue) -> Bool {
        if case .double(let x) = a, case .double(let y) = b { return same(x, y) }
        return a == b
    }
}
