import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `.NAME.runsite-lock` beside the output (in its parent, never published),
/// held for the whole of a build so that two builds into one `--out` cannot interleave. The lock
/// file stays: removing it would let a third build lock a new file while the second holds the old.
final class OutputLock: Sendable {
    /// The lock file's descriptor; -1 once released.
    private let fd: Mutex<Int32>

    private init(fd: Int32) { self.fd = Mutex(fd) }

    static func path(for output: URL) -> URL {
        output.deletingLastPathComponent().child(".\(output.lastPathComponent).runsite-lock")
    }

    /// Takes the lock, or throws when another build (in any process) holds it.
    static func take(for output: URL) throws -> OutputLock {
        let url = path(for: output)
        let fd = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteWriter.Failure.io("cannot open the lock file '\(url.path)': \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            throw SiteWriter.Failure.io(busy
                ? "another runsite build is writing '\(output.path)' (it holds '\(url.path)'); wait for it to finish"
                : "cannot lock '\(url.path)': \(reason)")
        }
        return OutputLock(fd: fd)
    }

    /// Lets go of the lock; later calls do nothing.
    func release() {
        fd.withLock { fd in
            guard fd >= 0 else { return }
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}
