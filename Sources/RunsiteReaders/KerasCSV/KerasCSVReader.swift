import Foundation
import RunsiteModel

/// Keras's `CSVLogger(filename, separator=",")` (`keras/src/callbacks/csv_logger.py`): one file per
/// training, any name (often `training.log` or `*.csv`), one row per epoch.
///
/// - The first column is `epoch` (0-based, continuing from `initial_epoch` on resume). It is the x axis:
///   a point's step is its epoch, and it is also recorded as the point's epoch.
/// - The other columns are the log keys, fixed at the first epoch; a key missing later is written `NA`,
///   which means "not logged" (as does an empty cell). `nan`/`inf` cells are logged non-finite values.
/// - Lines end in CRLF (excel dialect); the separator is configurable, so `,`, `;` and tab are detected.
///
/// Each such file is a run, with the file's path relative to the input (extension kept) as its id and the
/// file name as its name; the folder holding it is the project.
public struct KerasCSVReader: RunReader {
    public let format = "keras-csv"
    public init() {}

    static let extensions: Set<String> = ["csv", "log", "tsv", "txt"]

    /// How many candidate files `claims` opens per folder at most, so that a data folder with thousands
    /// of CSV files does not slow discovery down (a Keras log among them past that number is not found).
    static let sniffLimit = 256

    /// Entries that mark a folder as another format's run (runsite, Hydra job, MLflow, Sacred). Keras is
    /// last in priority, so those readers win anyway during discovery; this matters when one of them asks
    /// the other readers about its own folder (Hydra does, to find loggers inside a job), where an app's
    /// `metrics.csv` is Hydra's to read.
    static let otherFormatMarkers = ["runsite.json", ".hydra", "meta.yaml", "run.json"]

    /// A folder holding at least one Keras-style CSV file (see `KerasHeader`) and no other format's markers.
    public func claims(_ directory: URL, entries: Set<String>) -> Bool {
        guard !Self.otherFormatMarkers.contains(where: entries.contains) else { return false }
        return entries.filter(Self.isCandidate).sorted().prefix(Self.sniffLimit).contains { name in
            KerasHeader.separator(of: directory.child(name)) != nil
        }
    }

    static func isCandidate(_ name: String) -> Bool {
        !name.hasPrefix(".") && extensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// One run per Keras file in the folder.
    public func readProjects(at directory: URL, context: ReaderContext) -> [Project] {
        units(of: directory, context: context).flatMap { read($0, context: context) }
    }

    /// Keras users often keep `logs/` (TensorBoard) beside `training.log`: every subfolder is searched.
    public func openFolders(of directory: URL) -> [URL] { subfolders(of: directory) }

    /// One unit per Keras file.
    public func units(of directory: URL, context: ReaderContext) -> [ReadUnit] {
        FilePaths.entries(of: directory).filter(Self.isCandidate).map { directory.child($0) }
            .filter { !FilePaths.isDirectory($0) && KerasHeader.separator(of: $0) != nil }
            .map { ReadUnit(claim: directory, item: $0) }
    }

    public func read(_ unit: ReadUnit, context: ReaderContext) -> [Project] {
        guard let separator = KerasHeader.separator(of: unit.item) else { return [] }
        let project = unit.claim.standardizedFileURL.lastPathComponent
        return [Project(name: project, runs: [readRun(unit.item, separator: separator, project: project, context: context)])]
    }

    func readRun(_ file: URL, separator: UInt8, project: String, context: ReaderContext) -> Run {
        var run = Run(id: context.runID(of: file), source: format, project: project,
                      name: file.lastPathComponent, directory: file.deletingLastPathComponent().path)
        run.projectPath = context.relativePath(file.deletingLastPathComponent())
        let reader = WideCSVReader(format: format, separator: separator, stepColumn: "epoch", epochColumn: "epoch",
                                   missingTokens: ["NA"])
        run.metrics = reader.read(file, context: context).series
        run.diskBytes = FilePaths.size(file)
        run.lastActivity = context.fileTime(file)
        return run
    }
}
