import Foundation
import RunsiteBuild

/// SIGINT and SIGTERM during a build: the staging tree is removed (the library's cleanup hook)
/// and runsite exits as a process killed by that signal would report it, 130 or 143.
enum Interrupts {
    /// Kept so that the sources live as long as the process. Unchecked because signal sources are
    /// not Sendable; only `install()` writes it, once, before any build thread starts.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                BuildInterruption.cleanUp()
                Stderr.write("runsite: interrupted; the unfinished site was removed and --out left as it was")
                _exit(status)   // no atexit work while build threads still run
            }
            source.resume()
            sources.append(source)
        }
    }

    /// After a build failed: when an interruption made it fail, waits for the handler to exit with
    /// the signal's status instead of reporting the failure.
    static func yieldToHandler() {
        guard BuildInterruption.wasInterrupted else { return }
        while true { pause() }
    }
}
