import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteSite

/// Where `runsite diff` and `build --diff-with` get a summary from: a `runs.json` file, a site
/// folder (its `runs.json`), or folders of runs, which are read. A damaged `runs.json` gives
/// diagnostics naming the file; nothing in it can stop the command with a crash.
public enum SummarySources {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The `runs.json` a path names: the file itself, or a folder's `runs.json`; nil for a folder without one.
    static func summaryFile(_ path: String) -> URL? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        let url = URL(fileURLWithPath: path)
        if !isDirectory.boolValue { return url }
        let inside = url.appendingPathComponent("runs.json")
        return FileManager.default.fileExists(atPath: inside.path) ? inside : nil
    }

    /// The runs of `path`: its summary when it is one or holds one, else the runs read from it.
    public static func load(_ path: String, read: ReadRequest, log: DiagnosticLog) throws -> [RunRecord] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(description: "'\(path)' is neither a runs.json file nor a folder")
        }
        if let file = summaryFile(path) {
            guard let runs = parse(file: file, display: file.path == URL(fileURLWithPath: path).path ? path : (path as NSString).appendingPathComponent("runs.json"), log: log) else {
                throw Failure(description: "cannot read the summary '\(path)' (see the diagnostics above)")
            }
            return runs
        }
        var request = read
        request.inputs = [URL(fileURLWithPath: path)]
        let projects = try Pipeline.readProjects(request.inputs, format: request.format, options: request.readerOptions, log: log, summariesOnly: true)
        return projects.flatMap(\.runs).map(RunRecord.init)
    }

    /// The summary of a previous site for `build --diff-with`: nil, with a note, when the folder
    /// or its `runs.json` does not exist (a first build has no previous site), and nil with a
    /// warning when the file is damaged.
    public static func previousSite(_ path: String, log: DiagnosticLog) -> [RunRecord]? {
        guard let file = summaryFile(path) else {
            log.append(.note(.noPreviousSummary, at: SourceLocation(file: path)))
            return nil
        }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return parse(file: file, display: isDirectory.boolValue ? (path as NSString).appendingPathComponent("runs.json") : path, log: log)
    }

    /// Parses a `runs.json`; nil, with a warning at the line and column of the problem, when it is
    /// not one. An entry without an id is left out with a warning.
    static func parse(file: URL, display: String, log: DiagnosticLog) -> [RunRecord]? {
        guard let bytes = ByteReading.contents(of: file) else {
            log.warning(.unreadableSummary, at: SourceLocation(file: display))
            return nil
        }
        let value: JSONValue
        switch JSONParser.parse(bytes) {
        case .success(let v): value = v
        case .failure(let failure):
            let at = LineCounter.position(at: failure.offset, in: bytes)
            log.warning(.malformedSummary(failure.message), at: SourceLocation(file: display, line: at.line, column: at.column))
            return nil
        }
        guard let entries = value["runs"]?.array else {
            log.warning(.summaryWithoutRuns, at: SourceLocation(file: display))
            return nil
        }
        var runs: [RunRecord] = []
        for (i, entry) in entries.enumerated() {
            guard let id = entry["id"]?.string else {
                log.warning(.summaryRunWithoutID(i + 1), at: SourceLocation(file: display))
                continue
            }
            let statusText = entry["status"]?.string ?? "unknown"
            var record = RunRecord(id: RunID(id), project: entry["project"]?.string ?? "", projectPath: entry["project_path"]?.string ?? "",
                                   name: entry["name"]?.string ?? id, status: RunStatus(rawValue: statusText) ?? RunStatus(loose: statusText))
            for (key, param) in entry["params"]?.object ?? [] { record.params[key] = param.paramValue }
            for (key, metric) in entry["metrics"]?.object ?? [] {
                // min and max are of finite values only, as runs.json defines them.
                func finite(_ name: String) -> Double? { metric[name]?.number.flatMap { $0.isFinite ? $0 : nil } }
                record.metrics[key] = MetricRecord(count: Int(clamping: metric["count"]?.int ?? 0), last: metric["last"]?.number,
                                                   min: finite("min"), max: finite("max"), lastStep: metric["last_step"]?.int.map { Step($0) })
            }
            runs.append(record)
        }
        return runs
    }
}
