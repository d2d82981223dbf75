import Foundation

/// Small path helpers; runsite ids are always '/'-separated and relative.
public enum FilePaths {
    /// `path` relative to `base`; "." when equal.
    public static func relative(_ path: String, to base: String) -> String {
        let p = path.hasSuffix("/") ? String(path.dropLast()) : path
        let b = base.hasSuffix("/") ? String(base.dropLast()) : base
        if p == b { return "." }
        if p.hasPrefix(b + "/") { return String(p.dropFirst(b.count + 1)) }
        return p
    }

    /// A path for messages: relative to the current directory when below it, else absolute.
    public static func display(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let rel = relative(url.standardizedFileURL.path, to: cwd)
        return rel == "." ? url.lastPathComponent : rel
    }

    /// The names in a directory, sorted, hidden entries included; empty when unreadable.
    /// (`opendir`/`readdir` rather than `FileManager`, whose per-entry bridging showed in profiles.)
    public static func entries(of directory: URL) -> [String] {
        guard let dir = opendir(directory.path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// `stat` (symlinks followed) or `lstat` of a path; nil when it does not exist.
    static func status(_ path: String, followingLinks: Bool = true) -> stat? {
        var info = stat()
        return (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 ? info : nil
    }

    /// Whether `url`, symlinks followed, is a directory.
    public static func isDirectory(_ url: URL) -> Bool {
        status(url.path).map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
    }

    public static func exists(_ url: URL) -> Bool { status(url.path) != nil }

    /// Whether `url`, symlinks followed, is a regular file. Only those are ever opened: reading a
    /// FIFO (or a device) named like a log file would block the build forever or never end.
    public static func isRegularFile(_ url: URL) -> Bool {
        status(url.path).map { ($0.st_mode & S_IFMT) == S_IFREG } ?? false
    }

    /// A handle to read a regular file; nil for anything else (see `isRegularFile`).
    public static func readHandle(_ url: URL) -> FileHandle? {
        guard isRegularFile(url) else { return nil }
        return FileHandle(forReadingAtPath: url.path)
    }

    /// The whole of a regular file; nil for anything else or when it cannot be read.
    public static func contents(_ url: URL) -> Data? {
        guard isRegularFile(url) else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    /// Whether `url`, after resolving symlinks, stays inside `root` (also resolved).
    public static func isInside(_ url: URL, root: URL) -> Bool {
        let target = url.resolvingSymlinksInPath().standardizedFileURL.path
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        return target == base || target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }

    /// Every regular file below `directory` (recursively, sorted, '/'-separated relative paths).
    /// Symlinks that leave `confinedTo` are reported through `skipped` and not followed.
    public static func files(under directory: URL, confinedTo root: URL, skipped: (URL) -> Void = { _ in }) -> [String] {
        var result: [String] = []
        // Each real folder (device and inode) is listed once: symlinks back up the tree (`a -> .`,
        // `up -> ..`) would otherwise list it again at every level, and three of them made the walk exponential.
        var visited = Set<[UInt64]>()
        func walk(_ dir: URL, prefix: String, depth: Int) {
            guard depth < 64, let info = status(dir.path),
                  visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
            for name in entries(of: dir) {
                let url = dir.appendingPathComponent(name)
                let rel = prefix.isEmpty ? name : prefix + "/" + name
                guard let link = status(url.path, followingLinks: false) else { continue }
                var kind = link.st_mode & S_IFMT
                if kind == S_IFLNK {
                    guard isInside(url, root: root) else { skipped(url); continue }
                    guard let target = status(url.path) else { continue }
                    kind = target.st_mode & S_IFMT
                }
                if kind == S_IFDIR { walk(url, prefix: rel, depth: depth + 1) }
                else if kind == S_IFREG { result.append(rel) }
            }
        }
        walk(directory, prefix: "", depth: 0)
        return result
    }

    /// File size in bytes (of a symlink itself, not its target), 0 when unknown.
    public static func size(_ url: URL) -> Int64 {
        status(url.path, followingLinks: false).map { Int64($0.st_size) } ?? 0
    }

    /// Modification time in Unix seconds (of a symlink itself, not its target).
    public static func modificationTime(_ url: URL) -> Double? {
        status(url.path, followingLinks: false).map { Double($0.st_mtim.tv_sec) + Double($0.st_mtim.tv_nsec) / 1e9 }
    }

    /// Total size of the regular files below `directory`, hidden ones included; symlinks are
    /// neither counted nor followed.
    public static func diskUsage(_ directory: URL) -> Int64 {
        var total: Int64 = 0
        func walk(_ path: String, depth: Int) {
            guard depth < 64 else { return }
            for name in entries(of: URL(fileURLWithPath: path)) {
                let child = path.hasSuffix("/") ? path + name : path + "/" + name
                guard let info = status(child, followingLinks: false) else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: total += Int64(info.st_size)
                case S_IFDIR: walk(child, depth: depth + 1)
                default: break
                }
            }
        }
        walk(directory.path, depth: 0)
        return total
    }
}
