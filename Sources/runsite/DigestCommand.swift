import ArgumentParser
import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteReaders

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

    @Option(name: [.customLong("format"), .customLong("input-format")], help: "Read with this reader only (\(Readers.formatNames.joined(separator: ", "))).")
    var format: String?

    @Flag(help: "Also include runs the logger marks as deleted.")
    var includeDeleted = false

    @Flag(help: "Treat warnings as errors: exit 1 if any input problem was found.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run() throws {
        let log = DiagnosticLog()
        var options = ReaderOptions()
        options.includeDeleted = includeDeleted
        let count: Int
        do {
            let projects = try Pipeline.readProjects(inputs.map { URL(fileURLWithPath: $0) }, format: format, options: options,
                                                     log: log, compact: true, only: only.map { URL(fileURLWithPath: $0) }, progress: TerminalProgress.make(quiet: quiet))
            count = try DigestStore.write(projects, to: URL(fileURLWithPath: out))
        } catch {
            DiagnosticPrinter.print(log, quiet: quiet)
            throw RunsiteError("\(error)")
        }
        let failed = DiagnosticPrinter.print(log, quiet: quiet, strict: strict)
        if !quiet { Stderr.write("wrote \(count) digests to \(out)") }
        if failed { throw ExitCode(1) }
    }
}
