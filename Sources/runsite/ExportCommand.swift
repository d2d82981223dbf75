import ArgumentParser
import Foundation
import RunsiteBuild

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write machine-readable exports of runs.", subcommands: [Summary.self, Table.self, Chart.self])

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the summary of every run (the runs.json contract), or with --format markdown a short report for a CI job summary.")

        @Argument(help: "Folders that hold runs.")
        var inputs: [String]

        @Option(help: "json (the runs.json contract) or markdown (per project: runs by status, the best runs of each objective with the params that vary, the runs still running).")
        var format: String = "json"

        @Option(help: "Markdown: how many of the best runs to list per objective.")
        var top: Int = 3

        @Option(help: "Markdown: the report's heading.")
        var title: String = "Runs"

        @OptionGroup var objectives: ObjectiveFlags

        @Option(name: .customLong("input-format"), help: "Read with this reader only (\(InputFormats.names.joined(separator: ", "))).")
        var inputFormat: String?

        @Flag(help: "Also include runs the logger marks as deleted.")
        var includeDeleted = false

        @Flag(help: "Treat warnings as errors: exit 1 if any input problem was found.")
        var strict = false

        @Flag(name: .shortAndLong, help: "Print no warnings.")
        var quiet = false

        func validate() throws {
            guard SummaryRequest.Format(rawValue: format) != nil else { throw ValidationError("unsupported --format '\(format)'; use json or markdown") }
            guard top >= 1 else { throw ValidationError("--top must be 1 or more") }
            try InputFormat.validate(inputFormat, flag: "--input-format")
        }

        func run() throws {
            let log = DiagnosticLog()
            var read = ReadRequest(inputs: inputs.map { URL(fileURLWithPath: $0) }, format: inputFormat)
            read.includeDeleted = includeDeleted
            read.now = Environment.sourceDateEpoch()
            let text: String
            var request = SummaryRequest(read: read)
            request.format = SummaryRequest.Format(rawValue: format) ?? .json
            request.top = top
            request.title = title
            request.minimize = objectives.minimize
            request.maximize = objectives.maximize
            do { text = try request.run(log: log) } catch { throw RunsiteError("\(error)") }
            FileHandle.standardOutput.write(Data(text.utf8))
            if DiagnosticPrinter.print(log, quiet: quiet, strict: strict) { throw ExitCode(1) }
        }
    }
}
