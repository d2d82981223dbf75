import ArgumentParser
import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteSite

extension ExportCommand {
    /// `runsite export table`: a `{runs-table}` as CSV, Markdown or LaTeX (booktabs) on standard output.
    struct Table: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a table of runs as CSV, Markdown or LaTeX (the same table as {runs-table}; see docs/reports.md).")

        @Argument(help: "Folders that hold runs.")
        var inputs: [String]

        @Option(help: "Which runs, e.g. \"tag:sweep and top 5 by val/loss:min\" (default: all).")
        var runs: String?

        @Option(help: "Columns, e.g. \"run:name, param:optimizer.lr, metric:val/loss:min\" (default: the site's default columns).")
        var columns: String?

        @Option(help: "Sort by these columns; a leading '-' sorts descending (write --sort=-metric:val/loss:min).")
        var sort: String?

        @Option(help: "One row per value of this param (or 'tag'), with mean ± std.")
        var groupBy: String?

        @Option(help: "csv, markdown or latex.")
        var format: String = "csv"

        @Option(name: .customLong("input-format"), help: "Read with this reader only (\(Readers.formatNames.joined(separator: ", "))).")
        var inputFormat: String?

        @Option(name: .customLong("minimize"), help: "Glob of metrics whose best value is the minimum (repeatable).")
        var minimize: [String] = []

        @Option(name: .customLong("maximize"), help: "Glob of metrics whose best value is the maximum (repeatable).")
        var maximize: [String] = []

        @Flag(name: .shortAndLong, help: "Print no warnings.")
        var quiet = false

        func validate() throws {
            guard TableExportFormat(rawValue: format) != nil else { throw ValidationError("unsupported --format '\(format)'; use csv, markdown or latex") }
            try InputFormat.validate(inputFormat, flag: "--input-format")
        }

        func run() throws {
            let log = DiagnosticLog()
            var readerOptions = ReaderOptions()
            readerOptions.hashArtifacts = false
            readerOptions.now = Environment.sourceDateEpoch()
            let projects: [Project]
            do {
                projects = try Pipeline.readProjects(Inputs.urls(inputs, log: log), format: inputFormat, options: readerOptions, log: log)
            } catch {
                throw RunsiteError("\(error)")
            }
            var request = TableExportRequest()
            request.runs = runs
            request.columns = columns
            request.sort = sort
            request.groupBy = groupBy
            request.format = TableExportFormat(rawValue: format) ?? .csv
            var options = SiteOptions()
            options.minimize = minimize
            options.maximize = maximize
            DiagnosticPrinter.print(log, quiet: quiet)
            do {
                let text = try request.render(projects.flatMap(\.runs), options: options)
                FileHandle.standardOutput.write(Data(text.utf8))
            } catch {
                throw RunsiteError("\(error)")
            }
        }
    }
}
