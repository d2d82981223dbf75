import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RunsiteCore
import RunsiteModel

/// The one walk of an INPUT: it finds, at any depth, the directories that some reader claims, and
/// goes on below each claim into the folders its reader leaves open (`RunReader.openFolders`).
public struct Discovery: Sendable {
    public struct Claim: Sendable {
        public var reader: any RunReader
        public var directory: URL
    }

    public var readers: [any RunReader]
    /// Real paths never walked: the site being built and its cache, when they lie inside an INPUT.
    public var excluded: Set<String> = []
    /// How deep below an INPUT folders are walked.
    static let maxDepth = 48

    /// - Parameter readers: in priority order; the first reader that claims a directory wins.
    public init(readers: [any RunReader], excluding excluded: [URL] = []) {
        self.readers = readers
        self.excluded = Set(excluded.map { $0.resolvingSymlinksInPath().standardizedFileURL.path })
    }

    /// Claims under `input`, in walk order (sorted paths, a claim before the claims below it).
    /// Folders that `WalkSkips` names are not walked, but readers see hidden names among a
    /// directory's entries (`.hydra`, `.trash`).
    public func claims(in input: URL, log: DiagnosticLog) -> [Claim] {
        var result: [Claim] = []
        var visited = Set<String>()
        // Real paths are resolved once for the input and then only for entries that are symlinks: a
        // folder that is not one lies, for real, inside its parent.
        let base = input.resolvingSymlinksInPath().standardizedFileURL.path
        func isInside(_ real: String) -> Bool { real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/") }
        func walk(_ directory: URL, real: String, depth: Int) {
            guard depth < Self.maxDepth, !excluded.contains(real), visited.insert(real).inserted else { return }
            let listing = FilePaths.listing(directory.path)
            let entries = Set(listing.map(\.name))
            // A site runsite built (it marks them with this file, see SiteWriter.markerName) is
            // output, never input: `runsite build . --out site` would otherwise read its own
            // previous site back (copied artifacts, W&B files, metrics.csv) and grow at every build.
            if directory.path != input.standardizedFileURL.path, entries.contains(".runsite-site") {
                log.append(.note(.siteSkipped, at: SourceLocation(file: FilePaths.display(directory))))
                return
            }
            if let reader = readers.claimant(of: directory, entries: entries) {
                result.append(Claim(reader: reader, directory: directory))
                for folder in reader.openFolders(of: directory) {
                    let target = folder.resolvingSymlinksInPath().standardizedFileURL.path
                    guard isInside(target) else { continue }   // warned by the reader's own read
                    walk(folder, real: target, depth: depth + folder.pathComponents.count - directory.pathComponents.count)
                }
                return
            }
            for (name, kind) in listing where !WalkSkips.skips(name) {
                let child = directory.child(name)
                let type = kind == UInt8(DT_UNKNOWN) ? FilePaths.status(child.path, followingLinks: false).map { $0.st_mode & S_IFMT } : nil
                if kind == UInt8(DT_DIR) || type == S_IFDIR {
                    walk(child, real: (real.hasSuffix("/") ? real : real + "/") + name, depth: depth + 1)
                } else if kind == UInt8(DT_LNK) || type == S_IFLNK, FilePaths.isDirectory(child) {
                    let target = child.resolvingSymlinksInPath().standardizedFileURL.path
                    if !isInside(target) {
                        log.warning(.discoverySymlinkOutsideInput(target: DisplayPath.of(target)), at: SourceLocation(file: FilePaths.display(child)))
                        continue
                    }
                    walk(child, real: target, depth: depth + 1)
                }
            }
        }
        guard FilePaths.isDirectory(input) else {
            log.append(.error(.inputMissing, at: SourceLocation(file: FilePaths.display(input))))
            return []
        }
        walk(input.standardizedFileURL, real: base, depth: 0)
        return result
    }

    /// Reads every claim, in parallel across the claims' units (runs), and merges projects (`ProjectMerging`).
    /// - Parameter compact: applied to each run as soon as it is read (the pipeline thins series for
    ///   drawing there, so that memory follows what is drawn rather than what was logged).
    public func readProjects(in inputs: [URL], options: ReaderOptions = ReaderOptions(), log: DiagnosticLog,
                             compact: @escaping @Sendable (Run) -> Run = { $0 }) -> [Project] {
        read(units(in: inputs, options: options, log: log), each: { job in
            job.read().map { project in
                var project = project
                project.runs = project.runs.map(compact)
                return project
            }
        })
    }

    /// The units of work of every claim under the inputs, in discovery order. An input that another
    /// input already holds is read once, through that input (`InputOverlap`); inputs that hold runs
    /// at the same paths get run ids qualified by their folder (`InputOverlap.qualifiers`).
    public func units(in inputs: [URL], options: ReaderOptions, log: DiagnosticLog) -> [ReadJob] {
        var jobs: [ReadJob] = []
        var unitPaths: [[String]] = []
        let distinct = InputOverlap.distinct(inputs, log: log)
        for input in distinct {
            let context = ReaderContext(inputRoot: input, log: log, options: options)
            var paths: [String] = []
            context.confined {
                for claim in claims(in: input, log: log) {
                    for unit in claim.reader.units(of: claim.directory, context: context) {
                        jobs.append(ReadJob(reader: claim.reader, unit: unit, context: context))
                        paths.append(context.relativePath(unit.item))
                    }
                }
            }
            unitPaths.append(paths)
        }
        let qualifiers = InputOverlap.qualifiers(distinct, unitPaths: unitPaths, log: log)
        guard !qualifiers.isEmpty else { return jobs }
        return jobs.map { job in
            var job = job
            job.context.runIDQualifier = qualifiers[job.context.inputRoot.path]
            return job
        }
    }

    /// Reads units on all cores and merges the projects: the one schedule every command reads by.
    /// - Parameters:
    ///   - progress: called after each unit with the number of units done (from any thread).
    ///   - each: what one unit gives; by default the unit as read (`ReadJob.read`). The build
    ///     passes its cache lookup, which reads the units it cannot reuse.
    public func read(_ jobs: [ReadJob], progress: @Sendable (Int) -> Void = { _ in },
                     each: @Sendable (ReadJob) -> [Project] = { $0.read() }) -> [Project] {
        let done = Counter()
        let results = ParallelMap.map(jobs) { job -> [Project] in
            defer { progress(done.increment()) }
            return each(job)
        }
        return ProjectMerging.merge(results.flatMap { $0 })
    }
}
