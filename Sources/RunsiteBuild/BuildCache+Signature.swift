import Foundation
import RunsiteCore
import RunsiteReaders
#if canImport(Glibc)
import Glibc
#endif

extension BuildCache {
    /// The signature of a unit's files: every regular file under its item (or the item itself), with
    /// size and modification time in nanoseconds, plus what else changes how it is read.
    ///
    /// The walk uses one stat(2) per entry and readdir(3) per folder (it runs for every unit of every
    /// incremental build). It follows symbolic links, each real folder once, so it sees at least every
    /// file a reader can: a change to any of them changes the signature.
    /// With `clockHorizon` (`RunReader.clockHorizon`), whether each file changed less than that many
    /// seconds before `options.currentTime` is part of it too.
    static func signature(of unit: ReadUnit, format: String, options: ReaderOptions, clockHorizon: Double? = nil) -> String {
        var h = FNV1a()
        let now = clockHorizon == nil ? 0 : options.currentTime
        // `now` (SOURCE_DATE_EPOCH) changes what some readers make of unchanged files: file times are
        // clamped to it, and a W&B run without an exit record is judged against it.
        h.add(format + "|\(options.includeDeleted)|\(options.hashArtifacts)|\(options.now.map { String($0) } ?? "clock")|" + unit.claim.path + "|" + unit.item.path)
        var visited = Set<[UInt64]>()
        func visit(_ path: String, depth: Int) {
            var info = stat()
            guard stat(path, &info) == 0 else { h.add(path + "|missing"); return }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                h.add(path + "|\(info.st_size)|\(info.st_mtim.tv_sec)|\(info.st_mtim.tv_nsec)")
                // A file that has stopped being recent changes what a clock-judging reader makes of it.
                if let clockHorizon, now - (Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9) < clockHorizon { h.add("|recent") }
            case S_IFDIR:
                guard depth < 64, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
                for name in entries(of: path) { visit(path + "/" + name, depth: depth + 1) }
            default:
                break
            }
        }
        visit(unit.item.path, depth: 0)
        return String(h.value, radix: 16)
    }

    /// The names in a folder (without `.` and `..`), sorted.
    private static func entries(of path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = FilePaths.entryName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
