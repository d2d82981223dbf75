import Foundation
import RunsiteModel

/// MLflow: the file store (`mlruns/`) and the SQLite store (`mlflow.db`), formats.md §1.
///
/// Claims a directory that is a file store (a child named by digits holds an experiment `meta.yaml`)
/// or that holds `mlflow.db`. In the second case the sibling `mlruns/` (artifacts of the SQLite runs,
/// or an older file store) is read here and not claimed again, and the directory's other folders are
/// still searched for runs of any format, since `mlflow.db` usually sits in a project's working folder.
/// A Hydra job folder (with `.hydra/`) is left to the Hydra reader, which reads the runs inside it.
public struct MLflowReader: RunReader {
    public let format = "mlflow"
    public init() {}

    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        if entries.contains(".hydra") { return false }
        if entries.contains("mlflow.db") { return true }
        return MLflowFileStore.isStore(directory, entries: entries)
    }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        let entries = Set(FilePaths.entries(of: directory))
        guard entries.contains("mlflow.db") else {
            return MLflowFileStore(root: directory, context: context).readProjects()
        }
        var projects = MLflowSQLiteStore(file: directory.appendingPathComponent("mlflow.db"), context: context).readProjects()
        let mlruns = directory.appendingPathComponent("mlruns")
        if MLflowFileStore.isStore(mlruns, entries: Set(FilePaths.entries(of: mlruns)), strict: true) {
            projects += MLflowFileStore(root: mlruns, context: context).readProjects()
        }
        projects += nestedProjects(in: directory, skipping: ["mlruns", "mlartifacts"], context: context)
        return ProjectMerging.merge(projects)
    }

    /// Runs of any format in the other folders of a claimed directory, with ids relative to the same input.
    private func nestedProjects(in directory: URL, skipping: Set<String>, context: ReaderContext) -> [Project] {
        var projects: [Project] = []
        let discovery = Discovery(readers: Readers.all)
        let real = directory.resolvingSymlinksInPath().standardizedFileURL.path
        for name in FilePaths.entries(of: directory) where !name.hasPrefix(".") && !skipping.contains(name) {
            let child = directory.appendingPathComponent(name)
            guard FilePaths.isDirectory(child), FilePaths.isInside(child, root: context.inputRoot) else { continue }
            // A symlink back to this folder or above would bring this `mlflow.db` back, endlessly.
            let target = child.resolvingSymlinksInPath().standardizedFileURL.path
            guard target != real, !(real + "/").hasPrefix(target.hasSuffix("/") ? target : target + "/") else { continue }
            for claim in discovery.claims(in: child, log: context.log) {
                projects += claim.reader.readProjects(at: claim.directory, context: context)
            }
        }
        return projects
    }
}
