import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RunsiteReaders

/// Tells when anything under the inputs changes: through inotify on Linux (one watch per folder,
/// added as folders appear), else by comparing every file's size and modification time each
/// `pollInterval` seconds, which also works on network file systems where inotify sees nothing.
/// Folders that discovery skips (`WalkSkips`) and the site's own output are not watched.
final class InputWatcher {
    let inputs: [URL]
    let excluded: Set<String>
    let pollInterval: Double
    private var notify: InotifyWatch?
    private var snapshot: [String: [Int64]] = [:]

    /// - Parameter polling: compare file times even where inotify works (`--poll`).
    init(inputs: [URL], excluding: [URL], pollInterval: Double = 1, polling: Bool = false) {
        // Each folder once: an input inside another is watched through it (each build warns of it).
        self.inputs = InputOverlap.distinct(inputs, log: nil)
        excluded = Set(excluding.map { $0.resolvingSymlinksInPath().standardizedFileURL.path })
        self.pollInterval = pollInterval
        #if canImport(Glibc)
        if !polling { notify = InotifyWatch(folders: folders()) }
        #endif
        if notify == nil { snapshot = stamps() }
    }

    /// How changes are seen, for the command's first line.
    var method: String { notify != nil ? "inotify" : "polling every \(pollInterval) s" }

    /// Blocks until something changed (true) or `timeout` seconds passed (false).
    func waitForChange(timeout: Double) -> Bool {
        if let notify {
            let changed = notify.wait(timeout: timeout)
            for folder in notify.createdFolders() { notify.add(folders(under: folder)) }
            return changed
        }
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let current = stamps()
            if current != snapshot { snapshot = current; return true }
            Thread.sleep(forTimeInterval: min(pollInterval, max(0, deadline.timeIntervalSinceNow)))
        } while Date() < deadline
        return false
    }

    /// Every folder under the inputs that is watched.
    func folders() -> [String] { inputs.flatMap { folders(under: $0.standardizedFileURL.path) } }

    private func folders(under root: String) -> [String] { InputTree.folders(under: root, excluding: excluded) }

    private func stamps() -> [String: [Int64]] { InputTree.stamps(in: folders()) }
}
