import ArgumentParser
import Foundation
import RunsiteBuild

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Read every run under the inputs and write the static site.")

    @OptionGroup var site: SiteFlags

    @Option(name: .customLong("diff-with"), help: "A previous site (or its runs.json): the overview gets a \"What changed\" section against it ({changes}). A missing folder is a first build: no section.")
    var diffWith: String?

    @Option(name: .customLong("single-file"), help: "Also write the first report (or, without reports, the overview) as one self-contained HTML file: inline CSS, SVG and images, no external references.")
    var singleFile: String?

    @Flag(help: "Treat warnings as errors: exit 1 if any input problem was found.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws { try site.validate() }

    func run() throws {
        try site.checkInputs()
        let log = DiagnosticLog()
        var request = try site.request(log: log)
        // Read before the build: the previous site may be --out itself, about to be replaced.
        if let diffWith { request.siteOptions.previousRuns = SummarySources.previousSite(diffWith, log: log) }
        request.singleFile = singleFile != nil
        Interrupts.install()
        let report: BuildReport
        do {
            report = try Pipeline.build(request, log: log, progress: TerminalProgress.make(quiet: quiet))
        } catch {
            Interrupts.yieldToHandler()
            DiagnosticPrinter.print(log, quiet: quiet)
            throw RunsiteError("\(error)")
        }
        if let singleFile, let text = report.singleFile {
            do {
                let file = URL(fileURLWithPath: singleFile)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file, options: .atomic)
            } catch {
                throw RunsiteError("cannot write --single-file '\(singleFile)': \(error)")
            }
        }
        let failed = DiagnosticPrinter.print(log, quiet: quiet, strict: strict)
        if !quiet {
            let timing = report.phases.map { "\($0.name) \(String(format: "%.2f", $0.seconds))s" }.joined(separator: ", ")
            func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
            let reused = report.reusedRuns + report.reusedPages > 0
                ? "; reused \(count(report.reusedRuns, "unchanged unit")) and \(count(report.reusedPages, "page"))" : ""
            Stderr.write("wrote \(count(report.fileCount, "file")) (\(SiteSize.text(report.siteSize.bytes))) for \(count(report.runCount, "run")) in \(count(report.projectCount, "project")) to \(site.out) (\(timing)\(reused))")
        }
        if failed { throw ExitCode(1) }
    }
}
