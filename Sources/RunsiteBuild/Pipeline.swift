import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteSite

/// discover → read (+ summarise and thin each run as soon as it is read) → render → write.
/// Each phase is timed; `progress` hears about runs read and files written.
public enum Pipeline {
    public enum Failure: Error, CustomStringConvertible {
        case unknownFormat(String)
        case missingResources(String)
        public var description: String {
            switch self {
            case .unknownFormat(let name):
                return "unknown format '\(name)'; known formats: \(Readers.formatNames.joined(separator: ", "))"
            case .missingResources(let message): return message
            }
        }
    }

    /// Chart points kept per series: first/last/min/max in each of this many step bins.
    public static let drawBuckets = 1024

    public static func discovery(format: String?) throws -> Discovery {
        guard let format else { return Discovery(readers: Readers.all) }
        guard let reader = Readers.named(format) else { throw Failure.unknownFormat(format) }
        return Discovery(readers: [reader])
    }

    /// Reads every run under the inputs with all readers, or only the one named by `format`.
    /// Summaries are exact; with `compact`, series are thinned for drawing as each run is read.
    public static func readProjects(_ inputs: [URL], format: String?, options: ReaderOptions, log: DiagnosticLog,
                                    compact: Bool = false, only: [URL] = [], progress: BuildProgress? = nil) throws -> [Project] {
        let discovery = try discovery(format: format)
        var units = discovery.units(in: inputs, options: options, log: log)
        if !only.isEmpty {
            // `--only`: the runs whose unit lies in (or contains) one of these paths; ids stay relative to the INPUT.
            let wanted = only.map { $0.standardizedFileURL.path }
            units = units.filter { job in
                let item = job.unit.item.standardizedFileURL.path
                return wanted.contains { item == $0 || item.hasPrefix($0 + "/") || $0.hasPrefix(item + "/") }
            }
        }
        progress?.begin("read", total: units.count)
        let projects = discovery.read(units, compact: { compact ? $0.compacted(buckets: drawBuckets) : $0 },
                                      progress: { progress?.step($0) })
        progress?.end()
        return projects
    }

    /// Builds the site and writes it atomically into `request.output`.
    @discardableResult
    public static func build(_ request: BuildRequest, log: DiagnosticLog, progress: BuildProgress? = nil) throws -> BuildReport {
        var report = BuildReport()
        let writer = SiteWriter(output: request.output)
        try writer.checkOutput()
        let clock = PhaseClock()
        let templates = try TemplateLoader.load(root: request.resourceRoot, override: request.templateOverride, log: log)
        var projects = try readProjects(request.inputs, format: request.format, options: request.readerOptions, log: log,
                                        compact: true, progress: progress)
        if !request.digests.isEmpty {
            projects = ProjectMerging.merge(projects + DigestStore.read(request.digests, log: log))
        }
        report.phases.append(("discover+read+thin", clock.lap()))
        // Render and write together, page by page on all cores: only the pages in flight are in memory.
        let staging = try writer.stage()
        let pageCount = 1 + projects.count + projects.reduce(0) { $0 + $1.runs.count } + request.siteOptions.pages.count
        progress?.begin("write", total: pageCount)
        do {
            try SiteBuilder(templates: templates, options: request.siteOptions).build(projects, log: log) { file in
                try staging.write(file)
                progress?.step(staging.count)
            }
            try staging.commit()
        } catch {
            staging.abandon()
            throw error
        }
        progress?.end()
        report.phases.append(("render+write", clock.lap()))
        report.projectCount = projects.count
        report.runCount = projects.reduce(0) { $0 + $1.runs.count }
        report.fileCount = staging.count
        report.pointCount = projects.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.metrics.reduce(0) { $0 + $1.summary.count } } }
        return report
    }
}

/// Receives progress: the CLI draws it on a terminal; tests and pipes pass nil.
public protocol BuildProgress: AnyObject, Sendable {
    func begin(_ phase: String, total: Int)
    /// `done` of `total` finished; may be called from any thread.
    func step(_ done: Int)
    func end()
}

/// Wall-clock laps for the closing summary (timing only; never written into the site).
final class PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
