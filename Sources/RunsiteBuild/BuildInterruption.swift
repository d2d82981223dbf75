import Foundation

/// The cleanup an interrupted build needs, for the command line's SIGINT and SIGTERM handlers:
/// the library installs no signal handler itself. Staging trees being filled register here and
/// leave once they commit or are abandoned.
public enum BuildInterruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var areas: [ObjectIdentifier: SiteWriter.StagingArea] = [:]

    nonisolated(unsafe) private static var interrupted = false

    /// Whether `cleanUp()` has begun: a build failing from then on failed because of it.
    public static var wasInterrupted: Bool { lock.lock(); defer { lock.unlock() }; return interrupted }

    static func register(_ area: SiteWriter.StagingArea) {
        lock.lock(); areas[ObjectIdentifier(area)] = area; lock.unlock()
    }

    static func unregister(_ area: SiteWriter.StagingArea) {
        lock.lock(); areas[ObjectIdentifier(area)] = nil; lock.unlock()
    }

    /// Removes the staging trees of the builds in progress (and lets go of their locks). Safe to
    /// call from any thread; the caller exits right after.
    public static func cleanUp() {
        lock.lock(); interrupted = true; let pending = Array(areas.values); lock.unlock()
        remove(pending)
    }

    /// The staging areas registered now.
    static var registered: [SiteWriter.StagingArea] { lock.lock(); defer { lock.unlock() }; return Array(areas.values) }

    /// Abandons these staging areas and removes their trees.
    static func remove(_ pending: [SiteWriter.StagingArea]) {
        for area in pending { area.abandon() }
        // A write already past its check may create a folder again: wait for it, and remove again.
        usleep(50_000)
        for area in pending where !area.swapped { SiteWriter.removeTree(area.root.path) }
    }
}
