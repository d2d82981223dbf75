import Foundation
import RunsiteModel

/// PyTorch Lightning's `CSVLogger` (and Fabric's): `<save_dir>/<name>/version_<N>/metrics.csv` plus an
/// optional `hparams.yaml` (`src/lightning/pytorch/loggers/csv_logs.py` and
/// `src/lightning/fabric/loggers/csv_logs.py`).
///
/// - The run is the `version_<N>` folder; its id is that folder relative to the input, its project the
///   logger-name folder above it (`lightning_logs` by default), its name `version_<N>`, as TensorBoard names the same folder.
/// - `metrics.csv` is wide and sparse: every logging call is a row, columns are the union of keys, and an
///   **empty cell means "not logged"**. A cell holding `nan` is a logged NaN and counts as a point (pandas'
///   default `read_csv` would conflate the two; runsite keeps the difference, see `make_expected.py`).
/// - `step` is the x axis and `epoch` is recorded as each point's epoch, not as a metric. Several rows may
///   share a step (training step, validation epoch end and training epoch end); they stay in file order.
/// - Column order changed between Lightning versions (`epoch,step,…` sorted vs. `…,step,epoch`), so
///   columns are found by name.
/// - There is no status, time, user or run name in these files.
///
/// The reader claims the version folder rather than the logger-name folder above it, because Lightning's
/// `TensorBoardLogger` uses the very same `<name>/version_<N>` layout and the two must not hide each other.
public struct LightningCSVReader: RunReader {
    public let format = "lightning-csv"
    public init() {}

    /// A folder holding `metrics.csv` and either named `version_*` (with an `hparams.yaml` or a header that has
    /// a `step` column), or holding `hparams.yaml` and a header with both `step` and `epoch` (a string
    /// `version=` replaces the folder name). runsite's own runs (`runsite.json`) are never claimed.
    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        guard entries.contains("metrics.csv"), !entries.contains("runsite.json") else { return false }
        let hasHparams = entries.contains("hparams.yaml")
        let isVersionFolder = directory.lastPathComponent.hasPrefix("version_")
        if isVersionFolder && hasHparams { return true }
        guard isVersionFolder || hasHparams,
              let line = TextFile.firstLine(of: directory.child("metrics.csv")) else { return false }
        let names = TextFile.headerNames(line, separator: UInt8(ascii: ","))
        return names.contains("step") && (isVersionFolder || names.contains("epoch"))
    }

    public func openFolders(of directory: URL) -> [URL] { subfolders(of: directory, except: ["checkpoints"]) }

    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        let run = readRun(at: directory, context: context)
        return [Project(name: run.project, runs: [run])]
    }

    func readRun(at directory: URL, context: ReaderContext) -> Run {
        let project = directory.standardizedFileURL.deletingLastPathComponent().lastPathComponent
        var run = Run(id: context.runID(of: directory), source: format, project: project,
                      name: directory.lastPathComponent, directory: directory.path)
        run.projectPath = context.relativePath(directory.standardizedFileURL.deletingLastPathComponent())
        let hparams = directory.child("hparams.yaml")
        if FilePaths.exists(hparams) {
            YAMLParams.read(hparams, format: format, into: &run.params, context: context)
        }
        let csv = directory.child("metrics.csv")
        let reader = WideCSVReader(format: format, stepColumn: "step", epochColumn: "epoch")
        run.metrics = reader.read(csv, context: context).series
        // ModelCheckpoint saves into `<log_dir>/checkpoints/` when the CSV logger is the trainer's logger.
        run.artifacts = ArtifactScanner.scan(directory.child("checkpoints"), runRoot: directory, context: context)
        run.diskBytes = FilePaths.diskUsage(directory)
        run.lastActivity = context.fileTime(csv)
        return run
    }
}
