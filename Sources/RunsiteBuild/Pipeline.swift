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
        case siteTooLarge(String)
        public var description: String {
            switch self {
            case .unknownFormat(let name):
                return "unknown format '\(name)'; known formats: \(Readers.formatNames.joined(separator: ", "))"
            case .missingResources(let message), .siteTooLarge(let message): return message
            }
        }
    }

    /// The walk with every reader, or only the one `format` names; `excluding` are folders never
    /// read as input (the site being built and its cache).
    public static func discovery(format: String?, excluding: [URL] = []) throws -> Discovery {
        guard let format else { return Discovery(readers: Readers.all, excluding: excluding) }
        guard let reader = Readers.named(format) else { throw Failure.unknownFormat(format) }
        return Discovery(readers: [reader], excluding: excluding)
    }

    /// Reads every run under the inputs with all readers, or only the one named by `format`.
    /// Summaries are exact; with `compact`, series are thinned for drawing as each run is read.
    /// With `summariesOnly`, each run keeps only its metrics' summaries (no points) once read.
    /// `whole` sees each run as read, before it is thinned.
    public static func readProjects(_ inputs: [URL], format: String?, options: ReaderOptions, log: DiagnosticLog,
                                    compact: Bool = false, summariesOnly: Bool = false, only: [URL] = [],
                                    progress: BuildProgress? = nil, whole: (@Sendable (Run) -> Void)? = nil) throws -> [Project] {
        let discovery = try discovery(format: format)
        var units = discovery.units(in: inputs, options: options, log: log)
        if !only.isEmpty {
            // `--only`: the runs whose unit lies in (or contains) one of these paths; ids stay relative
            // to the INPUT. Real paths, so that a path through a symlink names the same runs.
            let wanted = only.map { $0.resolvingSymlinksInPath().standardizedFileURL.path }
            units = units.filter { job in
                let item = job.unit.item.resolvingSymlinksInPath().standardizedFileURL.path
                return wanted.contains { item == $0 || item.hasPrefix($0 + "/") || $0.hasPrefix(item + "/") }
            }
        }
        progress?.begin("read", total: units.count)
        let projects = discovery.read(units, progress: { progress?.step($0) }) { job in
            job.read().map { project in
                var project = project
                project.runs = project.runs.map { run in
                    whole?(run)
                    return summariesOnly ? run.summarised() : compact ? Thinning.forPage(run) : run
                }
                return project
            }
        }
        progress?.end()
        return projects
    }

    /// Builds the site and writes it atomically into `request.output`. With `request.incremental`,
    /// runs whose files are unchanged since the last build into the same folder are loaded from its
    /// digests, and their pages reused; the result is the same bytes as a clean build.
    @discardableResult
    public static func build(_ request: BuildRequest, log: DiagnosticLog, progress: BuildProgress? = nil) throws -> BuildReport {
        var report = BuildReport()
        let writer = SiteWriter(output: request.output)
        try writer.checkOutput()
        let clock = PhaseClock()
        let templates = try TemplateLoader.load(root: request.resourceRoot, override: request.templateOverride, log: log)
        let staging = try writer.stage()
        staging.log = log
        staging.confinement = request.inputs.compactMap { FilePaths.realPath(nil, path: $0.path) }
        let cacheWriter = SiteWriter(output: request.cacheDirectory ?? CacheLocation.folder(for: request.output))
        let cacheStaging: SiteWriter.StagingArea
        do { cacheStaging = try cacheWriter.stage() } catch {
            staging.abandon()
            throw SiteWriter.Failure.io("the build cache (--cache-dir): \(error)")
        }
        do {
            let cache = BuildCache(previousSite: request.output, staging: staging, previousCache: cacheWriter.output,
                                   cacheStaging: cacheStaging, version: request.siteOptions.version, incremental: request.incremental)
            let provenance = ProvenanceLog()
            var projects = try readIncrementally(request, cache: cache, log: log, progress: progress, provenance: provenance)
            if !request.digests.isEmpty {
                let loaded = DigestStore.readWithSources(request.digests, log: log)
                cache.register(digests: loaded.sources,
                               series: cache.writesSeries)
                staging.confinement? += DigestConfinement.folders(loaded.sources.values)
                for (url, run) in loaded.sources {
                    let shown = digestDisplayPath(url, folders: request.digests)
                    let file = Provenance.SourceFile(path: shown, size: FilePaths.size(url), sha256: ArtifactScanner.sha256(of: url))
                    provenance.add(Provenance.Unit(reader: "digest (" + run.source + ")", path: shown, runs: [run.id], files: [file]),
                                   key: "digest\t" + url.path)
                }
                let units = cache.unitCount + loaded.sources.count
                let thin = units > Thinning.overviewThreshold
                let buckets = Thinning.overviewBins(units: units)
                if thin && (!cache.thinned || buckets < cache.overviewBuckets) {
                    projects = Thinning.forOverview(projects, bins: buckets)   // same bins for every run
                }
                (cache.thinned, cache.overviewBuckets, cache.unitCount) = (thin, buckets, units)
                projects = ProjectMerging.merge(projects + (thin ? Thinning.forOverview(loaded.projects, bins: buckets) : loaded.projects))
            }
            report.phases.append(("discover+read+thin", clock.lap()))
            // Render and write together, page by page on all cores: only the pages in flight are in memory.
            let pageCount = 1 + projects.count + projects.reduce(0) { $0 + $1.runs.count } + request.siteOptions.pages.count
            progress?.begin("write", total: pageCount)
            var builder = SiteBuilder(templates: templates, options: request.siteOptions)
            builder.cache = cache
            builder.store = cache
            try builder.build(projects, log: log) { file in
                try staging.write(file)
                progress?.step(staging.count)
            }
            if request.singleFile {
                // The page embeds files as this build wrote them: in the staging tree, or in the
                // folders it takes over from the previous site at commit.
                let previous = request.output
                report.singleFile = builder.singleFilePage(projects, SingleFile { path in
                    guard !SiteWriter.escapes(path) else { return nil }
                    return (FilePaths.contents(staging.url(path)) ?? FilePaths.contents(previous.child(path))).map { Array($0) }
                }, log: log)
            }
            let settings: [(String, String)] = [
                ("run page decimation", "first, last, min and max of every metric in each of \(Thinning.pageBins) step bins, plus every non-finite point and the steps where any metric is first, last, lowest or highest; charts then keep those four per pixel column"),
                ("overview decimation", cache.thinned ? "the same with \(cache.overviewBuckets) bins per run for bands over many runs in project and report charts (their lines are drawn as on run pages)" : "as run pages"),
                ("smoothing", request.siteOptions.smoothing == 0 ? "off unless a chart sets :smoothing:" : "TensorBoard's debiased EMA, weight \(request.siteOptions.smoothing)"),
                ("summaries", "count, first, last, min and max of every logged point, never decimated"),
            ]
            try staging.write(OutputFile("manifest.json", .text(provenance.provenance.json(settings: settings, version: request.siteOptions.version))))
            try cache.finish()
            report.siteSize = SiteSize(files: staging.fileSizes())
            if let limit = request.maxSiteBytes, report.siteSize.bytes > limit { throw Failure.siteTooLarge(report.siteSize.overBudget(limit)) }
            try staging.commit()
            do { try cacheStaging.commit() } catch {
                // The site is in place; the next build reads every run again.
                log.warning(.cacheNotWritten(error), at: SourceLocation(file: cacheWriter.output.path))
            }
            progress?.end()
            report.phases.append(("render+write", clock.lap()))
            report.reusedRuns = cache.reusedUnits
            report.reusedPages = cache.reusedPages
            report.projectCount = projects.count
            report.runCount = projects.reduce(0) { $0 + $1.runs.count }
            report.fileCount = staging.count
            report.pointCount = projects.reduce(0) { $0 + $1.runs.reduce(0) { $0 + $1.metrics.reduce(0) { $0 + $1.summary.count } } }
        } catch {
            staging.abandon()
            cacheStaging.abandon()
            throw error
        }
        return report
    }

    /// A digest file as `manifest.json` names it: relative to its `--from-digests` folder, under
    /// that folder's name, so that no absolute path of the building machine is published.
    static func digestDisplayPath(_ url: URL, folders: [URL]) -> String {
        let path = url.standardizedFileURL.path
        for folder in folders {
            let base = folder.standardizedFileURL.path
            if path.hasPrefix(base + "/") { return folder.lastPathComponent + "/" + FilePaths.relative(path, to: base) }
        }
        return url.lastPathComponent
    }

    /// Reads every unit on all cores, or takes it from the cache when its files are unchanged;
    /// each unit's diagnostics are kept with it so that a reused unit reports them again.
    static func readIncrementally(_ request: BuildRequest, cache: BuildCache?, log: DiagnosticLog, progress: BuildProgress?,
                                  provenance: ProvenanceLog? = nil) throws -> [Project] {
        let discovery = try discovery(format: request.format,
                                      excluding: [request.output, request.cacheDirectory ?? CacheLocation.folder(for: request.output)])
        let jobs = discovery.units(in: request.inputs, options: request.readerOptions, log: log)
        // Small builds keep every run at full resolution in memory; large ones keep runs thinned for
        // the overview charts and load each run's digest again for its own page.
        let thin = cache != nil && jobs.count > Thinning.overviewThreshold
        let buckets = Thinning.overviewBins(units: jobs.count)
        cache?.thinned = thin
        cache?.overviewBuckets = buckets
        cache?.unitCount = jobs.count
        // Decided once for the whole build, read units and digests together, so that a site from
        // digests links series files exactly when a direct build of the same runs does.
        let writesSeries = cache != nil && request.siteOptions.seriesFiles.writes(units: jobs.count + DigestStore.count(request.digests))
        cache?.writesSeries = writesSeries
        let fullCharts = request.siteOptions.chartData == .full
        // What is kept of a unit depends on these too: a unit read without them is read again.
        let keeps = (writesSeries ? "\u{1}series" : "") + (fullCharts ? "\u{1}full" : "")
        progress?.begin("read", total: jobs.count)
        let done = FirstError()
        let projects = discovery.read(jobs, progress: { progress?.step($0) }) { job -> [Project] in
            let key = job.reader.format + "\t" + job.unit.claim.path + "\t" + job.unit.item.path
            let signature = cache == nil ? "" : BuildCache.signature(of: job.unit, format: job.reader.format, options: request.readerOptions,
                                                                                  clockHorizon: job.reader.clockHorizon) + keeps + (job.context.runIDQualifier.map { "\u{1}id " + $0 } ?? "")
            func note(_ projects: [Project], _ files: [Provenance.SourceFile]) {
                provenance?.add(Provenance.Unit(reader: job.reader.format, path: job.context.relativePath(job.unit.item),
                                                runs: projects.flatMap { $0.runs.map(\.id) }.sorted(), files: files), key: key)
            }
            // Large builds hold runs stripped of their columns once their overview digest is written;
            // pages load them again for their scope. (Not with `--from-digests`, which may thin again.)
            let strip = thin && request.digests.isEmpty
            func held(_ projects: [Project]) -> [Project] {
                guard strip, let cache else { return projects }
                return cache.stripped(projects)
            }
            if let cached = cache?.cachedProjects(for: key, signature: signature, overview: thin ? buckets : nil, points: !strip) {
                log.append(contentsOf: cached.diagnostics)
                note(cached.projects, cached.files)
                return held(cached.projects)
            }
            let unitLog = DiagnosticLog()
            let hashes = provenance == nil ? nil : SourceHashes()
            let read = SourceHashes.$current.withValue(hashes) { job.read(log: unitLog) }
            let series = writesSeries ? SeriesFiles.compressed(read) : [:]
            let projects = fullCharts ? read : Thinning.forPages(read)
            let diagnostics = unitLog.sorted
            log.append(contentsOf: diagnostics)
            let files = provenance == nil ? [] : Provenance.files(of: job.unit, runs: projects.flatMap(\.runs), relativeTo: job.context, read: hashes)
            note(projects, files)
            let overview = thin ? Thinning.forOverview(projects, bins: buckets) : nil
            done.attempt { try cache?.store(projects, overview: overview, series: series, diagnostics: diagnostics, files: files, for: key, signature: signature) }
            return held(overview ?? projects)
        }
        try done.rethrow()
        progress?.end()
        return projects
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
