import Foundation
import RunsiteReaders
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Removal inside a site folder that never follows a symlink: every folder on the way is opened
/// with `O_NOFOLLOW` relative to the one before (`openat`), and files are removed with `unlinkat`
/// relative to their folder, so a link planted anywhere in a path (`link/victim.txt`) stops the walk
/// instead of leading outside the site. Only regular files and empty folders are removed.
extension SiteWriter {
    static let folderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC

    /// A descriptor of the folder `relative` (site path, '/'-separated) under `root`, reached
    /// without following a link; -1 when any component is missing, a link, or not a folder.
    static func openFolder(_ root: String, _ relative: Substring) -> Int32 {
        var fd = open(root, folderFlags)
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) where fd >= 0 {
            guard !component.isEmpty, component != ".", component != ".." else { close(fd); return -1 }
            let next = openat(fd, String(component), folderFlags)
            close(fd)
            fd = next
        }
        return fd
    }

    /// Removes `name` in the folder `fd` when it is a regular file (not a link, not a folder).
    @discardableResult
    static func removeRegularFile(in fd: Int32, _ name: String) -> Bool {
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return unlinkat(fd, name, 0) == 0
    }

    /// Removes the regular files at these site paths under `root`, on several threads, one folder
    /// opened per group of neighbouring paths. A path that is absolute, has an empty, `.` or `..`
    /// component, or passes through a link is left alone.
    static func removeListedFiles(_ paths: [String], under root: String, threads: Int = 8) {
        var grouped: [(folder: Substring, names: [String])] = []
        for path in paths.sorted() where !escapes(path) {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { path[..<$0] } ?? ""
            let name = String(slash.map { path[path.index(after: $0)...] } ?? path[...])
            if grouped.last?.folder == folder { grouped[grouped.count - 1].names.append(name) } else { grouped.append((folder, [name])) }
        }
        final class Cursor: Sendable {
            private let next = Mutex(0)
            func take() -> Int { next.withLock { $0 += 1; return $0 - 1 } }
        }
        let cursor = Cursor()
        let group = DispatchGroup()
        let groups = grouped
        for _ in 0..<max(1, min(threads, groups.count)) {
            group.enter()
            Thread.detachNewThread {
                while true {
                    let i = cursor.take()
                    guard i < groups.count else { break }
                    let fd = groups[i].folder.isEmpty ? open(root, folderFlags) : openFolder(root, groups[i].folder)
                    guard fd >= 0 else { continue }
                    for name in groups[i].names where !name.isEmpty && name != "." { removeRegularFile(in: fd, name) }
                    close(fd)
                }
                group.leave()
            }
        }
        group.wait()
    }

    /// Removes the folder at site path `relative` under `root` when it is empty and not a link.
    @discardableResult
    static func removeEmptyFolder(_ relative: Substring, under root: String) -> Bool {
        let slash = relative.lastIndex(of: "/")
        let parent = slash.map { relative[..<$0] } ?? ""
        let name = String(slash.map { relative[relative.index(after: $0)...] } ?? relative)
        guard !name.isEmpty, name != ".", name != ".." else { return false }
        let fd = parent.isEmpty ? open(root, folderFlags) : openFolder(root, parent)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return unlinkat(fd, name, AT_REMOVEDIR) == 0
    }

    /// Removes a whole tree that runsite made (a staging or set-aside folder): everything in it,
    /// links removed as links and never followed. Returns whether the tree is gone.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 }
        let fd = open(path, folderFlags)
        guard fd >= 0 else { return false }
        emptyFolder(fd)
        close(fd)
        return rmdir(path) == 0
    }

    /// Removes everything inside the open folder `fd`, depth first, without following links.
    private static func emptyFolder(_ fd: Int32) {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else { return }
        var names: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = FilePaths.entryName(entry)
            if name == "." || name == ".." { continue }
            var info = stat()
            let isFolder = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            names.append((name, isFolder))
        }
        closedir(dir)
        for (name, isFolder) in names {
            if isFolder {
                let inner = openat(fd, name, folderFlags)
                if inner >= 0 { emptyFolder(inner); close(inner) }
                unlinkat(fd, name, AT_REMOVEDIR)
            } else {
                unlinkat(fd, name, 0)
            }
        }
    }

    /// Removes the empty folders of a tree, deepest first; links and non-empty folders stay.
    static func removeEmptyFolders(in root: String) {
        for entry in FilePaths.entries(of: URL(fileURLWithPath: root)) {
            var info = stat()
            let child = root + "/" + entry
            if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { removeEmptyFolders(in: child) }
        }
        rmdir(root)
    }
}
