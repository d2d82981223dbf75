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
    public static func entries(of directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    public static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    public static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Whether `url`, symlinks followed, is a regular file. Only those are ever opened: reading a
    /// FIFO (or a device) named like a log file would block the build forever or never end.
    public static func isRegularFile(_ url: URL) -> Bool {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
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
        // Each real folder is listed once: symlinks back up the tree (`a -> .`, `up -> ..`) would
        // otherwise list it again at every level, and three of them made the walk exponential.
        var visited = Set<String>()
        func walk(_ dir: URL, prefix: String, depth: Int) {
            guard depth < 64, visited.insert(dir.resolvingSymlinksInPath().standardizedFileURL.path).inserted else { return }
            for name in entries(of: dir) {
                let url = dir.appendingPathComponent(name)
                let rel = prefix.isEmpty ? name : prefix + "/" + name
                let values = try? url.resourceValues(forKeys: [.isSymbolicLinkKey, .isDirectoryKey, .isRegularFileKey])
                if values?.isSymbolicLink == true && !isInside(url, root: root) { skipped(url); continue }
                if isDirectory(url) { walk(url, prefix: rel, depth: depth + 1) }
                else if isRegularFile(url) {
                    result.append(rel)
                }
            }
        }
        walk(directory, prefix: "", depth: 0)
        return result
    }

    /// File size in bytes, 0 when unknown.
    public static func size(_ url: URL) -> Int64 {
        let attrs = try? FileManager.default.attributesOfItem(atPath: url.path)
        return (attrs?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Modification time in Unix seconds.
    public static func modificationTime(_ url: URL) -> Double? {
        let attrs = try? FileManager.default.attributesOfItem(atPath: url.path)
        return (attrs?[.modificationDate] as? Date)?.timeIntervalSince1970
    }
}
