import ArgumentParser
import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteReaders
import RunsiteSite

extension ExportCommand {
    /// `runsite export chart`: the standalone figure of a `{chart}` directive, drawn by exactly the
    /// code that draws it in a site (a one-chart report is rendered in memory and its figure kept).
    struct Chart: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the standalone SVG figure of a {chart} directive (fixed physical size, no scripts; converts with rsvg-convert).")

        @Argument(help: "Folders that hold runs.")
        var inputs: [String]

        @Option(help: "Comma-separated metrics drawn together (as :metrics: of {chart}).")
        var metrics: String

        @Option(help: "A run selector (as :runs:), e.g. 'tag:baseline' or 'top 3 by val/loss:min'.")
        var runs: String?

        @Option(help: "Any other {chart} option as KEY=VALUE (repeatable), e.g. --option smoothing=0.6 --option x=epoch --option group-by=param.optimizer.")
        var option: [String] = []

        @Option(help: "Chart title.")
        var title: String?

        @Option(help: "Printed width: column (3.5 in) or page (7 in).")
        var figureWidth = "column"

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
        }

        func run() throws {
            let log = DiagnosticLog()
            var lines = ["```{chart}", ":metrics: " + metrics, ":figure-width: " + figureWidth]
            if let runs { lines.append(":runs: " + runs) }
            if let title { lines.append(":title: " + title) }
            for item in option {
                guard let eq = item.firstIndex(of: "=") else { throw ValidationError("--option takes KEY=VALUE, not '\(item)'") }
                lines.append(":\(item[..<eq]): \(item[item.index(after: eq)...])")
            }
            lines.append("```")
            var siteOptions = SiteOptions()
            siteOptions.pages = [UserPage(file: "export-chart", slug: "chart", text: lines.joined(separator: "\n") + "\n")]
            let files: [OutputFile]
            do {
                var options = ReaderOptions()
                options.hashArtifacts = false
                let projects = try Pipeline.readProjects(inputs.map { URL(fileURLWithPath: $0) }, format: inputFormat,
                                                         options: options, log: log, compact: true)
                let templates = try TemplateLoader.load(root: TemplateLoader.locateResources(executable: CommandLine.arguments[0]),
                                                        override: nil, log: log)
                files = SiteBuilder(templates: templates, options: siteOptions).build(projects, log: log)
            } catch {
                DiagnosticPrinter.print(log, quiet: quiet)
                throw RunsiteError("\(error)")
            }
            DiagnosticPrinter.print(log, quiet: quiet)
            guard let figure = files.first(where: { $0.path.hasPrefix("reports/") && $0.path.contains("figures/") && $0.path.hasSuffix(".svg") }),
                  case .text(let svg) = figure.content else {
                throw RunsiteError("no chart was drawn (see the warnings above)")
            }
            if let out {
                try Data(svg.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(svg.utf8))
            }
        }
    }
}
