import RunsiteCore

/// The diagnostics of Sacred's FileStorageObserver folders (`run.json`, `config.json`, `metrics.json`).
extension DiagnosticMessage {
    static let sacredEmptyFile = DiagnosticMessage(id: "reader.sacred.empty-file", "file is empty (Sacred rewrites it at every heartbeat)")
    static let sacredRunNotObject = DiagnosticMessage(id: "reader.sacred.run-not-object", "run.json must hold a JSON object")
    static let sacredConfigNotObject = DiagnosticMessage(id: "reader.sacred.config-not-object", "config.json must hold a JSON object")
    static let sacredMetricsNotObject = DiagnosticMessage(id: "reader.sacred.metrics-not-object", "metrics.json must hold a JSON object")
    static let sacredMissingRunJSON = DiagnosticMessage(id: "reader.sacred.missing-run-json", "run folder has no run.json; read without status or times")

    static func sacredUnknownStatus(_ status: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.sacred.unknown-status", "unknown status '\(status)'")
    }

    static func sacredBadTime(_ field: String, _ text: Substring) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.sacred.bad-time", "'\(field)' is not an ISO 8601 time: '\(text)'")
    }

    static func sacredMetricWithoutValues(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.sacred.metric-shape", "metric '\(name)' has no 'values' array; skipped")
    }

    static func sacredMetricLengths(_ name: String, values: Int, steps: Int, timestamps: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.sacred.metric-length",
                          "metric '\(name)' has \(values) values, \(steps) steps and \(timestamps) timestamps; extra values use their index")
    }

    static func sacredNonNumericValue(_ index: Int, of name: String, _ text: Substring) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.sacred.non-numeric-value", "value \(index) of metric '\(name)' is not a number ('\(text)'); point skipped")
    }
}
