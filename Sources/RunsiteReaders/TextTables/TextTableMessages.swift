import RunsiteCore

/// The diagnostics of the wide CSV tables and YAML parameter files that Lightning and Keras write;
/// `format` is the reader's name (`lightning-csv`, `keras-csv`).
extension DiagnosticMessage {
    static func tableEmptyFile(format: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).empty-file", "file is empty; no metrics read")
    }

    static func tableHeaderOnly(format: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).no-values", "file has a header but no values; no metrics read")
    }

    static func tableHalfWrittenLine(format: String, fields: Int, header: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).half-written-line",
                          "last line is incomplete (\(fields) of \(header) fields and no line end), probably cut off while being written; row skipped")
    }

    static func tableMissingStepColumn(format: String, _ column: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).missing-step-column", "header has no '\(column)' column; rows are numbered from 0 instead")
    }

    static func tableBadStep(format: String, column: String, _ text: Substring) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).bad-step", "'\(column)' value '\(text)' is not an integer; row skipped")
    }

    static func tableNonNumericValue(format: String, _ text: Substring, of name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).non-numeric-value", "value '\(text)' of '\(name)' is not a number; point skipped")
    }

    static func paramsNotUTF8(format: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).malformed-yaml", "file is not UTF-8 text; parameters not read")
    }

    static func paramsMalformedYAML(format: String, _ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).malformed-yaml", "invalid YAML: \(problem); parameters not read")
    }

    static func paramsNotMapping(format: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).params-not-mapping", "parameters file does not hold a mapping; parameters not read")
    }
}
