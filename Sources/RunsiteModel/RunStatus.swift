/// The lifecycle state of a run, normalised across formats.
public enum RunStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case running, finished, failed, killed, unknown

    /// Reads the usual spellings of every logger (`FINISHED`, `COMPLETED`, `crashed`, `interrupted`, …).
    public init(loose text: String) {
        switch text.lowercased() {
        case "running", "started", "scheduled", "queued": self = .running
        case "finished", "completed", "complete", "done", "success", "succeeded": self = .finished
        case "failed", "failure", "crashed", "error": self = .failed
        case "killed", "interrupted", "cancelled", "canceled", "stopped", "timeout": self = .killed
        default: self = .unknown
        }
    }
}
