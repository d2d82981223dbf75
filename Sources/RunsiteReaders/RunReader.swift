import Foundation
import RunsiteCore
import RunsiteModel

/// Options that change what readers keep.
public struct ReaderOptions: Sendable {
    /// Show runs and experiments that the logger marks as deleted (MLflow's `.trash`, lifecycle `deleted`).
    public var includeDeleted = false
    /// Compute SHA-256 for artifacts (costly for large weights; on by default).
    public var hashArtifacts = true
    /// "Now", Unix seconds, for judgments that depend on the time of the build (a W&B run without
    /// an exit record is running if its log changed in the last minutes, else it crashed). nil
    /// means the clock; the command line sets SOURCE_DATE_EPOCH here, so that two builds of the
    /// same input give the same statuses.
    public var now: Double?
    /// The wall clock, Unix seconds, read when `now` is nil; tests set a fixed one so that judgments
    /// by file age need no waiting.
    public var clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    public init() {}

    /// The time the build judges file ages against: `now` if set, else the clock.
    public var currentTime: Double { now ?? clock() }
}

/// What a reader is handed: where its input root is, where to report, and options.
public struct ReaderContext: Sendable {
    /// The INPUT the user named; run ids are paths relative to it.
    public var inputRoot: URL
    public var log: DiagnosticLog
    public var options: ReaderOptions
    /// The end of the input's path that begins every run id of this input, set when another input
    /// holds runs at the same paths (`InputOverlap.qualifiers`), so that no two runs share an id.
    public var runIDQualifier: String?
    /// Shared by every copy of this context, so one build reads each project README once.
    let readmes = ReadmeCache()

    public init(inputRoot: URL, log: DiagnosticLog, options: ReaderOptions = ReaderOptions()) {
        self.inputRoot = inputRoot.standardizedFileURL
        self.log = log
        self.options = options
    }

    /// A file's modification time, for logs that record no times of their own (Lightning and Keras
    /// CSV, DVCLive without timestamps). With `options.now` (SOURCE_DATE_EPOCH) it is clamped to that time, as reproducible
    /// builds clamp file times: every file of a fresh checkout was "modified" when it was checked
    /// out, and the site must not depend on when that was.
    public func fileTime(_ url: URL) -> Double? {
        guard let time = FilePaths.modificationTime(url) else { return nil }
        return options.now.map { min(time, $0) } ?? time
    }

    /// Runs `body` with this input's `InputScope` bound: every file and folder it opens below the
    /// input must really lie inside it (see `FilePaths.openRegular`), and refusals are warned in `log`.
    public func confined<R>(_ body: () throws -> R) rethrows -> R {
        try InputScope.reading(inputRoot, log: log, body)
    }

    /// `url` relative to the input root, '/'-separated; "." for the root itself.
    public func relativePath(_ url: URL) -> String {
        FilePaths.relative(url.standardizedFileURL.path, to: inputRoot.path)
    }

    /// The id of the run at `url`: its path below the input, or its own name when it is the input.
    public func runID(of url: URL) -> RunID {
        let path = relativePath(url)
        return RunID(path == "." ? url.lastPathComponent : path)
    }

    /// `projects` as read from this input, with run ids (and the parent ids that name them) qualified
    /// by `runIDQualifier` when it is set.
    public func qualified(_ projects: [Project]) -> [Project] {
        guard let prefix = runIDQualifier else { return projects }
        return projects.map { project in
            var project = project
            for r in project.runs.indices {
                project.runs[r].id = RunID(prefix + "/" + project.runs[r].id.path)
                project.runs[r].parentID = project.runs[r].parentID.map { RunID(prefix + "/" + $0.path) }
            }
            return project
        }
    }

    /// A location for diagnostics that names the file relative to the input's parent, so it reads well.
    public func location(_ url: URL, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) -> SourceLocation {
        SourceLocation(file: FilePaths.display(url), line: line, column: column, byteOffset: byteOffset)
    }

    /// Warns `message` at `url` (and at a line, column or byte offset when given).
    public func warn(_ message: DiagnosticMessage, _ url: URL, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        // A file refused for leaving the input was already reported, naming the symlink; what a
        // reader then says about it (cannot be read, empty, not a database) would repeat that.
        if InputScope.current?.wasRefused(url.path) == true { return }
        // Readers only open regular files; say so when that is why a file "cannot be read".
        let special = message.id == DiagnosticMessage.unreadableFile.id && FilePaths.exists(url) && !FilePaths.isRegularFile(url) && !FilePaths.isDirectory(url)
        log.append(.warning(special ? .unreadableSpecialFile : message, at: location(url, line: line, column: column, byteOffset: byteOffset)))
    }
}

/// One on-disk format. A reader claims a directory during discovery and then reads every run under it.
public protocol RunReader: Sendable {
    /// The `source` name shown in the summary: `mlflow`, `tensorboard`, `runsite`, ….
    var format: String { get }
    /// Whether `directory` (whose entry names are given) is the root of this format's runs.
    func claims(_ directory: URL, entries: Set<String>) -> Bool
    /// The folders below a claimed directory that are not this reader's own files, which discovery
    /// then searches for runs of any format (DVCLive folds inside a DVCLive folder, a TensorBoard
    /// logdir in an MLflow run's `artifacts/`). The default is none: the reader owns the whole claim.
    func openFolders(of directory: URL) -> [URL]
    /// Whether `directory` is this format's run when no reader `claims` it: a weaker sign, such as
    /// runsite's own metric files without `runsite.json`. Asked only after every reader's `claims`.
    func claimsUnclaimed(_ directory: URL, entries: Set<String>) -> Bool
    /// Reads every run under a claimed directory, grouped in projects.
    func readProjects(at directory: URL, context: ReaderContext) -> [Project]
    /// Splits a claimed directory into pieces that can be read independently, in parallel
    /// (usually one per run). The default is one piece: the whole claim.
    func units(of directory: URL, context: ReaderContext) -> [ReadUnit]
    /// Reads one piece of a claim.
    func read(_ unit: ReadUnit, context: ReaderContext) -> [Project]
    /// For a reader whose reading of unchanged files changes with the clock: how many seconds a
    /// file counts as recently changed (W&B: a run without an exit record whose log changed this
    /// recently is running, else it crashed). The build cache reads such a unit again when one of
    /// its files stops being recent. nil (the default): the reading depends on the files alone.
    var clockHorizon: Double? { get }
}

/// A piece of a claimed directory that one thread reads: `item` (a run directory, a file) inside `claim`.
public struct ReadUnit: Sendable, Hashable {
    public var claim: URL
    public var item: URL
    public init(claim: URL, item: URL) {
        self.claim = claim
        self.item = item
    }
}

extension RunReader {
    public var clockHorizon: Double? { nil }

    public func claimsUnclaimed(_ directory: URL, entries: Set<String>) -> Bool { false }

    public func openFolders(of directory: URL) -> [URL] { [] }

    /// The subfolders of `directory` that discovery walks, except those named in `own`.
    func subfolders(of directory: URL, except own: Set<String> = []) -> [URL] {
        FilePaths.entries(of: directory).filter { !WalkSkips.skips($0) && !own.contains($0) }
            .map { directory.child($0) }.filter(FilePaths.isDirectory)
    }

    public func units(of directory: URL, context: ReaderContext) -> [ReadUnit] {
        [ReadUnit(claim: directory, item: directory)]
    }

    public func read(_ unit: ReadUnit, context: ReaderContext) -> [Project] {
        readProjects(at: unit.claim, context: context)
    }
}

extension Array where Element == any RunReader {
    /// The reader a directory belongs to: the first that claims it, else the first that claims it
    /// on weaker signs (`claimsUnclaimed`); nil when none does.
    public func claimant(of directory: URL, entries: Set<String>) -> (any RunReader)? {
        first { $0.claims(directory, entries: entries) } ?? first { $0.claimsUnclaimed(directory, entries: entries) }
    }
}
