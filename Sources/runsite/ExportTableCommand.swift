import ArgumentParser
import Foundation
import RunsiteBuild

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

        @Option(help: "With --group-by, what each cell shows: mean-std (default), mean-sem, median-iqr or iqm-ci (interquartile mean with a 95 % bootstrap interval).")
        var stats: String?

        @Option(help: "With --group-by, the group every other group is tested against (p-value column; † where p < 0.05).")
        var baseline: String?

        @Option(help: "With --stats iqm-ci, a param (or 'project') naming each run's task: the bootstrap resamples within each task.")
        var strata: String?

        @Option(help: "csv, markdown or latex.")
        var format: String = "csv"

        @Option(name: .customLong("input-format"), help: "Read with this reader only (\(InputFormats.names.joined(separator: ", "))).")
        var inputFormat: String?

        @OptionGroup var objectives: ObjectiveFlags

        @Flag(name: .shortAndLong, help: "Print no warnings.")
        var quiet = false

        func validate() throws {
            guard TableExportFormat(rawValue: format) != nil else { throw ValidationError("unsupported --format '\(format)'; use csv, markdown or latex") }
            if let stats, !TableExportRequest.statisticNames.contains(stats) {
                throw ValidationError("unknown --stats '\(stats)'; use \(TableExportRequest.statisticNames.joined(separator: ", "))")
            }
            try InputFormat.validate(inputFormat, flag: "--input-format")
        }

        func run() throws {
            let log = DiagnosticLog()
            var read = ReadRequest(inputs: inputs.map { URL(fileURLWithPath: $0) }, format: inputFormat)
            read.now = Environment.sourceDateEpoch()
            var request = TableRequest(read: read)
            request.table.runs = runs
            request.table.columns = columns
            request.table.sort = sort
            request.table.groupBy = groupBy
            request.table.stats = stats
            request.table.baseline = baseline
            request.table.strata = strata
            request.table.format = TableExportFormat(rawValue: format) ?? .csv
            request.minimize = objectives.minimize
            request.maximize = objectives.maximize
            let text: String
            do { text = try request.run(log: log) } catch {
                DiagnosticPrinter.print(log, quiet: quiet)
                throw RunsiteError("\(error)")
            }
            DiagnosticPrinter.print(log, quiet: quiet)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
