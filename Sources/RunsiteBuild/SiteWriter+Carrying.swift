import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeping files of the previous site in a folder that also gets new files: the build cache's
/// digests, where an incremental build keeps hundreds of files and adds a few. Rather than link
/// each kept file into the staging tree and unlink it from the old tree after the swap (two system
/// calls per run on every rebuild), the commit moves the old folder into the staging tree with one
/// rename, moves the build's new files into it, and after the swap removes the files of the old
/// folder that the build did not keep.
extension SiteWriter.StagingArea {
    /// Keeps the previous site's file at `path` (same path in the new site). The file stays where
    /// it is during the build (read it from the previous site); it moves with its folder at commit,
    /// or is linked on its own when the folder cannot be taken whole.
    public func carry(_ path: String) {
        precondition(!SiteWriter.escapes(path), "carried path escapes the site: \(path)")
        lock.lock()
        if carried.insert(path).inserted { paths.append(path) }   // two units may name one digest
        lock.unlock()
    }

    /// A folder of the previous site moved into the staging tree, with what it had besides the kept
    /// files (`stale`, removed once the swap succeeded) and the build's own files moved into it (`added`).
    struct MergedFolder {
        var folder: String
        var stale: [String]
        var added: [String]

        /// After a failed swap: the folder goes back to the previous site without the build's files.
        func giveBack(from staging: URL, to previous: URL) {
            let here = staging.child(folder).path
            for name in added { _ = SiteWriter.removeFile(here + "/" + name) }
            _ = rename(here, previous.child(folder).path)
        }

        /// After the swap: the files the build did not keep are removed (the previous site's
        /// marker listed each of them, so runsite wrote them).
        func dropStale(in site: URL) {
            let here = site.child(folder).path
            for name in stale { _ = SiteWriter.removeFile(here + "/" + name) }
        }
    }

    /// Moves the folders of the carried files from the old site (set aside at `previous`) into the
    /// staging tree. A folder is taken whole only when every file in it is carried or was written
    /// by runsite (listed in the previous site's marker) and it holds no subfolder; otherwise its
    /// carried files are linked one by one.
    func takeCarriedFolders(from previous: URL?, marker: [Substring]?) throws -> [MergedFolder] {
        lock.lock(); let files = carried; lock.unlock()
        guard !files.isEmpty else { return [] }
        guard let previous else { throw SiteWriter.Failure.io("the previous site disappeared during the build") }
        var byFolder: [String: Set<String>] = [:]
        for path in files {
            guard let slash = path.lastIndex(of: "/") else { continue }
            byFolder[String(path[..<slash]), default: []].insert(String(path[path.index(after: slash)...]))
        }
        let written = Self.markerEntries(marker ?? [], in: Set(byFolder.keys))
        var merged: [MergedFolder] = []
        for (folder, kept) in byFolder.sorted(by: { $0.key < $1.key }) {
            if let done = try merge(folder, keeping: kept, removable: written[folder] ?? [], from: previous) {
                merged.append(done)
                continue
            }
            for name in kept.sorted() { try? place(previous.child(folder + "/" + name).path, at: folder + "/" + name) }
        }
        return merged
    }

    private func merge(_ folder: String, keeping kept: Set<String>, removable: Set<String>, from previous: URL) throws -> MergedFolder? {
        let source = previous.child(folder).path, target = url(folder).path
        guard let listing = SiteWriter.regularFiles(under: source, limit: Int.max), !listing.contains(where: { $0.contains("/") }) else { return nil }
        let aside = target + ".runsite-new"
        let hasNew = access(target, F_OK) == 0
        var added: [String] = []
        if hasNew {
            guard let fresh = SiteWriter.regularFiles(under: target, limit: Int.max), !fresh.contains(where: { $0.contains("/") }) else { return nil }
            added = fresh.sorted()
        }
        // A file the build wrote anew replaces the old one of that name, so it is not stale.
        let replaced = Set(added)
        let stale = listing.filter { !kept.contains($0) && !replaced.contains($0) }.sorted()
        guard kept.isSubset(of: Set(listing)), stale.allSatisfy(removable.contains) else { return nil }
        if hasNew {
            guard rename(target, aside) == 0 else { return nil }
        } else {
            try makeDirectory(url(folder).deletingLastPathComponent().path)
        }
        guard rename(source, target) == 0 else {
            if hasNew { _ = rename(aside, target) }
            return nil
        }
        for name in added where rename(aside + "/" + name, target + "/" + name) != 0 {
            throw SiteWriter.Failure.io("cannot move '\(name)' into '\(target)': \(String(cString: strerror(errno)))")
        }
        if hasNew { _ = SiteWriter.removeEmptyFolder(aside) }
        return MergedFolder(folder: folder, stale: stale, added: added)
    }

    /// The file names a marker lists directly inside each of `folders`.
    static func markerEntries(_ marker: [Substring], in folders: Set<String>) -> [String: Set<String>] {
        var entries: [String: Set<String>] = [:]
        let wanted = Set(folders.map { Substring($0) })
        for line in marker {
            guard let slash = line.utf8.lastIndex(of: UInt8(ascii: "/")), wanted.contains(line[..<slash]) else { continue }
            entries[String(line[..<slash]), default: []].insert(String(line[line.index(after: slash)...]))
        }
        return entries
    }
}
