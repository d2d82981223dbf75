import Foundation
import RunsiteBuild

/// Progress on stderr when it is a terminal: `read 120/600 runs (85/s)`, redrawn at most 10 times a
/// second on one line. Silent with `--quiet` and when stderr is not a TTY (CI logs stay plain).
final class TerminalProgress: BuildProgress, @unchecked Sendable {
    private let lock = NSLock()
    private var phase = ""
    private var total = 0
    private var started = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0

    static func make(quiet: Bool) -> TerminalProgress? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : TerminalProgress()
    }

    func begin(_ phase: String, total: Int) {
        lock.lock(); defer { lock.unlock() }
        self.phase = phase
        self.total = total
        started = DispatchTime.now().uptimeNanoseconds
        lastDraw = 0
    }

    func step(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 || done == total else { return }
        lastDraw = now
        let seconds = max(Double(now - started) / 1e9, 1e-6)
        let unit = phase == "read" ? "units" : "files"
        let line = "\u{1B}[2K\r\(phase) \(done)/\(total) \(unit) (\(Int(Double(done) / seconds))/s)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func end() {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8))
    }
}
