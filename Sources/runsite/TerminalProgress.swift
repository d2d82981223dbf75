import Foundation
import RunsiteBuild
import Synchronization

/// Progress on stderr when it is a terminal: `read 120/600 runs (85/s)`, redrawn at most 10 times a
/// second on one line. Silent with `--quiet` and when stderr is not a TTY (CI logs stay plain).
final class TerminalProgress: BuildProgress, Sendable {
    private struct State {
        var phase = ""
        var total = 0
        var started = DispatchTime.now().uptimeNanoseconds
        var lastDraw: UInt64 = 0
    }
    private let state = Mutex(State())

    static func make(quiet: Bool) -> TerminalProgress? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : TerminalProgress()
    }

    func begin(_ phase: String, total: Int) {
        state.withLock { $0 = State(phase: phase, total: total) }
    }

    func step(_ done: Int) {
        state.withLock { state in
            let now = DispatchTime.now().uptimeNanoseconds
            guard now - state.lastDraw > 100_000_000 || done == state.total else { return }
            state.lastDraw = now
            let seconds = max(Double(now - state.started) / 1e9, 1e-6)
            let unit = state.phase == "read" ? "units" : "files"
            let line = "\u{1B}[2K\r\(state.phase) \(done)/\(state.total) \(unit) (\(Int(Double(done) / seconds))/s)"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func end() {
        state.withLock { _ in FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
    }
}
