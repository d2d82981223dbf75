import Foundation
import Synchronization

/// The cleanup an interrupted build needs, for the command line's SIGINT and SIGTERM handlers:
/// the library installs no signal handler itself. Staging trees being filled register here and
/// leave once they commit or are abandoned.
public enum BuildInterruption {
    /// The staging areas of the builds in progress, and whether `cleanUp()` has begun.
    private static let state = Mutex<(areas: [ObjectIdentifier: SiteWriter.StagingArea], interrupted: Bool)>(([:], false))

    /// Whether `cleanUp()` has begun: a build failing from then on failed because of it.
    public static var wasInterrupted: Bool { state.withLock { $0.interrupted } }

    static func register(_ area: SiteWriter.StagingArea) {
        state.withLock { $0.areas[ObjectIdentifier(area)] = area }
    }

    static func unregister(_ area: SiteWriter.StagingArea) {
        state.withLock { $0.areas[ObjectIdentifier(area)] = nil }
    }

    /// Removes the staging trees of the builds in progress (and lets go of their locks). Safe to
    /// call from any thread; the caller exits right after.
    public static func cleanUp() {
        let pending = state.withLock { state in
            state.interrupted = true
            return Array(state.areas.values)
        }
        remove(pending)
    }

    /// The staging areas registered now.
    static var registered: [SiteWriter.StagingArea] { state.withLock { Array($0.areas.values) } }

    /// Abandons these staging areas and removes their trees.
    static func remove(_ pending: [SiteWriter.StagingArea]) {
        for area in pending { area.abandon() }
        // A write already past its check may create a folder again: wait for it, and remove again.
        usleep(50_000)
        for area in pending where !area.swapped { SiteWriter.removeTree(area.root.path) }
    }
}
