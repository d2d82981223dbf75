import Foundation
import RunsiteReaders
import RunsiteCore
#if canImport(Glibc)
import Glibc
#endif

/// An output that is a mount point cannot be renamed or exchanged. The build then stages inside
/// it (`--out/.NAME.runsite-tmp-PID`, on the same file system) and moves each new file over the old
/// one with `rename`, which replaces one file atomically; then the old site's files that the new
/// one lacks are removed and the marker moved in last. Each file is replaced atomically, the site
/// as a whole is not: a reader may see old and new pages side by side for a moment, and a build
/// killed midway leaves a mix that the next build replaces. Files added by hand stay where they are.
extension SiteWriter {
    /// Whether `url` is a mount point: a folder on another device than its parent.
    static func isMountPoint(_ url: URL) -> Bool {
        var own = stat(), parent = stat()
        guard lstat(url.path, &own) == 0, (own.st_mode & S_IFMT) == S_IFDIR,
              stat(url.deletingLastPathComponent().path, &parent) == 0 else { return false }
        return own.st_dev != parent.st_dev || own.st_ino == parent.st_ino
    }

    func moveInPlace(_ staging: URL, adopting area: StagingArea) throws {
        let old = Self.markerLines(of: output).map { Set($0.map(String.init)) } ?? []
        let moved = try area.takeAdoptedFolders(from: output)
        let merged = try area.takeCarriedFolders(from: output, marker: Self.markerLines(of: output))
        area.swapped = true
        try moveEntries(of: staging.path, into: output.path, relative: "", written: old, log: area.log)
        let new = Set(area.paths)
        let gone = Set(moved + merged.map(\.folder))
        let stale = old.filter { path in !new.contains(path) && !gone.contains { path.hasPrefix($0 + "/") } }
        Self.removeListedFiles(Array(stale), under: output.path)
        var folders = Set<String>()
        for path in stale {
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/") { folders.insert(String(path[..<slash])); end = slash }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            Self.removeEmptyFolder(Substring(folder), under: output.path)
        }
        for folder in merged { folder.dropStale(in: output) }
        guard rename(staging.child(Self.markerName).path, output.child(Self.markerName).path) == 0 else {
            throw Failure.io("cannot move the site marker into '\(output.path)': \(String(cString: strerror(errno)))")
        }
        Self.removeTree(staging.path)
    }

    /// Moves every entry of `source` into `target` (both real folders): a file replaces the file of
    /// that name, a folder is moved whole when `target` has none of that name and merged otherwise.
    /// An entry of `target` that is in the way and not a file runsite wrote is renamed `NAME.kept`.
    private func moveEntries(of source: String, into target: String, relative: String, written: Set<String>, log: DiagnosticLog?) throws {
        for name in FilePaths.entries(of: URL(fileURLWithPath: source)) where !(relative.isEmpty && (name == Self.markerName || name == Self.stagingSign)) {
            let from = source + "/" + name, to = target + "/" + name, path = relative.isEmpty ? name : relative + "/" + name
            var mine = stat(), theirs = stat()
            guard lstat(from, &mine) == 0 else { continue }
            let exists = lstat(to, &theirs) == 0
            let bothFolders = exists && (mine.st_mode & S_IFMT) == S_IFDIR && (theirs.st_mode & S_IFMT) == S_IFDIR
            if bothFolders {
                try moveEntries(of: from, into: to, relative: path, written: written, log: log)
                continue
            }
            if exists && !((theirs.st_mode & S_IFMT) == S_IFREG && written.contains(path)) {
                _ = rename(to, to + ".kept")
                log?.append(.note(.keptFile(at: SourceLocation(file: to + ".kept")), at: SourceLocation(file: to)))
            }
            guard rename(from, to) == 0 else {
                throw Failure.io("cannot move '\(path)' into '\(target)': \(String(cString: strerror(errno)))")
            }
        }
    }
}
