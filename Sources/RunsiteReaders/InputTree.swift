import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folders and files of an INPUT as discovery sees them (`WalkSkips` applied, symlinked
/// folders not followed), for `runsite watch` to notice changes.
public enum InputTree {
    /// `root` and every folder under it, except `excluded` real paths (the site being built).
    public static func folders(under root: String, excluding excluded: Set<String>) -> [String] {
        var result: [String] = []
        func walk(_ path: String, depth: Int) {
            guard depth < 64, !excluded.contains(path) else { return }
            result.append(path)
            for (name, kind) in FilePaths.listing(path) where !WalkSkips.skips(name) {
                let child = path + "/" + name
                let isFolder = kind == UInt8(DT_DIR)
                    || (kind == UInt8(DT_UNKNOWN) && FilePaths.status(child, followingLinks: false).map { $0.st_mode & S_IFMT == S_IFDIR } == true)
                if isFolder { walk(child, depth: depth + 1) }
            }
        }
        walk(root, depth: 0)
        return result
    }

    /// The size and modification time (nanoseconds) of every regular file directly in `folders`.
    public static func stamps(in folders: [String]) -> [String: [Int64]] {
        var result: [String: [Int64]] = [:]
        for folder in folders {
            for (name, _) in FilePaths.listing(folder) {
                let path = folder + "/" + name
                guard let status = FilePaths.status(path, followingLinks: false), status.st_mode & S_IFMT == S_IFREG else { continue }
                result[path] = [Int64(status.st_size), Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)]
            }
        }
        return result
    }
}
