import ArgumentParser
import Foundation
import RunsiteBuild

struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write one small digest per run (summaries, thinned series, metadata) for `build --from-digests`.",
        discussion: "Run it wherever the runs are (a Slurm array task, a Kubernetes job, GNU parallel); only the digests travel. See docs/digests.md.")

    @Argument(help: "Runs or folders of runs, in any supported format.")
    var inputs: [String]

    @Option(help: "Only the runs at or below this path inside an INPUT (repeatable): one task per run, with ids still relative to the INPUT.")
    var only: [String] = []

    @Option(name: .shortAndLong, help: "The folder to write digests into (created; existing digests of the same runs are replaced).")
    var out: String

    @Option(name: [.customLong("format"), .customLong("input-format")], help: "Read with this reader only (\(InputFormats.names.joined(separator: ", "))).")
    var format: String?

    @Flag(help: "Also include runs the logger marks as deleted.")
    var includeDeleted = false

    @Flag(name: .customLong("series-files"), inversion: .prefixedNo,
          help: "Write each run's metrics.csv.gz (every logged point) beside its digest, for builds that link them (see build --series-files).")
    var seriesFiles = true

    @Flag(help: "Treat warnings as errors: exit 1 if any input problem was found.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run() throws {
        let log = DiagnosticLog()
        var read = ReadRequest(inputs: inputs.map { URL(fileURLWithPath: $0) }, format: format)
        read.includeDeleted = includeDeleted
        read.now = Environment.sourceDateEpoch()
        var request = DigestRequest(read: read, output: URL(fileURLWithPath: out))
        request.only = only.map { URL(fileURLWithPath: $0) }
        request.seriesFiles = seriesFiles
        let count: Int
        do { count = try request.run(log: log, progress: TerminalProgress.make(quiet: quiet)) } catch {
            DiagnosticPrinter.print(log, quiet: quiet)
            throw RunsiteError("\(error)")
        }
        let failed = DiagnosticPrinter.print(log, quiet: quiet, strict: strict)
        if !quiet { Stderr.write("wrote \(count) digests to \(out)") }
        if failed { throw ExitCode(1) }
    }
}
