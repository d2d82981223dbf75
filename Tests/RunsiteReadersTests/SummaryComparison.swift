import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import Testing

/// Shared helpers of the fidelity tests: read a fixture with every reader, and compare the runs with an
/// `expected-summary.json` written by the logger's own reader (see each fixture's `make_expected.py`).
enum SummaryComparison {
    /// `Tests/Fixtures/<path>`.
    static func fixture(_ path: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    /// `../shared/corpora/<name>` relative to the package root (skipped by callers when absent).
    static func sharedCorpus(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpora").appendingPathComponent(name)
    }

    /// Every run found under `input` by `Readers.all`, sorted by id, and the diagnostics.
    static func read(_ input: URL, options: ReaderOptions = ReaderOptions()) -> (runs: [Run], log: DiagnosticLog) {
        let log = DiagnosticLog()
        let projects = Discovery(readers: Readers.all).readProjects(in: [input], options: options, log: log)
        return (projects.flatMap(\.runs).sorted { $0.id < $1.id }, log)
    }

    static func expected(_ url: URL) throws -> JSONValue {
        let bytes = try #require(ByteReading.contents(of: url), "cannot read \(url.path)")
        switch JSONParser.parse(bytes) {
        case .success(let value): return value
        case .failure(let failure): throw Mismatch(description: "\(url.lastPathComponent): \(failure.message)")
        }
    }

    struct Mismatch: Error, CustomStringConvertible { var description: String }

    /// Compares every run, param, tag and metric summary number, exactly (NaN equals NaN).
    static func compare(_ runs: [Run], with expected: JSONValue, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let wanted = expected["runs"]?.array ?? []
        #expect(runs.map(\.id.path) == wanted.compactMap { $0["id"]?.string }, "run ids", sourceLocation: sourceLocation)
        for item in wanted {
            guard let id = item["id"]?.string, let run = runs.first(where: { $0.id.path == id }) else { continue }
            for field in ["source", "project", "name", "status"] {
                let actual = field == "source" ? run.source : field == "project" ? run.project : field == "name" ? run.name : run.status.rawValue
                #expect(actual == item[field]?.string, "\(id): \(field)", sourceLocation: sourceLocation)
            }
            let params = item["params"]?.object ?? []
            #expect(run.params.keys.sorted() == params.map(\.0).sorted(), "\(id): param keys", sourceLocation: sourceLocation)
            for (key, value) in params {
                #expect(same(run.params[key], value), "\(id): param \(key) = \(String(describing: run.params[key])), expected \(value.compactText)",
                        sourceLocation: sourceLocation)
            }
            #expect(run.tags == (item["tags"]?.array ?? []).compactMap(\.string), "\(id): tags", sourceLocation: sourceLocation)
            let metrics = item["metrics"]?.object ?? []
            #expect(run.metrics.map(\.key.name).sorted() == metrics.map(\.0).sorted(), "\(id): metric keys", sourceLocation: sourceLocation)
            for (key, numbers) in metrics {
                guard let series = run.metric(MetricKey(key)) else { continue }
                let s = series.summary
                #expect(Int64(s.count) == numbers["count"]?.int, "\(id): \(key) count", sourceLocation: sourceLocation)
                let pairs: [(String, Double?)] = [("first", s.first), ("last", s.last), ("min", s.min), ("max", s.max)]
                for (name, value) in pairs {
                    #expect(same(value, numbers[name]), "\(id): \(key) \(name) = \(String(describing: value)), expected \(numbers[name]?.compactText ?? "nil")",
                            sourceLocation: sourceLocation)
                }
                #expect(s.lastStep?.value == numbers["last_step"]?.int, "\(id): \(key) last_step", sourceLocation: sourceLocation)
            }
        }
    }

    /// A summary number against its JSON form: a number, "NaN"/"Infinity"/"-Infinity", or null.
    static func same(_ value: Double?, _ json: JSONValue?) -> Bool {
        guard let json, json != .null else { return value == nil }
        guard let value, let expected = json.number else { return false }
        return value == expected || (value.isNaN && expected.isNaN)
    }

    static func same(_ value: ParamValue?, _ json: JSONValue) -> Bool {
        switch (value, json) {
        case (.int(let a)?, .int(let b)): return a == b
        case (.double(let a)?, .double(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.double(let a)?, .int(let b)): return a == Double(b)
        case (.string(let a)?, .string(let b)): return a == b
        case (.bool(let a)?, .bool(let b)): return a == b
        case (.null?, .null): return true
        default: return false
        }
    }

    /// Whether some warning has this id and names a file ending in `file` (and the line, when given).
    static func hasWarning(_ log: DiagnosticLog, id: String, file: String, line: Int? = nil) -> Bool {
        log.sorted.contains { d in
            d.id == id && (d.location?.file.hasSuffix(file) ?? false) && (line == nil || d.location?.line == line)
        }
    }

    enum Damage: CaseIterable { case truncated, garbage, empty }

    /// Copies `fixture` to a temporary folder and damages every file in it (cut in half, replaced by
    /// pseudo-random bytes, or emptied); returns the copy.
    static func damagedCopy(of fixture: URL, _ damage: Damage) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-damaged-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixture, to: root)
        var seed: UInt64 = 0x9E3779B97F4A7C15
        for path in FilePaths.files(under: root, confinedTo: root) {
            let url = root.appendingPathComponent(path)
            guard let bytes = ByteReading.contents(of: url) else { continue }
            let damaged: [UInt8]
            switch damage {
            case .truncated: damaged = Array(bytes.prefix(bytes.count / 2))
            case .empty: damaged = []
            case .garbage:
                damaged = (0..<max(64, bytes.count / 4)).map { _ in
                    seed = seed &* 6364136223846793005 &+ 1442695040888963407
                    return UInt8(truncatingIfNeeded: seed >> 33)
                }
            }
            try Data(damaged).write(to: url)
        }
        return root
    }

    /// Reads every damaged variant of a fixture: nothing may crash, and every diagnostic names a file.
    static func survivesDamage(_ fixture: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for damage in Damage.allCases {
            let copy = try damagedCopy(of: fixture, damage)
            defer { try? FileManager.default.removeItem(at: copy) }
            let (_, log) = read(copy)
            #expect(log.sorted.allSatisfy { $0.location != nil }, "\(damage): diagnostics without a file", sourceLocation: sourceLocation)
            // Garbage may no longer look like the format at all, and empty files may be silently empty.
            #expect(log.count > 0 || damage != .truncated, "\(damage): no warning at all", sourceLocation: sourceLocation)
        }
    }
}
