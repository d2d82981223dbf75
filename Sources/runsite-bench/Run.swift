import ArgumentParser
import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteSite

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time runsite on a corpus: discovery, reading, summarising/decimating, rendering, writing.")

    @Argument(help: "Inputs (e.g. corpus/tensorboard).")
    var inputs: [String]

    @Option(help: "build: the whole site; summary: what `runsite export summary` does.")
    var mode = "build"

    @Option(help: "Repetitions; the median is reported.")
    var `repeat` = 3

    @Option(help: "Read with this reader only.")
    var format: String?

    @Option(help: "Where the site is written (replaced each repetition).")
    var out = "/tmp/runsite-bench-site"

    func run() throws {
        let urls = inputs.map { URL(fileURLWithPath: $0) }
        let bytes = urls.reduce(Int64(0)) { $0 + ArtifactScanner.diskUsage($1) }
        var samples: [Sample] = []
        for _ in 0..<max(1, self.repeat) {
            samples.append(try measure(urls))
        }
        Report.print(samples: samples, bytes: bytes, mode: mode, inputs: inputs)
    }

    func measure(_ urls: [URL]) throws -> Sample {
        let log = DiagnosticLog()
        var sample = Sample()
        let cpu0 = Usage.cpuSeconds()
        var clock = Stopwatch()
        let discovery = try Pipeline.discovery(format: format)
        var options = ReaderOptions()
        options.hashArtifacts = mode == "build"
        let units = discovery.units(in: urls, options: options, log: log)
        sample.phases["discover"] = clock.lap()
        let compactTime = TimeAccumulator()
        let projects = discovery.read(units, compact: { run in
            guard mode == "build" else { return run }
            return compactTime.time { run.compacted(buckets: Pipeline.drawBuckets) }
        })
        let readAndCompact = clock.lap()
        sample.phases["summarise/decimate (cpu)"] = compactTime.seconds
        sample.phases["read"] = readAndCompact
        sample.points = projects.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.metrics.reduce(0) { $0 + $1.summary.count } } }
        sample.runs = projects.reduce(0) { $0 + $1.runs.count }
        if mode == "build" {
            let templates = try TemplateLoader.load(root: TemplateLoader.locateResources(executable: CommandLine.arguments[0]), override: nil, log: log)
            var siteOptions = SiteOptions()
            siteOptions.buildTime = 0
            let files = SiteBuilder(templates: templates, options: siteOptions).build(projects, log: log)
            sample.phases["render"] = clock.lap()
            try SiteWriter(output: URL(fileURLWithPath: out)).write(files)
            sample.phases["write"] = clock.lap()
        } else {
            let json = RunSummaryJSON.encode(projects.flatMap(\.runs))
            sample.phases["summary json"] = clock.lap()
            sample.outputBytes = json.utf8.count
        }
        sample.wall = sample.phases.filter { !$0.key.hasSuffix("(cpu)") }.values.reduce(0, +)
        sample.cpu = Usage.cpuSeconds() - cpu0
        sample.peakRSS = Usage.peakRSSBytes()
        sample.diagnostics = log.count
        return sample
    }
}
