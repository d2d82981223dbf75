import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteSite

/// The incremental-build cache, kept inside the site as `.runsite-cache/` (so it is written, replaced
/// and removed with the site, atomically):
///
/// - `index.json`: for each read unit (a run, usually) the signature of its source files (paths,
///   sizes, modification times) and the digests it produced; for each run page its fingerprint and files.
/// - `digests/*.json`: one `RunDigest` per run.
///
/// A unit whose files are unchanged is loaded from its digests instead of being read; a run page
/// whose fingerprint is unchanged is hard-linked from the previous site instead of being rendered.
/// The output is the same bytes a clean build writes (tested).
final class BuildCache: PageCache, @unchecked Sendable {
    static let folder = ".runsite-cache"
    static let formatVersion = "1"

    struct Index: Codable {
        var version: String
        var units: [String: UnitEntry] = [:]
        var pages: [String: PageEntry] = [:]
    }
    struct UnitEntry: Codable {
        var signature: String
        var digests: [String]
        var diagnostics: [Diagnostic]
        /// The unit's source files with size and SHA-256, for `manifest.json` (not hashed again when reused).
        var files: [Provenance.SourceFile] = []
    }
    struct PageEntry: Codable { var fingerprint: String; var files: [String] }

    private let old: Index
    private let oldSite: URL
    private let staging: SiteWriter.StagingArea
    private let lock = NSLock()
    private var new: Index
    private(set) var reusedUnits = 0
    private(set) var reusedPages = 0
    /// Where the full-resolution digest of each run is, by `RunDigest.fileName(for:)`.
    private var details: [String: URL] = [:]
    /// Whether the previous build's cache is used (incremental); digests are written either way,
    /// since run pages load their full-resolution series from them.
    private let reading: Bool
    /// Whether the site's runs are thinned for overviews, so run pages load their full digest.
    var thinned = false
    /// Step bins per series of the thinned runs, and the read units they were chosen for.
    var overviewBuckets = Pipeline.overviewBuckets(units: 0)
    var unitCount = 0

    init(previousSite: URL, staging: SiteWriter.StagingArea, version: String, incremental: Bool) {
        reading = incremental
        let key = version + "/" + Self.formatVersion
        let url = previousSite.appendingPathComponent(Self.folder + "/index.json")
        let loaded = FileManager.default.contents(atPath: url.path).flatMap { try? JSONDecoder().decode(Index.self, from: $0) }
        old = loaded?.version == key ? loaded! : Index(version: key)
        oldSite = previousSite
        self.staging = staging
        new = Index(version: key)
    }

    // MARK: Units

    /// The runs (and the diagnostics their reading gave) of a unit from the previous build, when its
    /// files are unchanged; nil means read it.
    func cachedProjects(for key: String, signature: String) -> (projects: [Project], diagnostics: [Diagnostic], files: [Provenance.SourceFile])? {
        guard reading, let entry = old.units[key], entry.signature == signature else { return nil }
        var projects: [Project] = []
        for name in entry.digests {
            let url = oldSite.appendingPathComponent(Self.folder + "/digests/" + name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let digest = try? RunDigest.decoder().decode(RunDigest.self, from: data) else { return nil }
            projects.append(Project(name: digest.project.name, description: digest.project.description,
                                    readme: digest.project.readme, runs: [digest.run]))
        }
        for name in entry.digests { try? staging.link(oldSite.appendingPathComponent(Self.folder + "/digests/" + name), as: Self.folder + "/digests/" + name) }
        lock.lock()
        new.units[key] = entry
        reusedUnits += 1
        for name in entry.digests { details[name] = staging.url(Self.folder + "/digests/" + name) }
        lock.unlock()
        return (projects, entry.diagnostics, entry.files)
    }

    /// Stores the digests of a unit just read.
    func store(_ projects: [Project], diagnostics: [Diagnostic], files: [Provenance.SourceFile], for key: String, signature: String) throws {
        var names: [String] = []
        for project in projects {
            for run in project.runs {
                let digest = RunDigest(project: project, run: run)
                names.append(digest.fileName)
                let path = Self.folder + "/digests/" + digest.fileName
                try staging.write(OutputFile(path, .bytes([UInt8](try digest.encoded()))))
                lock.lock(); details[digest.fileName] = staging.url(path); lock.unlock()
            }
        }
        lock.lock(); new.units[key] = UnitEntry(signature: signature, digests: names, diagnostics: diagnostics, files: files); lock.unlock()
    }

    /// Notes where runs read from `--from-digests` folders have their full-resolution digest.
    func register(digests: [URL: Run]) {
        lock.lock(); defer { lock.unlock() }
        for (url, run) in digests { details[RunDigest.fileName(for: run)] = url }
    }

    /// The full-resolution run behind a run thinned for overview charts (nil when unknown).
    func detail(of run: Run) -> Run? {
        guard thinned else { return nil }
        lock.lock(); let url = details[RunDigest.fileName(for: run)]; lock.unlock()
        guard let url, let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? RunDigest.decoder().decode(RunDigest.self, from: data).run
    }

    /// A fingerprint of the run's full digest bytes (cheaper than encoding the run again).
    func digestHash(of run: Run) -> UInt64? {
        lock.lock(); let url = details[RunDigest.fileName(for: run)]; lock.unlock()
        guard let url, let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return FNV1a.hash(data)
    }

    // MARK: Pages

    func reuse(_ path: String, fingerprint: String) -> Bool {
        guard reading, let entry = old.pages[path], entry.fingerprint == fingerprint else { return false }
        let fm = FileManager.default
        guard entry.files.allSatisfy({ fm.fileExists(atPath: oldSite.appendingPathComponent($0).path) }) else { return false }
        do {
            for file in entry.files { try staging.link(oldSite.appendingPathComponent(file), as: file) }
        } catch { return false }
        lock.lock(); new.pages[path] = entry; reusedPages += 1; lock.unlock()
        return true
    }

    func record(_ path: String, fingerprint: String, files: [String]) {
        lock.lock(); new.pages[path] = PageEntry(fingerprint: fingerprint, files: files); lock.unlock()
    }

    /// Writes the new index into the staging tree (last, after every unit and page).
    func finish() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        lock.lock(); let index = new; lock.unlock()
        try staging.write(OutputFile(Self.folder + "/index.json", .bytes([UInt8](try encoder.encode(index)))))
    }

    /// The signature of a unit's files: every regular file under its item (or the item itself),
    /// with size and modification time in nanoseconds, plus what else changes how it is read.
    static func signature(of unit: ReadUnit, format: String, options: ReaderOptions) -> String {
        var h = FNV1a()
        func mix(_ text: String) { h.add(text) }
        mix(format + "|\(options.includeDeleted)|\(options.hashArtifacts)|" + unit.claim.path + "|" + unit.item.path)
        let root = unit.item
        let paths = FilePaths.isDirectory(root) ? FilePaths.files(under: root, confinedTo: root).map { root.appendingPathComponent($0) } : [root]
        for url in paths {
            var info = stat()
            guard stat(url.path, &info) == 0 else { mix(url.path + "|missing"); continue }
            mix(url.path + "|\(info.st_size)|\(info.st_mtim.tv_sec)|\(info.st_mtim.tv_nsec)")
        }
        return String(h.value, radix: 16)
    }
}
