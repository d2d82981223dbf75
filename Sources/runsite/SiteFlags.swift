import ArgumentParser
import Foundation
import RunsiteBuild

extension ChartData: ExpressibleByArgument {}
extension SeriesFiles: ExpressibleByArgument {}

/// The flags of `runsite build` and `runsite watch` that say what to read and how to draw it.
struct SiteFlags: ParsableArguments {
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

    @Option(help: "Default smoothing weight for charts, 0 ≤ w < 1 (TensorBoard's EMA); 0 turns it off.")
    var smoothing: Double = 0

    @OptionGroup var objectives: ObjectiveFlags

    // .unconditional: "--max-artifact-size -5" reaches validate() (and a clear message) instead of
    // ArgumentParser taking "-5" for a flag and reporting a missing value.
    @Option(parsing: .unconditional, help: "Artifacts larger than this many bytes are listed but not copied into the site.")
    var maxArtifactSize: Int64 = 50_000_000

    @Flag(help: "Also show runs and experiments the logger marks as deleted.")
    var includeDeleted = false

    @Option(help: "What each chart's CSV holds: drawn (every logged point up to \(ChartData.pointLimit) per series, beyond it each step bin's first, last, min and max) or full (every logged point; run pages then draw from every point too).")
    var chartData: ChartData = .drawn

    @Option(help: "Which run pages get a metrics.csv.gz of every logged point: all, none, or auto (all when the build reads at most \(SeriesFiles.autoUnits) runs or read units, none past that).")
    var seriesFiles: SeriesFiles = .auto

    @Option(help: "Fail the build, keeping the old site, when the new one would be larger than this (e.g. 1G, 150M, or bytes; powers of 1000).")
    var maxSiteSize: String?

    @Flag(name: .customLong("incremental"), inversion: .prefixedNo,
          help: "Reuse runs whose files are unchanged, and their pages, from the previous build into --out (the cache is in --cache-dir).")
    var incremental = true

    @Option(name: .customLong("cache-dir"), help: "Where the build cache lives (digests and absolute input paths; never inside --out). Default: $XDG_CACHE_HOME/runsite/NAME-HASH, or ~/.cache/runsite/NAME-HASH, one per --out.")
    var cacheDir: String?

    func validate() throws {
        guard !inputs.isEmpty || !fromDigests.isEmpty else { throw ValidationError("give at least one INPUT or --from-digests DIR") }
        guard (0..<1).contains(smoothing) else { throw ValidationError("--smoothing must be in [0, 1)") }
        guard maxArtifactSize >= 0 else { throw ValidationError("--max-artifact-size must be 0 or more bytes") }
        try InputFormat.validate(format, flag: "--format")
        if let maxSiteSize, SiteSize.parse(maxSiteSize) == nil { throw ValidationError("--max-site-size takes a size such as 1G, 150M or 2000000; got '\(maxSiteSize)'") }
    }

    /// A mistyped input would otherwise build an empty site and swap it in place of the good one
    /// (exit 1, but the old site gone): the inputs are checked before anything is written.
    func checkInputs() throws {
        let missing = inputs.filter { path in
            var isDirectory: ObjCBool = false
            return !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue
        }
        guard missing.isEmpty else {
            for path in missing { Stderr.write("\(path): error: input is not a directory [discovery.input-missing]") }
            Stderr.write("error: nothing was written to \(out)")
            throw ExitCode(1)
        }
    }

    func request(log: DiagnosticLog) throws -> BuildRequest {
        var request = BuildRequest(inputs: inputs.map { URL(fileURLWithPath: $0) }, output: URL(fileURLWithPath: out),
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
        request.siteOptions.minimize = objectives.minimize
        request.siteOptions.maximize = objectives.maximize
        request.siteOptions.maxArtifactBytes = maxArtifactSize
        request.siteOptions.pages = try ReportFiles.load(reports, directories: reportDirectories)
        request.maxSiteBytes = maxSiteSize.flatMap(SiteSize.parse)
        request.siteOptions.chartData = chartData
        request.siteOptions.seriesFiles = seriesFiles
        return request
    }
}
