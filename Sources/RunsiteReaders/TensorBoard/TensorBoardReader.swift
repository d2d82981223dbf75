import Foundation
import RunsiteCore
import RunsiteModel

/// TensorBoard event files (formats.md §2). A **run** is a directory directly holding files whose name
/// contains `tfevents`; the **log dir** (the claimed directory) is the project.
///
/// Claim rule: a directory is claimed when it directly holds event files, or when one of its direct
/// subdirectories does. So for `logs/run-a/events…` the claim is `logs/` (the usual `--logdir`), not each
/// run on its own; every run below the claim, at any depth (`run-a/loss_compare/train`), is then read.
/// A log dir whose runs sit two levels down (`logs/group/run/events…`) becomes one project per group.
public struct TensorBoardReader: RunReader {
    public let format = "tensorboard"
    public init() {}

    /// Whether a file name is an event file TensorBoard reads. `*.profile-empty` files, left by TF's
    /// profiler, hold no summaries and TensorBoard skips them too.
    static func isEventFile(_ name: String) -> Bool {
        name.contains("tfevents") && !name.hasSuffix(".profile-empty") && !name.hasPrefix(".")
    }

    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        if entries.contains(where: { Self.isEventFile($0) && !FilePaths.isDirectory(directory.appendingPathComponent($0)) }) {
            return true
        }
        for name in entries where !name.hasPrefix(".") {
            let child = directory.appendingPathComponent(name)
            guard FilePaths.isDirectory(child) else { continue }
            if FilePaths.entries(of: child).contains(where: { Self.isEventFile($0) }) { return true }
        }
        return false
    }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        let project = directory.standardizedFileURL.lastPathComponent
        let runDirectories = Self.runDirectories(under: directory, context: context)
        let runs = ParallelMap.map(runDirectories) { item in
            readRun(item.0, eventFiles: item.1, logdir: directory, project: project, context: context)
        }
        return runs.isEmpty ? [] : [Project(name: project, runs: runs)]
    }

    /// Every directory at or below `logdir` that directly holds event files, with those files sorted by
    /// name (TensorBoard's loading order). Hidden directories are not walked.
    static func runDirectories(under logdir: URL, context: ReaderContext) -> [(URL, [String])] {
        var result: [(URL, [String])] = []
        func walk(_ directory: URL, depth: Int) {
            guard depth < 32 else { return }
            var files: [String] = []
            for name in FilePaths.entries(of: directory) where !name.hasPrefix(".") {
                let url = directory.appendingPathComponent(name)
                if FilePaths.isDirectory(url) {
                    guard FilePaths.isInside(url, root: context.inputRoot) else {
                        context.warn("reader.symlink-outside-run", "symlink points outside the input and is skipped", url)
                        continue
                    }
                    walk(url, depth: depth + 1)
                } else if isEventFile(name) {
                    files.append(name)
                }
            }
            if !files.isEmpty { result.append((directory, files.sorted())) }
        }
        walk(logdir, depth: 0)
        return result.sorted { $0.0.path < $1.0.path }
    }

    func readRun(_ directory: URL, eventFiles: [String], logdir: URL, project: String, context: ReaderContext) -> Run {
        let id = context.relativePath(directory)
        let relative = FilePaths.relative(directory.standardizedFileURL.path, to: logdir.standardizedFileURL.path)
        var run = Run(id: id == "." ? directory.lastPathComponent : id, source: format, project: project,
                      name: relative == "." ? directory.lastPathComponent : relative, directory: directory.path)
        var accumulator = EventAccumulation(runDirectory: directory, context: context)
        for name in eventFiles {
            accumulator.readFile(directory.appendingPathComponent(name))
        }
        accumulator.finish(into: &run)
        run.diskBytes = eventFiles.reduce(0) { $0 + FilePaths.size(directory.appendingPathComponent($1)) }
        return run
    }
}
