import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteSite

/// discover → read → model → render → write, one phase after the other; each phase is timed.
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

    /// Reads every run under the inputs with all readers, or only the one named by `format`.
    public static func readProjects(_ inputs: [URL], format: String?, options: ReaderOptions, log: DiagnosticLog) throws -> [Project] {
        let readers: [any RunReader]
        if let format {
            guard let reader = Readers.named(format) else { throw Failure.unknownFormat(format) }
            readers = [reader]
        } else {
            readers = Readers.all
        }
        return Discovery(readers: readers).readProjects(in: inputs, options: options, log: log)
    }

    /// Builds the site and writes it atomically into `request.output`.
    @discardableResult
    public static func build(_ request: BuildRequest, log: DiagnosticLog) throws -> BuildReport {
        var report = BuildReport()
        let writer = SiteWriter(output: request.output)
        try writer.checkOutput()
        let clock = PhaseClock()
        let templates = try TemplateLoader.load(root: request.resourceRoot, override: request.templateOverride, log: log)
        let projects = try readProjects(request.inputs, format: request.format, options: request.readerOptions, log: log)
        report.phases.append(("read", clock.lap()))
        let files = SiteBuilder(templates: templates, options: request.siteOptions).build(projects, log: log)
        report.phases.append(("render", clock.lap()))
        try writer.write(files)
        report.phases.append(("write", clock.lap()))
        report.projectCount = projects.count
        report.runCount = projects.reduce(0) { $0 + $1.runs.count }
        report.fileCount = files.count
        return report
    }
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
