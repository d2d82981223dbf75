import RunsiteCore

/// The diagnostics of MLflow stores: the file store (`mlruns/`) and the SQLite store (`mlflow.db`).
extension DiagnosticMessage {
    static let mlflowEmptyMeta = DiagnosticMessage(id: "reader.mlflow.empty-meta", "meta.yaml is empty")
    static let mlflowMetaNotMapping = DiagnosticMessage(id: "reader.mlflow.malformed-meta", "meta.yaml does not hold a mapping")
    static let mlflowRunWithoutMeta = DiagnosticMessage(id: "reader.mlflow.missing-meta", "run folder has no meta.yaml; read without name, status or times")
    static let mlflowEmptyMetric = DiagnosticMessage(id: "reader.mlflow.empty-metric", "metric file holds no points")
    static let mlflowNotSQLite = DiagnosticMessage(id: "reader.mlflow.not-sqlite", "mlflow.db is not an SQLite database (bad header)")
    static let mlflowNoRunsTable = DiagnosticMessage(id: "reader.mlflow.sqlite-schema", "database has no 'runs' table")

    static func mlflowMalformedMeta(_ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.malformed-meta", "meta.yaml is not valid YAML: \(problem)")
    }

    static func mlflowExperimentWithoutMeta(_ id: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.missing-meta", "experiment folder has no meta.yaml; named after its id '\(id)'")
    }

    static func mlflowArtifactsOutsideInput(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.artifacts-outside-input", "artifact location is outside the input and is not read: '\(path)'")
    }

    /// - Parameter shown: what the line holds instead, "empty line" or "4 fields".
    static func mlflowMetricFieldCount(_ shown: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.metric-field-count", "metric line has \(shown), expected 2, 3 or 5; line skipped")
    }

    static func mlflowBadTimestamp(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.bad-metric-timestamp", "metric timestamp '\(text)' is not an integer; line skipped")
    }

    static func mlflowNonNumericValue(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.non-numeric-value", "metric value '\(text)' is not a number; line skipped")
    }

    static func mlflowBadStep(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.bad-metric-step", "metric step '\(text)' is not an integer; line skipped")
    }

    static func mlflowCannotOpenDatabase(_ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.sqlite-error", "cannot open database: \(problem)")
    }

    static func mlflowCannotReadTable(_ table: String, _ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.sqlite-error", "cannot read table '\(table)': \(problem)")
    }

    static func mlflowUntrustedSchema(_ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.sqlite-untrusted-schema", "mlflow.db is not read: \(problem)")
    }

    /// - Parameter more: how many other stray `meta.yaml` files lie beside the one named.
    static func mlflowStrayMeta(_ name: String, more: Int) -> DiagnosticMessage {
        let others = more > 0 ? " (and \(more) more beside it)" : ""
        return DiagnosticMessage(id: "reader.mlflow.stray-meta",
                                 "meta.yaml outside any experiment of the store\(others): '\(name)' is not an experiment (a store made by running mlflow from inside this one?); not read")
    }

    /// - Parameter active: the folder of the active experiment with the same id.
    static func mlflowTrashIDCollision(_ name: String, active: SourceLocation, bothShown: Bool) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.mlflow.trash-id-collision",
                          "deleted experiment '\(name)' has the id of an active experiment; MLflow cannot restore it\(bothShown ? ", and both are shown" : "")",
                          notes: [DiagnosticNote("the active experiment with that id", at: active)])
    }
}
