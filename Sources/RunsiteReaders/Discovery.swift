import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RunsiteCore
import RunsiteModel

/// Walks an INPUT and finds, at any depth, the directories that some reader claims.
public struct Discovery: Sendable {
    public struct Claim: Sendable {
        public var reader: any RunReader
        public var directory: URL
    }

    public var readers: [any RunReader]
    /// How deep below an INPUT folders are walked.
    static let maxDepth = 48

    /// - Parameter readers: in priority order; the first reader that claims a directory wins.
    public init(readers: [any RunReader]) { self.readers = readers }

    /// Claims under `input`, in sorted path order. Hidden directories and `node_modules` are not walked,
    /// except that readers see hidden names among a directory's entries (`.hydra`, `.trash`).
    public func claims(in input: URL, log: DiagnosticLog) -> [Claim] {
        var result: [Claim] = []
        var visited = Set<String>()
        // Real paths are resolved once for the input and then only for entries that are symlinks: a
        // folder that is not one lies, for real, inside its parent. (Resolving every folder and its
        // input again made about 10,000 `lstat` calls on the benchmark's 600 runs.)
        let base = input.resolvingSymlinksInPath().standardizedFileURL.path
        func isInside(_ real: String) -> Bool { real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/") }
        func walk(_ directory: URL, real: String, depth: Int) {
            guard depth < Self.maxDepth, visited.insert(real).inserted else { return }
            let listing = FilePaths.listing(directory.path)
            let names = listing.map(\.name)
            let entries = Set(names)
            // A site runsite built (it marks them with this file, see SiteWriter.markerName) is
            // output, never input: `runsite build . --out site` would otherwise read its own
            // previous site back (copied artifacts, W&B files, metrics.csv) and grow at every build.
            if directory.path != input.standardizedFileURL.path, entries.contains(".runsite-site") {
                log.append(.note("discovery.site-skipped", "a site built by runsite is not read as input",
                                 at: SourceLocation(file: FilePaths.display(directory))))
                return
            }
            if let reader = readers.claimant(of: directory, entries: entries) {
                result.append(Claim(reader: reader, directory: directory))
                return
            }
            for (name, kind) in listing where !name.hasPrefix(".") && name != "node_modules" && name != "__pycache__" {
                let child = directory.child(name)
                let type = kind == UInt8(DT_UNKNOWN) ? FilePaths.status(child.path, followingLinks: false).map { $0.st_mode & S_IFMT } : nil
                if kind == UInt8(DT_DIR) || type == S_IFDIR {
                    walk(child, real: (real.hasSuffix("/") ? real : real + "/") + name, depth: depth + 1)
                } else if kind == UInt8(DT_LNK) || type == S_IFLNK, FilePaths.isDirectory(child) {
                    let target = child.resolvingSymlinksInPath().standardizedFileURL.path
                    if !isInside(target) {
                        log.warning("discovery.symlink-outside-input", "symlink points outside the input and is skipped",
                                    at: SourceLocation(file: FilePaths.display(child)))
                        continue
                    }
                    walk(child, real: target, depth: depth + 1)
                }
            }
        }
        guard FilePaths.isDirectory(input) else {
            log.append(Diagnostic(.error, id: "discovery.input-missing", "input is not a directory",
                                  at: SourceLocation(file: FilePaths.display(input))))
            return []
        }
        walk(input.standardizedFileURL, real: base, depth: 0)
        return result
    }

    /// Reads every claim, in parallel across the claims' units (runs), and merges projects that share a name.
    /// - Parameter compact: applied to each run as soon as it is read (the pipeline thins series for
    ///   drawing there, so that memory follows what is drawn rather than what was logged).
    public func readProjects(in inputs: [URL], options: ReaderOptions = ReaderOptions(), log: DiagnosticLog,
                             compact: (Run) -> Run = { $0 }) -> [Project] {
        let jobs = units(in: inputs, options: options, log: log)
        return read(jobs, compact: compact)
    }

    /// The units of work of every claim under the inputs, in discovery order.
    public func units(in inputs: [URL], options: ReaderOptions, log: DiagnosticLog) -> [(reader: any RunReader, unit: ReadUnit, context: ReaderContext)] {
        var jobs: [(reader: any RunReader, unit: ReadUnit, context: ReaderContext)] = []
        for input in inputs {
            let context = ReaderContext(inputRoot: input, log: log, options: options)
            context.confined {
                for claim in claims(in: input, log: log) {
                    for unit in claim.reader.units(of: claim.directory, context: context) {
                        jobs.append((claim.reader, unit, context))
                    }
                }
            }
        }
        return jobs
    }

    /// Reads units on all cores and merges the projects.
    /// - Parameter progress: called after each unit with the number of units done (from any thread).
    public func read(_ jobs: [(reader: any RunReader, unit: ReadUnit, context: ReaderContext)], compact: (Run) -> Run = { $0 },
                     progress: (Int) -> Void = { _ in }) -> [Project] {
        let done = Counter()
        let results = ParallelMap.map(jobs) { job -> [Project] in
            let projects = job.context.confined { job.reader.read(job.unit, context: job.context) }.map { project in
                var project = project
                project.runs = project.runs.map(compact)
                return project
            }
            progress(done.increment())
            return projects
        }
        return ProjectMerging.merge(results.flatMap { $0 })
    }
}

/// Projects with the same name from several claims become one, runs sorted by id.
public enum ProjectMerging {
    public static func merge(_ projects: [Project]) -> [Project] {
        // Merged in place (by index), so that adding one claim's runs does not copy the runs merged before.
        var merged: [Project] = []
        var index: [String: Int] = [:]
        for project in projects {
            if let i = index[project.name] {
                merged[i].runs += project.runs
                merged[i].description = merged[i].description ?? project.description
                merged[i].readme = merged[i].readme ?? project.readme
            } else {
                index[project.name] = merged.count
                merged.append(project)
            }
        }
        merged.sort { $0.name < $1.name }
        for i in merged.indices { merged[i].runs.sort { $0.id < $1.id } }
        return merged
    }
}
