import ArgumentParser
import Foundation
import RunsiteBuild

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write machine-readable exports of runs.", subcommands: [Summary.self, Table.self, Chart.self])

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the summary of every run (the runs.json contract) to standard output.")

        @Argument(help: "Folders that hold runs.")
        var inputs: [String]

        @Option(help: "Output format (json).")
        var format: String = "json"

        @Option(name: .customLong("input-format"), help: "Read with this reader only (\(InputFormats.names.joined(separator: ", "))).")
        var inputFormat: String?

        @Flag(help: "Also include runs the logger marks as deleted.")
        var includeDeleted = false

        @Flag(help: "Treat warnings as errors: exit 1 if any input problem was found.")
        var strict = false

        @Flag(name: .shortAndLong, help: "Print no warnings.")
        var quiet = false

        func validate() throws {
            guard format == "json" else { throw ValidationError("unsupported --format '\(format)'; use json") }
            try InputFormat.validate(inputFormat, flag: "--input-format")
        }

        func run() throws {
            let log = DiagnosticLog()
            var read = ReadRequest(inputs: InputList.urls(inputs, log: log), format: inputFormat)
            read.includeDeleted = includeDeleted
            read.now = Environment.sourceDateEpoch()
            let text: String
            do { text = try SummaryRequest(read: read).run(log: log) } catch { throw RunsiteError("\(error)") }
            FileHandle.standardOutput.write(Data(text.utf8))
            if DiagnosticPrinter.print(log, quiet: quiet, strict: strict) { throw ExitCode(1) }
        }
    }
}
