import Foundation
import RunsiteCore

/// Small path helpers; runsite ids are always '/'-separated and relative.
public enum FilePaths {
    /// `path` relative to `base`; "." when equal.
    public static func relative(_ path: String, to base: String) -> String {
        DisplayPath.relative(path, to: base)
    }

    /// A path for messages: relative to the current directory when below it, else absolute.
    public static func display(_ url: URL) -> String {
        DisplayPath.of(url.path)
    }

    /// The names in a directory, sorted, hidden entries included; empty when unreadable.
    /// (`opendir`/`readdir` rather than `FileManager`, which bridges every entry.)
    public static func entries(of directory: URL) -> [String] {
        listing(directory.path).map(\.name)
    }

    /// A directory's entries sorted by name, with the kind `readdir` reports (`DT_REG`, `DT_DIR`,
    /// `DT_LNK`, or `DT_UNKNOWN` on file systems that do not say), so walks need no `stat` per entry.
    ///
    /// During a read (see `InputScope`), a folder that a symlink takes out of the input is not
    /// listed, and one that cannot be listed for another reason than not existing is reported.
    static func listing(_ path: String) -> [(name: String, kind: UInt8)] {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno != ENOENT && errno != ENOTDIR, let scope = InputScope.current, scope.governs(path) {
                let reason = String(cString: strerror(errno))
                scope.refuse(path, warningKey: path, .warning(.unlistableFolder(reason), at: SourceLocation(file: display(URL(fileURLWithPath: path)))))
            }
            return []
        }
        guard confined(fd, path: path), let dir = fdopendir(fd) else { close(fd); return [] }
        defer { closedir(dir) }
        var names: [(name: String, kind: UInt8)] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name != "." && name != ".." { names.append((name, entryKind(entry))) }
        }
        return names.sorted { $0.name < $1.name }
    }

    /// The name of a `readdir` entry, read in place up to its NUL: the C library allocates each
    /// entry only as long as its name, so copying the whole `dirent` (`pointee`) reads past it.
    public static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }

    /// The kind `readdir` gives an entry (`DT_REG`, `DT_DIR`, …), read in place for the same reason.
    public static func entryKind(_ entry: UnsafeMutablePointer<dirent>) -> UInt8 {
        (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_type)!).load(as: UInt8.self)
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

    /// A descriptor open for reading on a regular file, or nil for anything else (see `isRegularFile`).
    /// Opened non-blocking, so that a FIFO cannot block the open, and then checked with `fstat`: one
    /// system call fewer per file than `stat` before `open`, which counts in stores of many small files.
    /// During a read (see `InputScope`), a file that a symlink takes out of the input is refused
    /// too, with a warning naming the symlink.
    public static func openRegular(_ url: URL) -> (descriptor: Int32, size: Int)? {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, confined(fd, path: url.path) else { close(fd); return nil }
        return (fd, Int(info.st_size))
    }

    /// A handle to read a regular file; nil for anything else (see `openRegular`).
    public static func readHandle(_ url: URL) -> FileHandle? {
        guard let (fd, _) = openRegular(url) else { return nil }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Whether the open `fd`, reached by `path`, may be read in the bound `InputScope`: true
    /// outside a read and for paths outside the input; otherwise whether its real path lies inside
    /// the input's real path. A refusal is reported once, naming the symlink that leads out.
    static func confined(_ fd: Int32, path: String) -> Bool {
        guard let scope = InputScope.current, scope.governs(path) else { return true }
        let real = realPath(fd, path: path)
        if let real, InputScope.path(real, isWithin: scope.realRoot) { return true }
        let link = firstSymlink(in: path, below: scope.root) ?? path
        let target = realPath(nil, path: link) ?? real ?? link
        scope.refuse(path, warningKey: link, .warning(.symlinkOutsideInput(target: DisplayPath.of(target)),
                                                      at: SourceLocation(file: display(URL(fileURLWithPath: link)))))
        return false
    }

    /// The real path of an open descriptor (Linux names it in `/proc/self/fd`), else of `path`
    /// with every link resolved; nil when neither can be had.
    public static func realPath(_ fd: Int32?, path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = fd.map { readlink("/proc/self/fd/\($0)", &buffer, buffer.count - 1) } ?? -1
        if count > 0, buffer[0] == CChar(UInt8(ascii: "/")) {
            return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The first component of `path` below `root` that is a symlink, for messages.
    private static func firstSymlink(in path: String, below root: String) -> String? {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        guard InputScope.path(standardized, isWithin: root) else { return nil }
        var current = root
        for component in standardized.dropFirst(root.count).split(separator: "/") {
            current += (current.hasSuffix("/") ? "" : "/") + component
            if let info = status(current, followingLinks: false), (info.st_mode & S_IFMT) == S_IFLNK { return current }
        }
        return nil
    }

    /// The whole of a regular file; nil for anything else or when it cannot be read.
    public static func contents(_ url: URL) -> Data? {
        ByteReading.contents(of: url).map { Data($0) }
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
            for (name, type) in listing(dir.path) {
                let url = dir.child(name)
                let rel = prefix.isEmpty ? name : prefix + "/" + name
                var kind: mode_t
                switch Int32(type) {
                case Int32(DT_REG): kind = S_IFREG
                case Int32(DT_DIR): kind = S_IFDIR
                default:
                    guard let link = status(url.path, followingLinks: false) else { continue }
                    kind = link.st_mode & S_IFMT
                }
                if kind == S_IFLNK {
                    guard isInside(url, root: root) else { skipped(url); continue }
                    guard let target = status(url.path) else { continue }
                    kind = target.st_mode & S_IFMT
                }
                if kind == S_IFDIR { walk(url, prefix: rel, depth: depth + 1) }
                else if kind == S_IFREG { result.append(rel) }
                else if let scope = InputScope.current, scope.governs(url.path) {
                    // A FIFO, socket or device where a file is expected; reading one could block forever.
                    scope.refuse(url.path, warningKey: url.path, .warning(.specialFile, at: SourceLocation(file: display(url))))
                }
            }
        }
        walk(directory, prefix: "", depth: 0)
        return result
    }

    /// File size in bytes (of a symlink itself, not its target), 0 when unknown.
    public static func size(_ url: URL) -> Int64 {
        status(url.path, followingLinks: false).map { Int64($0.st_size) } ?? 0
    }

    /// Size in bytes of what `url` names, symlinks followed (an artifact's size is its content's), 0 when unknown.
    public static func targetSize(_ url: URL) -> Int64 {
        status(url.path).map { Int64($0.st_size) } ?? 0
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
            guard depth < 64, let dir = opendir(path) else { return }
            defer { closedir(dir) }
            var subdirectories: [String] = []
            while let entry = readdir(dir) {
                let name = entryName(entry)
                guard name != "." && name != ".." else { continue }
                // fstatat relative to the open folder: no path walk per file.
                var info = stat()
                guard fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: total += Int64(info.st_size)
                case S_IFDIR: subdirectories.append(path.hasSuffix("/") ? path + name : path + "/" + name)
                default: break
                }
            }
            for child in subdirectories { walk(child, depth: depth + 1) }
        }
        walk(directory.path, depth: 0)
        return total
    }
}

extension URL {
    /// `name` appended as a path component, without asking the file system whether it is a folder:
    /// Foundation's `appendingPathComponent(_:)` `stat`s the result to decide on a trailing slash,
    /// one system call per path built while walking a store. Only `path`-based use follows.
    public func child(_ name: String) -> URL {
        appendingPathComponent(name, isDirectory: false)
    }
}
