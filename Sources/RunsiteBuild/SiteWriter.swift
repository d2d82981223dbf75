import Foundation
import RunsiteCore
import RunsiteReaders
import RunsiteSite
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site atomically: everything goes into a temporary sibling of the output directory,
/// which then takes the old site's place in one exchange (see SiteWriter+Swap). Never deletes a
/// file runsite did not write.
public struct SiteWriter {
    /// The marker file that identifies a directory as a runsite site; it lists the files written.
    public static let markerName = ".runsite-site"

    public enum Failure: Error, CustomStringConvertible {
        case notOurs(String)
        case io(String)

        public var description: String {
            switch self {
            case .notOurs(let path):
                return "refusing to build into '\(path)': it is not empty and was not created by runsite (no \(SiteWriter.markerName) file); choose another --out or empty it"
            case .io(let message): return message
            }
        }
    }

    public var output: URL
    /// Whether to swap with `renameat2(RENAME_EXCHANGE)` where the system has it; tests turn it off
    /// to check the two-rename fallback.
    var useExchange = true
    /// Whether to build inside the output and move the files in one by one; nil decides by
    /// `isMountPoint` (tests set it, as they cannot mount a file system).
    var buildsInPlace: Bool?
    public init(output: URL) { self.output = output.standardizedFileURL }

    /// Checks, before any work, that the output can be (re)placed.
    public func checkOutput() throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDir) else { return }
        guard isDir.boolValue else { throw Failure.io("'\(output.path)' is a file, not a folder; choose another --out") }
        // A fresh ext4 file system holds `lost+found`: an output on a mount point may be new all the same.
        let entries = ((try? fm.contentsOfDirectory(atPath: output.path)) ?? []).filter { $0 != "lost+found" }
        if entries.isEmpty || entries.contains(Self.markerName) { return }
        throw Failure.notOurs(output.path)
    }

    /// Writes every file into a temporary sibling, then swaps it in place of the old site.
    public func write(_ files: [OutputFile], progress: (Int) -> Void = { _ in }) throws {
        let staging = try stage()
        for (i, file) in files.enumerated() {
            try staging.write(file)
            if i % 64 == 63 { progress(i + 1) }
        }
        try staging.commit()
    }

    /// Starts a build: a fresh temporary sibling of the output, to be filled with `StagingArea.write`
    /// (from any thread) and swapped in with `commit()`.
    /// Takes the output's lock (refusing when another build holds it), puts back or removes what
    /// interrupted builds left beside the output (see SiteWriter+Recovery), then creates the staging tree.
    public func stage() throws -> StagingArea {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let lock = try OutputLock.take(for: output)
        recoverInterruptedBuilds()
        try checkOutput()
        // A mount point cannot be renamed: the site is then built inside it and moved in file by file.
        let inPlace = buildsInPlace ?? Self.isMountPoint(output)
        let root = (inPlace ? output : parent).child(Self.stagingName(output.lastPathComponent, pid: getpid()))
        if fm.fileExists(atPath: root.path) { Self.removeTree(root.path) }
        let area = StagingArea(root: root, writer: self)
        area.outputLock = lock
        area.inPlace = inPlace
        BuildInterruption.register(area)
        do {
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
            try Data("\(getpid())\n".utf8).write(to: root.child(Self.stagingSign))
        } catch {
            area.abandon()
            throw Failure.io("cannot create '\(root.path)': \(error)")
        }
        return area
    }

    /// The temporary tree of a build in progress.
    ///
    /// Unchecked because `lock` guards only what parallel writes touch (paths, folders, adoptions,
    /// abandonment); the other fields are set by the pipeline before or after the parallel phases.
    public final class StagingArea: @unchecked Sendable {
        let root: URL
        let writer: SiteWriter
        let lock = NSLock()
        var paths: [String] = []
        private var directories = Set<String>()
        /// Folders of the previous site taken over whole at commit (see SiteWriter+Adoption).
        var adopted: [(folder: String, files: [String])] = []
        /// Files of the previous site kept at the same path, moved in with their folder at commit (see SiteWriter+Carrying).
        var carried = Set<String>()
        /// Whether the site is built inside the output and moved in file by file (a mount point).
        var inPlace = false
        /// Recorded in the marker: the hash of the build cache's index written with this site.
        var cacheToken: String?
        /// Set by `abandon()`: writes then fail instead of creating the tree again.
        private var abandoned = false
        var isAbandoned: Bool { lock.lock(); defer { lock.unlock() }; return abandoned }
        /// Set once the staging tree has taken the old site's place: the tree at `root` is then not ours to remove whole.
        var swapped = false
        /// The output's lock, held from `stage()` until the commit or abandon.
        var outputLock: OutputLock?
        /// Where run files' problems (a file that cannot be copied) are reported.
        public var log: DiagnosticLog?
        /// Resolved folders that copied run files must lie in (the inputs, and the run folders of
        /// digests); nil allows any.
        public var confinement: [String]?

        init(root: URL, writer: SiteWriter) {
            self.root = root
            self.writer = writer
        }

        /// Where a site path lives in the staging tree.
        public func url(_ path: String) -> URL { root.child(path) }

        /// The number of files written so far.
        public var count: Int { lock.lock(); defer { lock.unlock() }; return paths.count }

        /// Writes one file; safe to call from several threads at once.
        public func write(_ file: OutputFile) throws {
            precondition(!SiteWriter.escapes(file.path), "output path escapes the site: \(file.path)")
            guard !isAbandoned else { throw Failure.io("the build was interrupted") }
            let url = root.child(file.path)
            let directory = url.deletingLastPathComponent().path
            lock.lock()
            let known = directories.contains(directory)
            lock.unlock()
            do {
                if !known {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    lock.lock(); directories.insert(directory); lock.unlock()
                }
                switch file.content {
                case .text(var text): try text.withUTF8 { try StagingArea.writeFile(url.path, UnsafeRawBufferPointer($0)) }
                case .bytes(let bytes): try bytes.withUnsafeBytes { try StagingArea.writeFile(url.path, $0) }
                case .copy(let source): guard copyRunFile(source, to: url.path, file: file) else { return }
                }
            } catch {
                throw Failure.io("cannot write '\(file.path)' into '\(root.path)': \(error)")
            }
            lock.lock(); paths.append(file.path); lock.unlock()
        }

        /// Writes `bytes` to a new file with `open` and `write`, straight from the caller's buffer, so
        /// that no page or CSV is copied into a `Data` first.
        static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw Failure.io(String(cString: strerror(errno))) }
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure.io(String(cString: strerror(errno)))
                }
                offset += n
            }
        }

        /// Hard-links a file of the previous site into the staging tree (copies it when linking fails,
        /// e.g. across file systems); used for pages and digests an incremental build reuses.
        public func link(_ source: URL, as path: String) throws {
            try place(source.path, at: path)
            lock.lock(); paths.append(path); lock.unlock()
        }

        /// Puts the file at `source` into the staging tree at `path` (not yet listed): a hard link,
        /// or a copy when linking fails.
        func place(_ source: String, at path: String) throws {
            let url = root.child(path)
            try makeDirectory(url.deletingLastPathComponent().path)
            // link(2) directly: FileManager's linkItem costs several more system calls per file.
            if SiteWriter.hardLink(source, url.path) != 0 {
                try FileManager.default.copyItem(atPath: source, toPath: url.path)
            }
        }

        /// Creates a folder of the staging tree once (later calls for it cost nothing).
        func makeDirectory(_ directory: String) throws {
            guard !isAbandoned else { throw Failure.io("the build was interrupted") }
            lock.lock()
            let known = directories.contains(directory)
            lock.unlock()
            guard !known else { return }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            lock.lock(); directories.insert(directory); lock.unlock()
        }

        /// Writes the marker and swaps the staging tree in place of the old site; on failure the
        /// staging tree is removed and the old site left as it was.
        public func commit() throws {
            BuildInterruption.unregister(self)
            defer { outputLock?.release() }
            do {
                try FileManager.default.removeItem(at: root.child(SiteWriter.stagingSign))
                let marker = try SiteWriter.markerBytes(paths, cache: cacheToken)
                try marker.withUnsafeBytes { try StagingArea.writeFile(root.child(SiteWriter.markerName).path, $0) }
            } catch {
                abandon()
                throw Failure.io("cannot write the site marker into '\(root.path)': \(error)")
            }
            if inPlace { try writer.moveInPlace(root, adopting: self) } else { try writer.swap(root, adopting: self) }
        }

        /// Removes the staging tree (a failed build).
        public func abandon() {
            BuildInterruption.unregister(self)
            lock.lock(); abandoned = true; lock.unlock()
            if !swapped { SiteWriter.removeTree(root.path) }
            outputLock?.release()
        }
    }

    /// Deletes only files listed in the tree's marker (plus the marker and emptied folders), never
    /// following a link (see SiteWriter+Removal). A tree without a marker that is a staging tree of
    /// runsite's is removed whole; any other holds only what `removeEmptyFolders` can drop.
    /// `moved` lists folders already taken out of the tree whole (adopted run folders): their files
    /// are not looked for again. `marker` is the tree's marker when the caller has read it already.
    func removeOwnTree(_ root: URL, moved: [String] = [], marker: [Substring]? = nil, log: DiagnosticLog? = nil) throws {
        let fm = FileManager.default
        if let lines = marker ?? Self.markerLines(of: root) {
            var folders = Set<String>()
            var paths: [String] = []
            let gone = Set(moved.map { Substring($0) })
            func isGone(_ line: Substring) -> Bool {
                guard !gone.isEmpty else { return false }
                var end = line.endIndex
                while let slash = line.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                    if gone.contains(line[..<slash]) { return true }
                    end = slash
                }
                return false
            }
            // A line that leaves the site (absolute, or a `..` component) is not a path runsite wrote.
            for line in lines where !Self.escapes(line) && !isGone(line) {
                paths.append(String(line))
                var end = line.endIndex
                while let slash = line.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                    guard folders.insert(String(line[..<slash])).inserted else { break }
                    end = slash
                }
            }
            Self.removeListedFiles(paths, under: root.path)
            Self.removeListedFiles([Self.markerName], under: root.path)
            // Empty folders only; deepest first, so emptied parents go too.
            for folder in folders.sorted(by: { $0.count > $1.count }) { Self.removeEmptyFolder(Substring(folder), under: root.path) }
        } else if root.lastPathComponent.contains(".runsite-tmp-") {
            Self.removeTree(root.path)
            return
        }
        Self.removeEmptyFolders(in: root.path)
        if fm.fileExists(atPath: root.path) {
            // Files someone added by hand: keep them, next to the site, and say so.
            let kept = root.deletingLastPathComponent().child(output.lastPathComponent + ".kept")
            try? fm.moveItem(at: root, to: kept)
            log?.append(.note(.keptFiles, at: SourceLocation(file: kept.path)))
        }
    }
}
