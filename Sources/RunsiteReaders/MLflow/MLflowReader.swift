import Foundation
import RunsiteModel

/// MLflow: the file store (`mlruns/`) and the SQLite store (`mlflow.db`), as MLflow's `mlflow/store/tracking/` writes them.
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

    /// A plain file store splits into one unit per run (read in parallel across the build, each thinned
    /// as soon as it is read); a folder with `mlflow.db` stays one unit.
    public func units(of directory: URL, context: ReaderContext) -> [ReadUnit] {
        guard !FilePaths.exists(directory.child("mlflow.db")) else { return [ReadUnit(claim: directory, item: directory)] }
        let jobs = MLflowFileStore(root: directory, context: context).runJobs()
        return jobs.isEmpty ? [] : jobs.map { ReadUnit(claim: directory, item: $0.directory) }
    }

    public func read(_ unit: ReadUnit, context: ReaderContext) -> [Project] {
        guard unit.item != unit.claim else { return readProjects(at: unit.claim, context: context) }
        return MLflowFileStore(root: unit.claim, context: context).readSingle(unit.item).map { [$0] } ?? []
    }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        let entries = Set(FilePaths.entries(of: directory))
        guard entries.contains("mlflow.db") else {
            return MLflowFileStore(root: directory, context: context).readProjects()
        }
        var projects = MLflowSQLiteStore(file: directory.child("mlflow.db"), context: context).readProjects()
        let mlruns = directory.child("mlruns")
        if MLflowFileStore.isStore(mlruns, entries: Set(FilePaths.entries(of: mlruns)), strict: true) {
            projects += MLflowFileStore(root: mlruns, context: context).readProjects()
        }
        return ProjectMerging.merge(projects)
    }

    /// A file store's run `artifacts/` folders, which may hold runs of other formats (a TensorBoard
    /// logdir); beside `mlflow.db`, every folder but the stores of its runs and artifacts.
    public func openFolders(of directory: URL) -> [URL] {
        guard FilePaths.exists(directory.child("mlflow.db")) else { return MLflowFileStore.artifactFolders(of: directory) }
        return subfolders(of: directory, except: ["mlruns", "mlartifacts"])
    }
}
