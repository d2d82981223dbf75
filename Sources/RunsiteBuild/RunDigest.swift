import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders

/// One run, summarised and thinned for drawing, as a small versioned JSON file: what travels from
/// the machines that read runs (`runsite digest`) to the one that builds the site
/// (`runsite build --from-digests`). The format is documented in docs/digests.md.
public struct RunDigest: Codable, Sendable {
    public static let formatName = "runsite-digest"
    public static let currentVersion = 1

    public var format = RunDigest.formatName
    public var version = RunDigest.currentVersion
    public var project: ProjectInfo
    public var run: Run

    public struct ProjectInfo: Codable, Sendable {
        public var name: String
        public var description: String?
        public var readme: String?
    }

    public init(project: Project, run: Run) {
        self.project = ProjectInfo(name: project.name, description: project.description, readme: project.readme)
        self.run = run
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        // Slashes unescaped: the base64 columns are full of them, and every `\/` sent the decoder
        // down its slow string path.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    public func encoded() throws -> Data { try Self.encoder().encode(self) }

    /// A file name that is stable for the same project and run id, and unique across them.
    public var fileName: String { Self.fileName(for: run) }

    /// The digest file name of a run (from its project and id).
    public static func fileName(for run: Run) -> String {
        let key = run.project + "\n" + run.id.path
        let h = FNV1a.hash(key.utf8)
        let readable = String(run.id.path.split(separator: "/").last ?? "run").unicodeScalars
            .map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "-" }
        return String(String(readable).prefix(40)) + "-" + String(h, radix: 16) + ".json"
    }
}

/// Writes and reads folders of digests.
public enum DigestStore {
    /// Writes one digest file per run into `directory` (created); returns the number written.
    @discardableResult
    public static func write(_ projects: [Project], series: [String: [UInt8]] = [:], to directory: URL) throws -> Int {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let digests = projects.flatMap { project in project.runs.map { RunDigest(project: project, run: $0) } }
        let failure = FirstError()
        _ = ParallelMap.map(digests) { digest in
            failure.attempt {
                if let bytes = series[digest.fileName] {
                    try Data(bytes).write(to: directory.appendingPathComponent(seriesName(digest.fileName)), options: .atomic)
                }
                try digest.encoded().write(to: directory.appendingPathComponent(digest.fileName), options: .atomic)
            }
        }
        try failure.rethrow()
        return digests.count
    }

    /// The run's `metrics.csv.gz` beside its digest `name` (`….json`).
    static func seriesName(_ name: String) -> String { baseName(name) + ".csv.gz" }

    /// A digest's file name without its `.json`, which the files kept beside it extend.
    static func baseName(_ name: String) -> String { name.hasSuffix(".json") ? String(name.dropLast(5)) : name }

    /// How many digests the folders hold (their `*.json` files), before any is read.
    static func count(_ directories: [URL]) -> Int {
        directories.reduce(0) { $0 + FilePaths.files(under: $1, confinedTo: $1).filter { $0.hasSuffix(".json") }.count }
    }

    /// Every `*.json` digest under the folders, merged into projects; unreadable or foreign files are warnings.
    public static func read(_ directories: [URL], log: DiagnosticLog) -> [Project] {
        readWithSources(directories, log: log).projects
    }

    /// As `read`, with the file each run came from.
    static func readWithSources(_ directories: [URL], log: DiagnosticLog) -> (projects: [Project], sources: [URL: Run]) {
        var files: [URL] = []
        for directory in directories {
            for path in FilePaths.files(under: directory, confinedTo: directory) where path.hasSuffix(".json") {
                files.append(directory.appendingPathComponent(path))
            }
        }
        let decoded = ParallelMap.map(files) { url -> (URL, Project)? in
            guard let data = FilePaths.contents(url) else {
                log.warning(.digestUnreadable, at: SourceLocation(file: FilePaths.display(url)))
                return nil
            }
            do {
                let digest = try RunDigest.decoder().decode(RunDigest.self, from: data)
                guard digest.format == RunDigest.formatName, digest.version <= RunDigest.currentVersion else {
                    log.warning(.digestUnsupported(newest: RunDigest.currentVersion), at: SourceLocation(file: FilePaths.display(url)))
                    return nil
                }
                let run = DigestConfinement.confine(digest.run, digest: url, log: log)
                return (url, Project(name: digest.project.name, description: digest.project.description,
                                     readme: digest.project.readme, runs: [run]))
            } catch {
                log.warning(.digestMalformed(error), at: SourceLocation(file: FilePaths.display(url)))
                return nil
            }
        }
        let found = decoded.compactMap { $0 }
        var sources: [URL: Run] = [:]
        for (url, project) in found { sources[url] = project.runs[0] }
        return (ProjectMerging.merge(found.map(\.1)), sources)
    }
}
