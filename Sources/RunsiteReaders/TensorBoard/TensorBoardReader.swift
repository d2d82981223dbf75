import Foundation
import RunsiteCore
import RunsiteModel

/// TensorBoard event files (`Event` records of `tensorboard/compat/proto/event.proto` in TFRecord
/// framing, see `TFRecordReader`). A **run** is a directory directly holding files whose name
/// contains `tfevents`; the **log dir** (the claimed directory) is the project, named after its folder.
///
/// Claim rule (TensorBoard has no marker for a log dir, so it is inferred):
/// a directory is claimed when it directly holds event files, or when at least one direct subdirectory
/// directly holds event files **and every** non-hidden direct subdirectory holds event files within two
/// levels (itself, a child or a grandchild). So for `logs/run-a/events…` the claim is `logs/` (the usual
/// `--logdir`), and every run below it, at any depth (`run-a/loss_compare/train`), is read. The "every"
/// part keeps the rule from swallowing an input that holds a TensorBoard log dir next to other formats
/// (`mlruns/`, `wandb/`): there discovery walks on and claims the log dir itself. The price: a log dir
/// with an unrelated subdirectory (`checkpoints/`) is not claimed as a whole, and each run directory
/// then becomes a project of its own. A log dir whose runs sit two levels down
/// (`logs/group/run/events…`) becomes one project per group.
public struct TensorBoardReader: RunReader {
    public let format = "tensorboard"
    public init() {}

    /// Whether a file name is an event file TensorBoard reads. `*.profile-empty` files, left by TF's
    /// profiler, hold no summaries and TensorBoard skips them too.
    static func isEventFile(_ name: String) -> Bool {
        name.contains("tfevents") && !name.hasSuffix(".profile-empty") && !name.hasPrefix(".")
    }

    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        if entries.contains(where: { Self.isEventFile($0) && !FilePaths.isDirectory(directory.child($0)) }) {
            return true
        }
        var someChildHoldsEvents = false
        for name in entries.sorted() where !name.hasPrefix(".") {
            let child = directory.child(name)
            guard FilePaths.isDirectory(child) else { continue }
            let names = FilePaths.entries(of: child)
            if names.contains(where: Self.isEventFile) { someChildHoldsEvents = true; continue }
            guard Self.holdsEvents(child, names: names, depth: 2) else { return false }
        }
        return someChildHoldsEvents
    }

    /// Whether a directory (with the given entries) or one of its subdirectories down to `depth` more
    /// levels directly holds event files.
    static func holdsEvents(_ directory: URL, names: [String], depth: Int) -> Bool {
        if names.contains(where: isEventFile) { return true }
        guard depth > 0 else { return false }
        for name in names where !name.hasPrefix(".") {
            let child = directory.child(name)
            if FilePaths.isDirectory(child), holdsEvents(child, names: FilePaths.entries(of: child), depth: depth - 1) { return true }
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

    /// One unit per run directory, so that runs are read in parallel across the whole build and each
    /// is thinned as soon as it is read (memory follows what is drawn, not the size of the logdir).
    public func units(of directory: URL, context: ReaderContext) -> [ReadUnit] {
        Self.runDirectories(under: directory, context: context).map { ReadUnit(claim: directory, item: $0.0) }
    }

    public func read(_ unit: ReadUnit, context: ReaderContext) -> [Project] {
        let project = unit.claim.standardizedFileURL.lastPathComponent
        let files = FilePaths.entries(of: unit.item).filter { Self.isEventFile($0) && !FilePaths.isDirectory(unit.item.child($0)) }
        guard !files.isEmpty else { return [] }
        return [Project(name: project, runs: [readRun(unit.item, eventFiles: files.sorted(), logdir: unit.claim, project: project, context: context)])]
    }

    /// Every directory at or below `logdir` that directly holds event files, with those files sorted by
    /// name (TensorBoard's loading order). Hidden directories are not walked.
    static func runDirectories(under logdir: URL, context: ReaderContext) -> [(URL, [String])] {
        var result: [(URL, [String])] = []
        func walk(_ directory: URL, depth: Int) {
            guard depth < 32 else { return }
            var files: [String] = []
            for name in FilePaths.entries(of: directory) where !name.hasPrefix(".") {
                let url = directory.child(name)
                if FilePaths.isDirectory(url) {
                    guard FilePaths.isInside(url, root: context.inputRoot) else {
                        context.warn(.symlinkOutsideInput(target: DisplayPath.of(url.resolvingSymlinksInPath().path)), url)
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
        let relative = FilePaths.relative(directory.standardizedFileURL.path, to: logdir.standardizedFileURL.path)
        var run = Run(id: context.runID(of: directory), source: format, project: project,
                      name: relative == "." ? directory.lastPathComponent : relative, directory: directory.path)
        run.projectPath = context.relativePath(logdir)
        var accumulator = EventAccumulation(runDirectory: directory, context: context)
        for name in eventFiles {
            accumulator.readFile(directory.child(name))
        }
        accumulator.finish(into: &run)
        run.diskBytes = eventFiles.reduce(0) { $0 + FilePaths.size(directory.child($1)) }
        return run
    }
}
