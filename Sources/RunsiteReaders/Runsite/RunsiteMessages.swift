import RunsiteCore

/// The diagnostics of runsite's own format (`runsite.json`, `params.json`, `metrics.jsonl`,
/// `metrics.csv`, `confusion/*.json`).
extension DiagnosticMessage {
    static let runsiteMetadataNotObject = DiagnosticMessage(id: "reader.runsite.metadata-not-object", "runsite.json must hold a JSON object")
    static let runsiteParamsNotObject = DiagnosticMessage(id: "reader.runsite.params-not-object", "params.json must hold a JSON object")
    static let runsiteTagsWithNonText = DiagnosticMessage(id: "reader.runsite.field-type", "'tags' must be a list of text; entries that are not text are ignored")
    static let runsiteLineNotObject = DiagnosticMessage(id: "reader.runsite.line-not-object", "line is not a JSON object; skipped")
    static let runsiteEmptyCSV = DiagnosticMessage(id: "reader.runsite.no-values", "file is empty; no metrics read")
    static let runsiteHeaderOnly = DiagnosticMessage(id: "reader.runsite.no-values", "file has a header but no values; no metrics read")
    static let runsiteNoNumericValues = DiagnosticMessage(id: "reader.runsite.no-values", "file holds no numeric values; no metrics read")
    static let runsiteNoMatrix = DiagnosticMessage(id: "reader.runsite.confusion-shape", "confusion matrix has no 'matrix' array")

    static func runsiteNotText(_ field: String, found: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.field-type", "'\(field)' must be text; ignored (found \(found))")
    }

    static func runsiteTagsNotList(found: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.field-type", "'tags' must be a list of text; ignored (found \(found))")
    }

    static func runsiteUnknownStatus(_ status: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.unknown-status", "unknown status '\(status)'")
    }

    static func runsiteBadTime(_ field: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.bad-time", "'\(field)' is neither ISO 8601 text nor Unix seconds")
    }

    static func runsiteUnknownFile(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.unknown-file", "unknown file in run directory is ignored: '\(name)'")
    }

    static func runsiteMalformedJSONLine(_ failure: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.malformed-json-line", "invalid JSON (\(failure)); line skipped")
    }

    static func runsiteBadStep(found: String, record: Int64) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.bad-step", "'step' must be an integer (found \(found)); the record index \(record) is used")
    }

    static func runsiteNonNumericValue(_ key: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.non-numeric-value", "value of '\(key)' is not a number; point skipped")
    }

    static func runsiteMatrixSize(_ classes: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.confusion-shape", "confusion matrix must be \(classes)×\(classes) to match its labels")
    }

    static func runsiteBadCounts(_ invalid: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.runsite.confusion-value", "\(invalid) cell\(invalid == 1 ? " is" : "s are") not a count (a finite number ≥ 0)")
    }
}
