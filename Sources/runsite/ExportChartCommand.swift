import ArgumentParser
import Foundation
import RunsiteBuild

extension ExportCommand {
    /// `runsite export chart`: the standalone figure of a `{chart}` directive, drawn by exactly the
    /// code that draws it in a site.
    struct Chart: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the standalone SVG figure of a {chart}, {parallel-coordinates} or {scatter} directive (fixed physical size, no scripts; converts with rsvg-convert).")

        @Argument(help: "Folders that hold runs.")
        var inputs: [String]

        @Option(help: "Which figure: chart (line chart), parallel-coordinates or scatter.")
        var figure = "chart"

        @Option(help: "Comma-separated metrics drawn together (as :metrics: of {chart}); required for a chart.")
        var metrics: String?

        @Option(help: "A run selector (as :runs:), e.g. 'tag:baseline' or 'top 3 by val/loss:min'.")
        var runs: String?

        @Option(help: "Any other option of the figure's directive as KEY=VALUE (repeatable), e.g. --option smoothing=0.6 --option x=epoch, or --option x=param:optimizer.lr for a scatter.")
        var option: [String] = []

        @Option(help: "Chart title.")
        var title: String?

        @Option(help: "Printed width: column (3.5 in) or page (7 in); a chart is a column wide by default, the sweep figures a page.")
        var figureWidth: String?

        @Option(help: "Output format (svg).")
        var format = "svg"

        @Option(name: .shortAndLong, help: "The SVG file to write; standard output when omitted.")
        var out: String?

        @Option(name: .customLong("input-format"), help: "Read with this reader only.")
        var inputFormat: String?

        @Flag(name: .shortAndLong, help: "Print no warnings.")
        var quiet = false

        func validate() throws {
            guard format == "svg" else { throw ValidationError("unsupported --format '\(format)'; use svg") }
            guard ChartRequest.figures.contains(figure) else {
                throw ValidationError("unknown --figure '\(figure)'; use \(ChartRequest.figures.joined(separator: ", "))")
            }
            guard figure != "chart" || metrics != nil else { throw ValidationError("--metrics is required for a chart") }
        }

        func run() throws {
            let log = DiagnosticLog()
            var request = ChartRequest(read: ReadRequest(inputs: inputs.map { URL(fileURLWithPath: $0) }, format: inputFormat))
            request.figure = figure
            if let metrics { request.options.append(("metrics", metrics)) }
            if let figureWidth { request.options.append(("figure-width", figureWidth)) }
            if let runs { request.options.append(("runs", runs)) }
            if let title { request.options.append(("title", title)) }
            for item in option {
                guard let eq = item.firstIndex(of: "=") else { throw ValidationError("--option takes KEY=VALUE, not '\(item)'") }
                request.options.append((String(item[..<eq]), String(item[item.index(after: eq)...])))
            }
            let svg: String
            do { svg = try request.run(log: log) } catch {
                DiagnosticPrinter.print(log, quiet: quiet)
                throw RunsiteError("\(error)")
            }
            DiagnosticPrinter.print(log, quiet: quiet)
            if let out {
                try Data(svg.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(svg.utf8))
            }
        }
    }
}
