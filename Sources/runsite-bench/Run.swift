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
        let bytes = urls.reduce(Int64(0)) { $0 + FilePaths.diskUsage($1) }
        var samples: [Sample] = []
        for _ in 0..<max(1, self.repeat) {
            samples.append(try measure(urls))
        }
        Report.print(samples: samples, bytes: bytes, mode: mode, inputs: inputs)
    }

    func measure(_ urls: [URL]) throws -> Sample {
        mode == "build" ? try measureBuild(urls) : try measureSummary(urls)
    }

    /// What `runsite build` does, through the same pipeline (read + thin per run; render + write streamed).
    func measureBuild(_ urls: [URL]) throws -> Sample {
        let log = DiagnosticLog()
        var sample = Sample()
        let cpu0 = Usage.cpuSeconds()
        var request = BuildRequest(inputs: urls, output: URL(fileURLWithPath: out),
                                   resourceRoot: TemplateLoader.locateResources(executable: CommandLine.arguments[0]))
        request.format = format
        request.siteOptions.buildTime = 0
        let report = try Pipeline.build(request, log: log)
        for phase in report.phases { sample.phases[phase.name] = phase.seconds }
        sample.wall = report.phases.reduce(0) { $0 + $1.seconds }
        sample.cpu = Usage.cpuSeconds() - cpu0
        sample.peakRSS = Usage.peakRSSBytes()
        sample.runs = report.runCount
        sample.points = report.pointCount
        sample.diagnostics = log.count(of: .warning) + log.count(of: .error)
        return sample
    }

    /// What `runsite export summary` does: read every point, summarise, write the JSON.
    func measureSummary(_ urls: [URL]) throws -> Sample {
        let log = DiagnosticLog()
        var sample = Sample()
        let cpu0 = Usage.cpuSeconds()
        var clock = Stopwatch()
        var options = ReaderOptions()
        options.hashArtifacts = false
        let projects = try Pipeline.readProjects(urls, format: format, options: options, log: log, summariesOnly: true)
        sample.phases["discover+read"] = clock.lap()
        let json = RunSummaryJSON.encode(projects.flatMap(\.runs))
        sample.phases["summary json"] = clock.lap()
        sample.outputBytes = json.utf8.count
        sample.points = projects.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.metrics.reduce(0) { $0 + $1.summary.count } } }
        sample.runs = projects.reduce(0) { $0 + $1.runs.count }
        sample.wall = sample.phases.values.reduce(0, +)
        sample.cpu = Usage.cpuSeconds() - cpu0
        sample.peakRSS = Usage.peakRSSBytes()
        sample.diagnostics = log.count(of: .warning) + log.count(of: .error)
        return sample
    }
}
