import Foundation
import Synchronization
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteSite

/// Where a command reads runs from: the INPUT folders, which readers, and what they keep.
public struct ReadRequest: Sendable {
    public var inputs: [URL]
    /// A `--format` name; nil reads with every reader.
    public var format: String?
    public var includeDeleted = false
    /// "Now" for judgments that depend on the build time (`SOURCE_DATE_EPOCH`); nil is the clock.
    public var now: Double?

    public init(inputs: [URL], format: String? = nil) {
        self.inputs = inputs
        self.format = format
    }

    var readerOptions: ReaderOptions {
        var options = ReaderOptions()
        options.includeDeleted = includeDeleted
        options.hashArtifacts = false
        options.now = now
        return options
    }
}

/// `runsite export summary`: the runs.json contract of every run, or (`markdown`) a short report
/// for a CI job summary (`SummaryMarkdown`).
public struct SummaryRequest: Sendable {
    public enum Format: String, Sendable, CaseIterable { case json, markdown }

    public var read: ReadRequest
    public var format = Format.json
    /// Markdown: how many of the best runs are listed per objective.
    public var top = 3
    /// Markdown: the report's heading.
    public var title = "Runs"
    public var minimize: [String] = []
    public var maximize: [String] = []
    public init(read: ReadRequest) { self.read = read }

    public func run(log: DiagnosticLog) throws -> String {
        let projects = try Pipeline.readProjects(read.inputs, format: read.format, options: read.readerOptions, log: log, summariesOnly: true)
        let runs = projects.flatMap(\.runs)
        switch format {
        case .json:
            return RunSummaryJSON.encode(runs)
        case .markdown:
            var options = SiteOptions()
            options.minimize = minimize
            options.maximize = maximize
            return SummaryMarkdown.render(runs.map(RunRecord.init), options: options, top: top, title: title)
        }
    }
}

/// `runsite export table`: a `{runs-table}` as CSV, Markdown or LaTeX.
public struct TableRequest: Sendable {
    public var read: ReadRequest
    public var table = TableExportRequest()
    public var minimize: [String] = []
    public var maximize: [String] = []
    public init(read: ReadRequest) { self.read = read }

    public func run(log: DiagnosticLog) throws -> String {
        let projects = try Pipeline.readProjects(read.inputs, format: read.format, options: read.readerOptions, log: log)
        var options = SiteOptions()
        options.minimize = minimize
        options.maximize = maximize
        return try table.render(projects.flatMap(\.runs), options: options)
    }
}

/// `runsite export chart`: the standalone SVG of a `{chart}` (or `{parallel-coordinates}`,
/// `{scatter}`) with these options.
public struct ChartRequest: Sendable {
    public var read: ReadRequest
    /// The figure's directive: `chart`, `parallel-coordinates` or `scatter`.
    public var figure = "chart"
    public static var figures: [String] { StandaloneChart.figures }
    /// `{chart}` options as (key, value), in order: `metrics`, `runs`, `figure-width`, `smoothing`, ….
    public var options: [(key: String, value: String)] = []
    public init(read: ReadRequest) { self.read = read }

    public struct NothingDrawn: Error, CustomStringConvertible {
        public var description: String { "no chart was drawn (see the warnings above)" }
    }

    public func run(log: DiagnosticLog) throws -> String {
        let projects = try Pipeline.readProjects(read.inputs, format: read.format, options: read.readerOptions, log: log, compact: true)
        guard let svg = StandaloneChart.svg(of: projects, figure: figure, options: options, site: SiteOptions(), log: log) else { throw NothingDrawn() }
        return svg
    }
}

/// `runsite digest`: one digest file per run, for `build --from-digests`.
public struct DigestRequest: Sendable {
    public var read: ReadRequest
    public var output: URL
    /// Only the runs whose folder lies in (or holds) one of these paths.
    public var only: [URL] = []
    public init(read: ReadRequest, output: URL) {
        self.read = read
        self.output = output
    }

    /// Whether each digest gets its run's `metrics.csv.gz` beside it, for builds that link them.
    public var seriesFiles = true

    /// Writes the digests; returns how many.
    public func run(log: DiagnosticLog, progress: BuildProgress? = nil) throws -> Int {
        var options = read.readerOptions
        options.hashArtifacts = true
        let series = Mutex<[String: [UInt8]]>([:])
        let keep = seriesFiles
        let projects = try Pipeline.readProjects(read.inputs, format: read.format, options: options, log: log,
                                                 compact: true, only: only, progress: progress) { run in
            guard keep, let bytes = SeriesFiles.compressed(run) else { return }
            series.withLock { $0[RunDigest.fileName(for: run)] = bytes }
        }
        return try DigestStore.write(projects, series: series.withLock { $0 }, to: output)
    }
}
