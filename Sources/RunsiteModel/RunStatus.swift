/// The lifecycle state of a run, normalised across formats.
public enum RunStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// `queued`: the run was created but never started (MLflow `SCHEDULED`, Sacred `QUEUED`).
    case running, queued, finished, failed, killed, unknown

    /// Reads the usual spellings of every logger (`FINISHED`, `COMPLETED`, `crashed`, `interrupted`, …).
    public init(loose text: String) {
        switch text.lowercased() {
        case "running", "started": self = .running
        case "queued", "scheduled", "pending": self = .queued
        case "finished", "completed", "complete", "done", "success", "succeeded": self = .finished
        case "failed", "failure", "crashed", "error": self = .failed
        case "killed", "interrupted", "cancelled", "canceled", "stopped", "timeout": self = .killed
        default: self = .unknown
        }
    }
}
