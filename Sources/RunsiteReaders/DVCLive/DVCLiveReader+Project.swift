import Foundation
import RunsiteModel

/// A DVC project folder whose `dvc.yaml` declares metrics or plots but none of them in a DVCLive run
/// (see `DVCCoverage`): no run would read that file, so the reader claims the folder on this weaker
/// sign, only to warn about the paths. It reads no run there, and discovery goes on below it as if
/// it had not been claimed.
extension DVCLiveReader {
    public func claimsUnclaimed(_ directory: URL, entries: Set<String>) -> Bool {
        // A Hydra job folder's own files are Hydra's to read, whoever else is asked about it.
        guard entries.contains("dvc.yaml"), !entries.contains(".hydra"),
              let file = DVCProjectFile.read(directory.child("dvc.yaml"), context: nil) else { return false }
        return !file.declared.isEmpty && DVCCoverage.coverage(file).runs.isEmpty
    }

    /// Whether `directory` is a DVCLive run rather than a project claimed for its `dvc.yaml`.
    func isRun(_ directory: URL) -> Bool {
        claims(directory, entries: Set(FilePaths.entries(of: directory)))
    }

    /// In a run, the folders beside `plots/` may be runs of their own (`Live(dir="dvclive/fold_0")`
    /// per fold); in a claimed project, every folder is searched.
    public func openFolders(of directory: URL) -> [URL] {
        isRun(directory) ? subfolders(of: directory, except: ["plots"]) : subfolders(of: directory)
    }

    public func units(of directory: URL, context: ReaderContext) -> [ReadUnit] {
        guard isRun(directory) else { warnUncovered(directory, context: context); return [] }
        return [ReadUnit(claim: directory, item: directory)]
    }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        guard isRun(directory) else { warnUncovered(directory, context: context); return [] }
        let run = readRun(at: directory, context: context)
        return [Project(name: run.project, runs: [run])]
    }

    private func warnUncovered(_ directory: URL, context: ReaderContext) {
        guard let file = DVCProjectFile.read(directory.child("dvc.yaml"), context: context) else { return }
        DVCCoverage.warn(DVCCoverage.coverage(file).uncovered, in: file, context: context)
    }
}
