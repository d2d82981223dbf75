import Foundation
import RunsiteCore
import RunsiteModel

/// Sacred's `FileStorageObserver` (`sacred/observers/file_storage.py`): a base folder whose
/// subfolders (named by run id, normally 1, 2, 3, …) each hold `run.json`, `config.json`,
/// `metrics.json`, `cout.txt` and the artifacts.
///
/// The base folder is one project named after it; a run is named `<experiment name> #<id>`.
/// Every JSON file is rewritten whole at each heartbeat, so any of them can be found empty or cut
/// short: each is read on its own and a bad one only costs what it holds.
public struct SacredReader: RunReader {
    public let format = "sacred"
    public init() {}

    /// Folders of the base directory that are not runs.
    static let nonRunFolders: Set<String> = ["_sources", "_resources"]
    /// Files of a run folder that are Sacred's bookkeeping, not artifacts.
    static let bookkeeping: Set<String> = ["run.json", "config.json", "metrics.json", "info.json"]

    /// Claims the base folder; also a lone run folder (`run.json` with `config.json` and `metrics.json` or
    /// `cout.txt`) reached without its base, e.g. when the input is the run folder itself.
    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        if entries.contains("run.json") {
            return entries.contains("config.json") && (entries.contains("metrics.json") || entries.contains("cout.txt"))
        }
        for name in entries where !name.isEmpty && name.allSatisfy(\.isASCIIDigitCharacter) {
            if FilePaths.exists(directory.child(name).child("run.json")) { return true }
        }
        return false
    }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        if FilePaths.exists(directory.child("run.json")) {
            let projectName = directory.deletingLastPathComponent().lastPathComponent
            return [Project(name: projectName, runs: [readRun(directory, project: projectName, context: context)])]
        }
        let projectName = directory.lastPathComponent
        var runDirectories: [URL] = []
        for name in FilePaths.entries(of: directory) where !name.hasPrefix(".") && !Self.nonRunFolders.contains(name) {
            let runDirectory = directory.child(name)
            guard FilePaths.isDirectory(runDirectory) else { continue }
            let hasRunJSON = FilePaths.exists(runDirectory.child("run.json"))
            if !hasRunJSON {
                // A numbered folder without run.json: the observer died before its first write.
                guard name.allSatisfy(\.isASCIIDigitCharacter), FilePaths.exists(runDirectory.child("config.json")) else { continue }
                context.warn(.sacredMissingRunJSON, runDirectory)
            }
            runDirectories.append(runDirectory)
        }
        let runs = ParallelMap.map(runDirectories) { readRun($0, project: projectName, context: context) }
        return runs.isEmpty ? [] : [Project(name: projectName, runs: runs)]
    }

    func readRun(_ directory: URL, project: String, context: ReaderContext) -> Run {
        let runID = directory.lastPathComponent
        var run = Run(id: context.runID(of: directory), source: format, project: project, name: runID, directory: directory.path)
        run.projectPath = context.relativePath(directory.deletingLastPathComponent())
        let runJSON = directory.child("run.json")
        if let info = SacredJSON.read(runJSON, context: context) { SacredRunInfo.apply(info, to: &run, runID: runID, url: runJSON, context: context) }
        let configURL = directory.child("config.json")
        if let config = SacredJSON.read(configURL, context: context) {
            if case .object = config { SacredJSON.unpickled(config).flatten(into: &run.params) }
            else { context.warn(.sacredConfigNotObject, configURL, line: 1) }
        }
        var metrics = MetricAccumulator()
        let metricsURL = directory.child("metrics.json")
        if let value = SacredJSON.read(metricsURL, context: context) {
            SacredMetrics.read(value, url: metricsURL, into: &metrics, context: context)
        }
        run.metrics = metrics.series
        // `_run.info` (info.json) may hold a confusion matrix too; it is kept unless an artifact holds the same one.
        let infoURL = directory.child("info.json")
        var infoMatrix: ConfusionMatrix?
        if let info = SacredJSON.read(infoURL, context: context), let cm = info["confusion_matrix"] {
            infoMatrix = ConfusionMatrixJSON.decode(SacredJSON.unpickled(cm), name: "info.confusion_matrix")
            if let count = infoMatrix?.labels.count,
               !ConfusionLimits.admitsClasses(count, infoURL, format: "sacred", context: context) {
                infoMatrix = nil
            }
        }
        let cout = directory.child("cout.txt")
        if let text = ConsoleText.read(cout, context: context), !text.isEmpty {
            run.texts.append(RunText(name: "cout.txt", text: text))
        }
        readArtifacts(directory, into: &run, context: context)
        if let infoMatrix, !run.confusionMatrices.contains(where: { $0.labels == infoMatrix.labels && $0.counts == infoMatrix.counts }) {
            run.confusionMatrices.append(infoMatrix)
        }
        run.diskBytes = FilePaths.diskUsage(directory)
        run.lastActivity = [run.lastActivity, run.end, metrics.lastTime, run.start].compactMap { $0 }.max()
        return run
    }

    /// Artifacts sit flat in the run folder next to the bookkeeping files (cout.txt is listed too).
    private func readArtifacts(_ directory: URL, into run: inout Run, context: ReaderContext) {
        run.artifacts = ArtifactScanner.scan(directory, runRoot: directory, context: context)
            .filter { !Self.bookkeeping.contains($0.path) }
        for artifact in run.artifacts {
            if ArtifactScanner.isImage(artifact.path) {
                run.images.append(RunImage(name: artifact.path, content: .file(artifact.sourceFile)))
            } else if ConfusionMatrixJSON.isCandidate(artifact.path),
                      let matrix = ConfusionMatrixJSON.read(URL(fileURLWithPath: artifact.sourceFile), name: String(artifact.path.dropLast(5)),
                                                            reader: format, context: context) {
                run.confusionMatrices.append(matrix)
            }
        }
    }
}
