import Foundation
import RunsiteCore
import RunsiteSite

/// `runsite diff OLD NEW`: what changed between two summaries, each a `runs.json`, a site folder
/// or folders of runs; with `--fail-if` checks for gating a merge.
public struct DiffRequest: Sendable {
    public var old: String
    public var new: String
    /// How run folders are read (`--input-format`, `--include-deleted`, `SOURCE_DATE_EPOCH`).
    public var read = ReadRequest(inputs: [])
    public var format = DiffFormat.text
    public var gates: [DiffGate] = []
    public var minimize: [String] = []
    public var maximize: [String] = []

    public init(old: String, new: String) {
        self.old = old
        self.new = new
    }

    public struct Result: Sendable {
        public var text: String
        /// One sentence per failed `--fail-if` check.
        public var failures: [String]
    }

    public func run(log: DiagnosticLog) throws -> Result {
        let before = try SummarySources.load(old, read: read, log: log)
        let after = try SummarySources.load(new, read: read, log: log)
        var options = SiteOptions()
        options.minimize = minimize
        options.maximize = maximize
        let failures = gates.flatMap { $0.failures(old: before, new: after, options: options) }
        let diff = SummaryDiff(old: before, new: after, options: options)
        return Result(text: diff.render(format, failures: failures), failures: failures)
    }
}
