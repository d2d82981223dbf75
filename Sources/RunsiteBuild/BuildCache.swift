import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteSite

/// The incremental-build cache, kept outside the published site in its own folder (`--cache-dir`,
/// by default under `$XDG_CACHE_HOME/runsite/`, see `CacheLocation`), written and swapped in like a
/// site by a second `SiteWriter` once the site is in place. It holds absolute input paths, which
/// must not be published:
///
/// - `index.json`: for each read unit (a run, usually) the signature of its source files (paths,
///   sizes, modification times) and the digests it produced; for each run page its fingerprint and files.
/// - `digests/*.digest`: one `RunDigest` per run, at run-page resolution, as metadata JSON and binary
///   metrics packed in one file (`DigestColumns.pack`) so that loading one is cheap.
/// - `overview-N/*.digest`: the same runs thinned to N bins for overview charts (large builds only),
///   so that an unchanged run costs a small file to load.
///
/// A unit whose files are unchanged is loaded from its digests instead of being read; a run page
/// whose fingerprint is unchanged is hard-linked from the previous site instead of being rendered.
/// The output is the same bytes a clean build writes (tested). The site's marker records the hash
/// of the index written with it (`cache`): when they disagree (the cache was not committed after
/// its site, or belongs to another one), no page is reused.
///
/// Unchecked because `lock` guards what parallel reads and pages update (the new index, the counts,
/// the digest paths), while `thinned`, `overviewBuckets`, `unitCount` and `writesSeries` are set by the pipeline
/// between the parallel phases.
final class BuildCache: PageCache, RunStore, @unchecked Sendable {
    /// Bump when the digests change, and also when what a page renders to changes for the same
    /// runs and templates (a page's fingerprint covers its inputs, not runsite's code): otherwise a
    /// rebuild by the new runsite keeps pages rendered by the old one.
    static let formatVersion = "12"

    struct Index: Codable {
        var version: String
        var units: [String: UnitEntry] = [:]
        var pages: [String: PageEntry] = [:]
    }
    struct UnitEntry: Codable {
        var signature: String
        var digests: [DigestEntry]
        var diagnostics: [Diagnostic]
        /// The unit's source files with size and SHA-256, for `manifest.json` (not hashed again when reused).
        var files: [Provenance.SourceFile] = []
    }
    struct PageEntry: Codable { var fingerprint: String; var files: [String] }
    /// A digest file and the `WordHash` of its bytes (hex), so page fingerprints need not read it
    /// again, and whether the run's series file (`seriesPath`) was written with it.
    struct DigestEntry: Codable { var name: String; var hash: String; var series: Bool? = nil }

    /// The previous build's index, decoded on another thread while the inputs are walked: it is
    /// megabytes of JSON for a few hundred runs, and nothing else needs to wait for it.
    private let previous: Pending<Index>
    private var old: Index { previous.value }
    private let oldSite: URL
    private let oldCache: URL
    /// The site's staging tree (reused pages) and the cache's (digests, index).
    private let staging: SiteWriter.StagingArea
    private let cacheStaging: SiteWriter.StagingArea
    private let lock = NSLock()
    private var new: Index
    private(set) var reusedUnits = 0
    private(set) var reusedPages = 0
    /// Where the full-resolution digest of each run is (and its hash, when known), by `RunDigest.fileName(for:)`.
    /// Held as file paths, not `URL`s: a large build notes two per run, and a `URL` keeps its parse
    /// beside its text.
    private var details: [String: (path: String, hash: UInt64?)] = [:]
    /// Runs (by digest file name) with an overview digest, and where to read it during the build (in
    /// the staging tree, or in the previous site when it is carried over), so that the build can hold
    /// them stripped of their columns and load them per page (`overviewRun(of:)`).
    private var overviews: [String: String] = [:]
    /// Runs (by digest file name) with a gzip-compressed CSV of every logged point, and where it is.
    private var seriesFiles: [String: String] = [:]
    /// Whether the previous build's cache is used (incremental); digests are written either way,
    /// since run pages load their full-resolution series from them.
    private let reading: Bool
    /// Whether the site's runs are thinned for overviews, so run pages load their full digest.
    var thinned = false
    /// Step bins per series of the thinned runs, and the read units they were chosen for.
    var overviewBuckets = Thinning.overviewBins(units: 0)
    var unitCount = 0
    /// Whether this build writes (and links) each run's series file.
    var writesSeries = false

    init(previousSite: URL, staging: SiteWriter.StagingArea, previousCache: URL, cacheStaging: SiteWriter.StagingArea,
         version: String, incremental: Bool) {
        reading = incremental
        let key = version + "/" + Self.formatVersion
        let url = previousCache.child(Self.indexPath)
        previous = Pending {
            guard incremental, let bytes = ByteReading.contents(of: url),
                  var loaded = try? JSONDecoder().decode(Index.self, from: Data(bytes)), loaded.version == key else { return Index(version: key) }
            if SiteWriter.markerCacheToken(of: previousSite) != Self.token(bytes) { loaded.pages = [:] }
            return loaded
        }
        oldSite = previousSite
        oldCache = previousCache
        self.staging = staging
        self.cacheStaging = cacheStaging
        new = Index(version: key)
    }

    // MARK: Units

    /// The runs (and the diagnostics their reading gave) of a unit from the previous build, when its
    /// files are unchanged; nil means read it. With `overview`, the runs come thinned for overview
    /// charts, from the small overview digests when the previous build wrote them; without `points`,
    /// runs taken from overview digests come as the build holds them (summaries only, `stripped`).
    func cachedProjects(for key: String, signature: String, overview: Int?, points: Bool = true)
        -> (projects: [Project], diagnostics: [Diagnostic], files: [Provenance.SourceFile])? {
        guard reading, let entry = old.units[key], entry.signature == signature else { return nil }
        var projects: [Project] = []
        var fresh: [OutputFile] = []
        var reused: [String] = []
        var notedOverviews: [(String, String)] = []
        for digest in entry.digests {
            let full = Self.digestPath(digest.name), thin = Self.overviewPath(digest.name, buckets: overview ?? 0)
            if overview != nil, let run = Self.decode(oldCache.child(thin), only: points ? nil : []) {
                projects.append(run)
                reused.append(thin)
                notedOverviews.append((digest.name, oldCache.child(thin).path))
                continue
            }
            guard var project = Self.decode(oldCache.child(full)) else { return nil }
            if let overview {
                project = Thinning.forOverview([project], bins: overview)[0]
                guard let packed = try? DigestColumns.packed(RunDigest(project: project, run: project.runs[0])) else { return nil }
                fresh.append(OutputFile(thin, .bytes(packed)))
                notedOverviews.append((digest.name, cacheStaging.url(thin).path))
            }
            projects.append(project)
        }
        // Kept digests stay in the previous cache until its commit moves their folder over whole.
        for digest in entry.digests { cacheStaging.carry(Self.digestPath(digest.name)) }
        for digest in entry.digests where digest.series == true { cacheStaging.carry(Self.seriesPath(digest.name)) }
        for path in reused { cacheStaging.carry(path) }
        for file in fresh { try? cacheStaging.write(file) }
        lock.lock()
        new.units[key] = entry
        for (name, path) in notedOverviews { overviews[name] = path }
        reusedUnits += 1
        for digest in entry.digests { details[digest.name] = (oldCache.child(Self.digestPath(digest.name)).path, UInt64(digest.hash, radix: 16)) }
        for digest in entry.digests where digest.series == true { seriesFiles[digest.name] = oldCache.child(Self.seriesPath(digest.name)).path }
        lock.unlock()
        return (projects, entry.diagnostics, entry.files)
    }

    /// Stores the digests of a unit just read, and with `overview` (the same runs thinned for
    /// overview charts) their overview digests; `series` are the runs' compressed series files, by
    /// digest file name.
    func store(_ projects: [Project], overview: [Project]?, series: [String: [UInt8]] = [:], diagnostics: [Diagnostic],
               files: [Provenance.SourceFile], for key: String, signature: String) throws {
        var entries: [DigestEntry] = []
        for project in projects {
            for run in project.runs {
                let digest = RunDigest(project: project, run: run)
                let packed = try DigestColumns.packed(digest)
                let hash = WordHash.hash(packed)
                let compressed = series[digest.fileName]
                entries.append(DigestEntry(name: digest.fileName, hash: String(hash, radix: 16), series: compressed == nil ? nil : true))
                if let compressed {
                    try cacheStaging.write(OutputFile(Self.seriesPath(digest.fileName), .bytes(compressed)))
                    lock.lock(); seriesFiles[digest.fileName] = cacheStaging.url(Self.seriesPath(digest.fileName)).path; lock.unlock()
                }
                try cacheStaging.write(OutputFile(Self.digestPath(digest.fileName), .bytes(packed)))
                lock.lock(); details[digest.fileName] = (cacheStaging.url(Self.digestPath(digest.fileName)).path, hash); lock.unlock()
            }
        }
        for project in overview ?? [] {
            for run in project.runs {
                let digest = RunDigest(project: project, run: run)
                let path = Self.overviewPath(digest.fileName, buckets: overviewBuckets)
                try cacheStaging.write(OutputFile(path, .bytes(try DigestColumns.packed(digest))))
                lock.lock(); overviews[digest.fileName] = cacheStaging.url(path).path; lock.unlock()
            }
        }
        lock.lock(); new.units[key] = UnitEntry(signature: signature, digests: entries, diagnostics: diagnostics, files: files); lock.unlock()
    }

    static let indexPath = "index.json"
    static func digestPath(_ name: String) -> String { "digests/" + packName(name) }
    static func overviewPath(_ name: String, buckets: Int) -> String { "overview-\(buckets)/" + packName(name) }
    static func seriesPath(_ name: String) -> String { "series/" + packName(name) + ".csv.gz" }

    /// The run's compressed series file, when this build has one.
    func seriesFile(of run: Run) -> [UInt8]? {
        lock.lock(); let path = seriesFiles[RunDigest.fileName(for: run)]; lock.unlock()
        return path.flatMap { ByteReading.contents(of: URL(fileURLWithPath: $0)) }
    }
    /// What the site's marker records of the index written with it: a hash of the index's bytes.
    static func token(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { token($0) } }
    static func token(_ bytes: UnsafeRawBufferPointer) -> String { String(WordHash.hash(bytes), radix: 16) }
    /// A packed digest's file name: the digest's, with `.digest` for `.json` (the file is metadata
    /// JSON followed by binary metrics).
    static func packName(_ name: String) -> String { DigestStore.baseName(name) + ".digest" }

    /// A digest file as a project of one run; nil when it is missing or unreadable.
    private static func decode(_ url: URL, only: Set<String>? = nil) -> Project? {
        guard let digest = digest(at: url, only: only) else { return nil }
        return Project(name: digest.project.name, description: digest.project.description, readme: digest.project.readme, runs: [digest.run])
    }

    /// Notes where runs read from `--from-digests` folders have their full-resolution digest, and
    /// with `series` their `metrics.csv.gz` when `runsite digest` wrote one beside it.
    func register(digests: [URL: Run], series: Bool) {
        let found = series ? digests.keys.filter { FileManager.default.fileExists(atPath: Self.seriesBeside($0).path) } : []
        lock.lock(); defer { lock.unlock() }
        for (url, run) in digests { details[RunDigest.fileName(for: run)] = (url.path, nil) }
        for url in found { seriesFiles[RunDigest.fileName(for: digests[url]!)] = Self.seriesBeside(url).path }
    }

    private static func seriesBeside(_ digest: URL) -> URL {
        digest.deletingLastPathComponent().appendingPathComponent(DigestStore.seriesName(digest.lastPathComponent))
    }

    var heldBins: Int? { thinned ? overviewBuckets : nil }

    func run(_ run: Run, at resolution: RunResolution) -> Run? {
        switch resolution {
        case .page: detail(of: run)
        case .lines(let bins): detail(of: run).map { Thinning.lines($0, bins: bins) }
        case .overview(let metrics): overviewRun(of: run, metrics: metrics)
        }
    }

    /// The runs with an overview digest in the staging tree stripped of their columns (keys and
    /// exact summaries kept): a large build holds only that between reading and rendering.
    func stripped(_ projects: [Project]) -> [Project] {
        lock.lock(); let known = overviews; lock.unlock()
        return projects.map { project in
            var project = project
            project.runs = project.runs.map { known[RunDigest.fileName(for: $0)] != nil ? $0.summarised() : $0 }
            return project
        }
    }

    /// The held run with its metrics (all, or the columns of `metrics` only) read back from its
    /// overview digest's binary file alone: the run's metadata is held already, so its JSON is not
    /// decoded again (decoding it would be most of the cost of loading a project page's runs).
    func overviewRun(of run: Run, metrics only: Set<String>?) -> Run? {
        lock.lock(); let path = overviews[RunDigest.fileName(for: run)]; lock.unlock()
        guard let path, let bytes = ByteReading.contents(of: URL(fileURLWithPath: path)), let packed = DigestColumns.unpack(bytes) else { return nil }
        var meta = RunDigest(project: Project(name: run.project, runs: []), run: run)
        meta.run.metrics = []
        return DigestColumns.join(meta, bytes, at: packed.columnsAt, only: only)?.run
    }

    /// The full-resolution run behind a run thinned for overview charts (nil when unknown).
    func detail(of run: Run) -> Run? {
        guard thinned else { return nil }
        lock.lock(); let path = details[RunDigest.fileName(for: run)]?.path; lock.unlock()
        guard let path else { return nil }
        return Self.digest(at: URL(fileURLWithPath: path))?.run
    }

    /// A digest file: packed (what this build wrote or reused) or whole JSON (`--from-digests`).
    private static func digest(at url: URL, only: Set<String>? = nil) -> RunDigest? {
        guard let bytes = ByteReading.contents(of: url) else { return nil }
        guard let packed = DigestColumns.unpack(bytes) else { return try? RunDigest.decoder().decode(RunDigest.self, from: Data(bytes)) }
        guard let meta = try? RunDigest.decoder().decode(RunDigest.self, from: Data(packed.meta)) else { return nil }
        return DigestColumns.join(meta, bytes, at: packed.columnsAt, only: only)
    }

    /// A fingerprint of the run's full digest bytes (cheaper than encoding the run again): noted when
    /// the digest was written or reused, else hashed from its file.
    func digestHash(of run: Run) -> UInt64? {
        lock.lock(); let known = details[RunDigest.fileName(for: run)]; lock.unlock()
        guard let known else { return nil }
        if let hash = known.hash { return hash }
        return ByteReading.contents(of: URL(fileURLWithPath: known.path)).map { WordHash.hash($0) }
    }

    // MARK: Pages

    func reuse(_ path: String, fingerprint: String) -> Bool {
        guard reading, let entry = old.pages[path], entry.fingerprint == fingerprint else { return false }
        // A page alone in its folder (a run page with its figures and media) takes the folder over whole.
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        if !staging.adopt(folder, of: oldSite, files: entry.files) {
            let fm = FileManager.default
            guard entry.files.allSatisfy({ fm.fileExists(atPath: oldSite.child($0).path) }) else { return false }
            do {
                for file in entry.files { try staging.link(oldSite.child(file), as: file) }
            } catch { return false }
        }
        lock.lock(); new.pages[path] = entry; reusedPages += 1; lock.unlock()
        return true
    }

    func record(_ path: String, fingerprint: String, files: [String]) {
        lock.lock(); new.pages[path] = PageEntry(fingerprint: fingerprint, files: files); lock.unlock()
    }

    /// Writes the new index into the cache's staging tree (last, after every unit and page), and
    /// has the site's marker record it.
    func finish() throws {
        lock.lock(); let index = new; lock.unlock()
        var text = try index.json()
        staging.cacheToken = text.withUTF8 { Self.token(UnsafeRawBufferPointer($0)) }
        try cacheStaging.write(OutputFile(Self.indexPath, .text(text)))
    }
}
