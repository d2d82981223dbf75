import Foundation
import RunsiteCore
import RunsiteModel

/// runsite's own format: a run is a directory holding `runsite.json` (see docs/format.md).
public struct RunsiteReader: RunReader {
    public let format = "runsite"
    public init() {}

    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        entries.contains("runsite.json")
    }

    /// A folder no other format claims that holds `metrics.csv` whose header starts with `step`, or
    /// `metrics.jsonl` whose first line is a JSON object, is a run named after its folder: a Hydra
    /// job written with `hydra.output_subdir=null`, or a hand-rolled logger.
    public func claimsUnclaimed(_ directory: URL, entries: Set<String>) -> Bool {
        if entries.contains("metrics.csv"), let line = TextFile.firstLine(of: directory.child("metrics.csv")),
           TextFile.headerNames(line, separator: UInt8(ascii: ",")).first == "step" { return true }
        if entries.contains("metrics.jsonl"), let line = TextFile.firstLine(of: directory.child("metrics.jsonl")),
           case .success(.object) = JSONParser.parse(line) { return true }
        return false
    }

    /// Runs of any format may sit in a run's other folders (a TensorBoard logdir in `logs/`).
    public func openFolders(of directory: URL) -> [URL] { subfolders(of: directory, except: ["confusion", "images", "artifacts"]) }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        let project = ProjectInfo.find(above: directory, inputRoot: context.inputRoot, context: context)
        var run = readRun(at: directory, projectName: project.name, context: context)
        run.project = project.name
        run.projectPath = context.relativePath(project.folder)
        return [Project(name: project.name, description: project.description, readme: project.readme, runs: [run])]
    }

    static let knownEntries: Set<String> = [
        "runsite.json", "params.json", "metrics.jsonl", "metrics.csv", "confusion", "images", "artifacts",
        "README.md", "notes.md",
    ]

    func readRun(at directory: URL, projectName: String, context: ReaderContext) -> Run {
        var run = Run(id: context.runID(of: directory), source: format, project: projectName,
                      name: directory.lastPathComponent, directory: directory.path)
        // Without runsite.json (a folder of bare metric files), other files are the user's own.
        let described = FilePaths.exists(directory.child("runsite.json"))
        if described { RunMetadataDecoder.apply(directory.child("runsite.json"), to: &run, context: context) }
        readParams(directory.child("params.json"), into: &run, context: context)
        var metrics = MetricAccumulator()
        let jsonl = directory.child("metrics.jsonl")
        if FilePaths.exists(jsonl) { MetricsJSONLDecoder.read(jsonl, into: &metrics, context: context) }
        let csv = directory.child("metrics.csv")
        if FilePaths.exists(csv) { MetricsCSVDecoder.read(csv, into: &metrics, context: context) }
        run.metrics = metrics.series
        run.confusionMatrices = ConfusionDecoder.readAll(in: directory.child("confusion"), context: context)
        run.images = readImages(directory.child("images"), runRoot: directory, context: context)
        run.artifacts = ArtifactScanner.scan(directory.child("artifacts"), runRoot: directory, context: context)
        run.diskBytes = FilePaths.diskUsage(directory)
        run.lastActivity = [run.end, metrics.lastTime, run.start].compactMap { $0 }.max()
        for name in FilePaths.entries(of: directory) where described && !Self.knownEntries.contains(name) && !name.hasPrefix(".") {
            context.warn(.runsiteUnknownFile(name), directory.child(name))
        }
        return run
    }

    private func readParams(_ url: URL, into run: inout Run, context: ReaderContext) {
        guard FilePaths.exists(url) else { return }
        guard let value = JSONParser.readFile(url, context: context, invalid: { .malformedJSON(format: "runsite", $0) }) else { return }
        guard case .object = value else {
            return context.warn(.runsiteParamsNotObject, url, line: 1)
        }
        value.flatten(into: &run.params)
    }

    private func readImages(_ directory: URL, runRoot: URL, context: ReaderContext) -> [RunImage] {
        guard FilePaths.isDirectory(directory) else { return [] }
        let files = FilePaths.files(under: directory, confinedTo: runRoot) { url in
            context.warn(.symlinkOutsideRun, url)
        }
        return files.filter(ArtifactScanner.isImage).map { rel in
            RunImage(name: rel, content: .file(directory.child(rel).path))
        }
    }
}

/// 1-based line number of a byte offset, for diagnostics about whole-file JSON.
public enum LineCounter {
    public static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        position(at: offset, in: bytes).line
    }

    /// The 1-based line and column (in bytes) of a byte offset.
    public static func position(at offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        return (line, max(offset, lineStart) - lineStart + 1)
    }
}
