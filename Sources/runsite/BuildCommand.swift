import ArgumentParser
import Foundation
import RunsiteBuild

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Read every run under the inputs and write the static site.")

    @Argument(help: "Folders that hold runs, at any depth (runsite, MLflow, TensorBoard, CSV, … formats).")
    var inputs: [String] = []

    @Option(name: .customLong("from-digests"), help: "A folder of digests written by `runsite digest` (repeatable); their runs join the inputs' runs.")
    var fromDigests: [String] = []

    @Option(name: .shortAndLong, help: "The site folder to write; replaced atomically. Refused when it holds files runsite did not write.")
    var out: String = "site"

    @Option(help: "A folder whose index.md, project.md, run.md, layout.html (and assets/) override the defaults one by one.")
    var templates: String?

    @Option(name: [.customLong("format"), .customLong("input-format")], help: "Read with this reader only (\(InputFormats.names.joined(separator: ", "))).")
    var format: String?

    @Option(help: "The site's title.")
    var title: String = "Experiments"

    @Option(name: .customLong("report"), help: "A Markdown page to add to the site (repeatable); directives expand as in templates.")
    var reports: [String] = []

    @Option(name: .customLong("reports"), help: "A folder whose *.md files are each added as a report page (repeatable).")
    var reportDirectories: [String] = []

    @Option(name: .customLong("diff-with"), help: "A previous site (or its runs.json): the overview gets a \"What changed\" section against it ({changes}). A missing folder is a first build: no section.")
    var diffWith: String?

    @Option(name: .customLong("single-file"), help: "Also write the first report (or, without reports, the overview) as one self-contained HTML file: inline CSS, SVG and images, no external references.")
    var singleFile: String?

    @Option(help: "Default smoothing weight for charts, 0 ≤ w < 1 (TensorBoard's EMA); 0 turns it off.")
    var smoothing: Double = 0

    @Option(name: .customLong("minimize"), help: "Glob of metrics whose best value is the minimum (repeatable); by default loss-like names are minimised.")
    var minimize: [String] = []

    @Option(name: .customLong("maximize"), help: "Glob of metrics whose best value is the maximum (repeatable).")
    var maximize: [String] = []

    // .unconditional: "--max-artifact-size -5" reaches validate() (and a clear message) instead of
    // ArgumentParser taking "-5" for a flag and reporting a missing value.
    @Option(parsing: .unconditional, help: "Artifacts larger than this many bytes are listed but not copied into the site.")
    var maxArtifactSize: Int64 = 50_000_000

    @Flag(help: "Also show runs and experiments the logger marks as deleted.")
    var includeDeleted = false

    @Flag(help: "Treat warnings as errors: exit 1 if any input problem was found.")
    var strict = false

    @Flag(name: .customLong("incremental"), inversion: .prefixedNo,
          help: "Reuse runs whose files are unchanged, and their pages, from the previous build into --out (the cache is in --cache-dir).")
    var incremental = true

    @Option(name: .customLong("cache-dir"), help: "Where the build cache lives (digests and absolute input paths; never inside --out). Default: $XDG_CACHE_HOME/runsite/NAME-HASH, or ~/.cache/runsite/NAME-HASH, one per --out.")
    var cacheDir: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty || !fromDigests.isEmpty else { throw ValidationError("give at least one INPUT or --from-digests DIR") }
        guard (0..<1).contains(smoothing) else { throw ValidationError("--smoothing must be in [0, 1)") }
        guard maxArtifactSize >= 0 else { throw ValidationError("--max-artifact-size must be 0 or more bytes") }
        try InputFormat.validate(format, flag: "--format")
    }

    func run() throws {
        // A mistyped input would otherwise build an empty site and swap it in place of the good
        // one (exit 1, but the old site gone): check the inputs before anything is written.
        let missing = inputs.filter { path in
            var isDirectory: ObjCBool = false
            return !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue
        }
        if !missing.isEmpty {
            for path in missing { Stderr.write("\(path): error: input is not a directory [discovery.input-missing]") }
            Stderr.write("error: nothing was written to \(out)")
            throw ExitCode(1)
        }
        let log = DiagnosticLog()
        var request = BuildRequest(inputs: InputList.urls(inputs, log: log), output: URL(fileURLWithPath: out),
                                   resourceRoot: TemplateLoader.locateResources(executable: CommandLine.arguments[0]))
        request.digests = fromDigests.map { URL(fileURLWithPath: $0) }
        request.templateOverride = templates.map { URL(fileURLWithPath: $0) }
        request.format = format
        request.incremental = incremental
        request.cacheDirectory = cacheDir.map { URL(fileURLWithPath: $0) }
        request.readerOptions.includeDeleted = includeDeleted
        request.readerOptions.now = Environment.sourceDateEpoch()
        request.siteOptions.title = title
        request.siteOptions.version = Runsite.version
        request.siteOptions.buildTime = Environment.buildTime()
        request.siteOptions.smoothing = smoothing
        request.siteOptions.minimize = minimize
        request.siteOptions.maximize = maximize
        request.siteOptions.maxArtifactBytes = maxArtifactSize
        request.siteOptions.pages = try ReportFiles.load(reports, directories: reportDirectories)
        // Read before the build: the previous site may be --out itself, about to be replaced.
        if let diffWith { request.siteOptions.previousRuns = SummarySources.previousSite(diffWith, log: log) }
        Interrupts.install()
        let report: BuildReport
        do {
            report = try Pipeline.build(request, log: log, progress: TerminalProgress.make(quiet: quiet))
        } catch {
            Interrupts.yieldToHandler()
            DiagnosticPrinter.print(log, quiet: quiet)
            throw RunsiteError("\(error)")
        }
        if let singleFile {
            let page = request.siteOptions.pages.first.map { "reports/" + $0.slug + ".html" } ?? "index.html"
            do {
                try SingleFileExport.write(try SingleFileExport.make(pagePath: page, site: request.output), to: URL(fileURLWithPath: singleFile))
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
            Stderr.write("wrote \(count(report.fileCount, "file")) for \(count(report.runCount, "run")) in \(count(report.projectCount, "project")) to \(out) (\(timing)\(reused))")
        }
        if failed { throw ExitCode(1) }
    }
}
