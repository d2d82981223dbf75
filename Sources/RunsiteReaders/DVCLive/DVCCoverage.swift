import Foundation
import RunsiteCore

/// Which top-level `metrics:` and `plots:` paths of a `dvc.yaml` no DVCLive run covers. DVCLive writes
/// its own paths there (`metrics: [dvclive/metrics.json]`, `plots: [dvclive/plots/metrics: {x: step}]`);
/// a path that does not exist (the folder was not committed, or was deleted) or that lies in no folder
/// runsite reads as a DVCLive run (metrics written by a pipeline stage) shows nothing on the site, so
/// each gets a warning at its line of `dvc.yaml`.
///
/// The warnings are given once per `dvc.yaml`: by the first run (by path) that holds a declared path
/// when some path is covered, else by the reader's claim of the folder holding `dvc.yaml`
/// (`DVCLiveReader.claimsUnclaimed`).
enum DVCCoverage {
    /// The DVCLive folder holding `url` (at or above it, no higher than the `dvc.yaml` folder), or nil.
    static func coveringRun(of url: URL, in file: DVCProjectFile) -> URL? {
        guard FilePaths.exists(url) else { return nil }
        var folder = FilePaths.isDirectory(url) ? url : url.deletingLastPathComponent()
        let top = file.directory.path
        while folder.path == top || folder.path.hasPrefix(top + "/") {
            if FilePaths.isDirectory(folder), DVCLiveReader().claims(folder, entries: Set(FilePaths.entries(of: folder))) {
                return folder
            }
            if folder.path == top { break }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The covering runs of the declared paths (standardized paths), and the uncovered entries.
    static func coverage(_ file: DVCProjectFile) -> (runs: Set<String>, uncovered: [(section: String, path: String, url: URL)]) {
        var runs = Set<String>()
        var uncovered: [(section: String, path: String, url: URL)] = []
        for entry in file.declared {
            if let run = coveringRun(of: entry.url, in: file) { runs.insert(run.standardizedFileURL.path) } else { uncovered.append(entry) }
        }
        return (runs, uncovered)
    }

    /// Warns about each uncovered path, at the line of `dvc.yaml` that names it.
    static func warn(_ uncovered: [(section: String, path: String, url: URL)], in file: DVCProjectFile, context: ReaderContext) {
        let yaml = file.directory.child("dvc.yaml")
        let lines = ByteReading.contents(of: yaml).map { String(decoding: $0, as: UTF8.self).components(separatedBy: "\n") } ?? []
        for entry in uncovered {
            let why = FilePaths.exists(entry.url) ? "holds no DVCLive run, so runsite reads nothing from it"
                                                  : "does not exist, so no run is read from it"
            let line = lines.firstIndex { Self.names(entry.path, $0) }.map { $0 + 1 }
            context.warn(.dvcUncoveredPath(section: entry.section, entry.path, why), yaml, line: line)
        }
    }

    /// Whether a YAML line is the list item of `path` (`- path`, `- path:`, `- path: {x: step}`, quoted or not).
    private static func names(_ path: String, _ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("-") else { return false }
        let item = text.dropFirst().trimmingCharacters(in: .whitespaces)
        return [path, "'\(path)'", "\"\(path)\""].contains { item == $0 || item.hasPrefix($0 + ":") }
    }

    /// For a run reading `file`: the warnings, when this run is the first covering run. Every run of a
    /// project reads the same `dvc.yaml`, so the question is answered cheaply: a run is first when it
    /// holds a declared path and no path sorting before it lies in another run; a run that is not
    /// first usually learns so from the first path it checks.
    static func warnIfFirst(run directory: URL, file: DVCProjectFile, context: ReaderContext) {
        let run = directory.standardizedFileURL.path
        func inRun(_ path: String) -> Bool { path == run || path.hasPrefix(run + "/") }
        guard file.declared.contains(where: { inRun($0.url.path) }) else { return }
        for entry in file.declared.sorted(by: { $0.url.path < $1.url.path }) {
            guard entry.url.path < run else { break }
            if !inRun(entry.url.path), coveringRun(of: entry.url, in: file) != nil { return }
        }
        let uncovered = coverage(file).uncovered
        if !uncovered.isEmpty { warn(uncovered, in: file, context: context) }
    }
}
