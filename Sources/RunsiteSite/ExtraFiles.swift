import Foundation
import Synchronization

/// Files that directives produce besides their page (standalone figures, CSV downloads), collected
/// while pages render and appended to the site by `SiteBuilder`. Safe to share between pages that
/// render concurrently.
///
///     let path = context.extraFiles.add(OutputFile("demo/figures/chart-loss.svg", .text(svg)))
final class ExtraFiles: Sendable {
    private let state = Mutex<(collected: [OutputFile], used: Set<String>)>(([], []))

    init() {}

    /// Adds `file` and returns the path it was given: the requested one, or, when another file
    /// already took it, the same name with `-2`, `-3`, … before the extension.
    @discardableResult
    func add(_ file: OutputFile) -> String {
        state.withLock { state in
            var candidate = file.path
            var n = 2
            while state.used.contains(candidate) {
                candidate = ExtraFiles.numbered(file.path, n)
                n += 1
            }
            state.used.insert(candidate)
            var placed = file
            placed.path = candidate
            state.collected.append(placed)
            return candidate
        }
    }

    /// Every file added so far, in the order added.
    var files: [OutputFile] {
        state.withLock { $0.collected }
    }

    static func numbered(_ path: String, _ n: Int) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        if let dot = path[slash...].lastIndex(of: "."), dot > slash {
            return String(path[..<dot]) + "-\(n)" + String(path[dot...])
        }
        return path + "-\(n)"
    }
}
