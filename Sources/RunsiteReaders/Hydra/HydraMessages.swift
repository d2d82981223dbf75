import RunsiteCore

/// The diagnostics of Hydra output folders (`.hydra/*.yaml` and the CSV logs beside them).
extension DiagnosticMessage {
    static let hydraConfigNotMapping = DiagnosticMessage(id: "reader.hydra.config-not-mapping", "config.yaml does not hold a mapping")

    static func hydraMalformedYAML(_ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.hydra.malformed-yaml", "file is not valid YAML: \(problem)")
    }

    static func hydraBadStep(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.hydra.bad-step", "step '\(text)' is not an integer; row skipped")
    }

    static func hydraNonNumericValue(_ text: String, of name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.hydra.non-numeric-value", "value '\(text)' of '\(name)' is not a number; point skipped")
    }
}
