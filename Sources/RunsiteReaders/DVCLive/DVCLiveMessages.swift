import RunsiteCore

/// The diagnostics of DVCLive folders and the `dvc.yaml` that lists their plots and artifacts.
extension DiagnosticMessage {
    static let dvcliveSummaryNotObject = DiagnosticMessage(id: "reader.dvclive.summary-not-object", "metrics.json does not hold a JSON object; summary not read")
    static let dvcliveNoDataRows = DiagnosticMessage(id: "reader.dvclive.no-series", "no data rows; no series read")

    static func dvcliveNoValueColumn(besides header: [String]) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvclive.no-series", "no value column besides \(header.joined(separator: ", ")), or no value in it; no series read")
    }

    static func dvcliveMalformedYAML(_ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvclive.malformed-yaml", "invalid YAML: \(problem); dvc.yaml not used")
    }

    static func dvcliveConfusionNotSamples(_ x: String, _ y: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvclive.confusion-shape", "confusion plot is not an array of {\"\(x)\", \"\(y)\"} objects; not read")
    }

    static func dvcliveSamplesSkipped(_ count: Int, lacking x: String, or y: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvclive.confusion-shape", "\(count) samples lack '\(x)' or '\(y)' and are skipped")
    }

    static func dvcliveArtifactWithoutPath(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvclive.artifact-without-path", "artifact '\(name)' in dvc.yaml has no path")
    }

    static func dvcliveArtifactOutsideInput(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvclive.artifact-outside-input", "artifact '\(name)' points outside the input and is skipped")
    }

    static func dvcliveSpecialArtifact(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.special-file", "artifact '\(name)' of dvc.yaml is not a regular file (a FIFO, socket or device) and is skipped")
    }

    /// - Parameter how: why DVC knows the file: "is tracked by DVC" or "is an output of a stage in dvc.yaml".
    static func dvcliveArtifactNotInWorkspace(_ name: String, _ how: String, path: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvclive.artifact-not-in-workspace",
                          "artifact '\(name)' \(how) but '\(path)' is not in the workspace (dvc pull fetches it)")
    }

    static func dvcliveArtifactMissing(_ name: String, path: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvclive.artifact-missing", "artifact '\(name)' points to '\(path)', which does not exist")
    }

    /// - Parameter why: what is wrong with the path, e.g. "does not exist, so no run is read from it".
    static func dvcUncoveredPath(section: String, _ path: String, _ why: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.dvc.uncovered-path", "\(section) path '\(path)' \(why)")
    }
}
