import RunsiteCore

/// The diagnostics of report specs (run selectors, column specs, a directive's `:run:`); they are
/// thrown as `SpecError`s with the offset of the offending text. Messages quote that text and end
/// with a "did you mean …?" hint (`hint`) when a known name is close.
extension DiagnosticMessage {
    static func malformedSelector(_ problem: String) -> DiagnosticMessage { DiagnosticMessage(id: "report.malformed-selector", problem) }
    static func malformedColumns(_ problem: String) -> DiagnosticMessage { DiagnosticMessage(id: "report.malformed-columns", problem) }
    static func malformedSpec(_ problem: String) -> DiagnosticMessage { DiagnosticMessage(id: "report.malformed-spec", problem) }

    static func malformedSize(_ value: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "report.malformed-size", "':size:' must be small, medium, large or WxH, not '\(value)'")
    }

    static func noMatch(hint: String) -> DiagnosticMessage { DiagnosticMessage(id: "report.no-match", "selector matches no run" + hint) }

    /// A one-run directive or role (`who`) got `count` runs.
    static func ambiguousRun(_ count: Int, needing who: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "report.ambiguous-run", "selector matches \(count) runs; \(who) needs one (try 'best by METRIC:AGG')")
    }

    static func missingRun(_ directive: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "report.missing-run", "{\(directive)} needs ':run:' here, e.g. ':run: best by val/loss:min'")
    }

    /// A name that no run in scope has; an unknown status is a malformed selector, since the
    /// statuses are fixed words.
    static func unknownName(_ kind: SpecName, _ name: String, hint: String) -> DiagnosticMessage {
        let id = kind == .status ? "report.malformed-selector" : "report.unknown-\(kind.rawValue)"
        return DiagnosticMessage(id: id, "unknown \(kind.rawValue) '\(name)'" + hint)
    }

    /// - Parameter names: the aggregates there are.
    static func unknownAggregate(_ word: String, names: [String], hint: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "report.unknown-aggregate", "unknown aggregate '\(word)' (use \(names.joined(separator: ", ")))\(hint)")
    }

    static func unknownMatrix(_ name: String, of run: String, hint: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "report.unknown-matrix", "\(run) has no confusion matrix '\(name)'" + hint)
    }

    /// - Parameter logged: the steps that have a matrix, comma-separated (empty: none).
    static func unknownMatrixStep(_ step: String, logged: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "report.unknown-step", "no confusion matrix at step '\(step)' (logged: \(logged.isEmpty ? "none" : logged))")
    }
}

/// The kinds of name a spec may use that runs must have.
enum SpecName: String {
    case tag, status, source, project, param, metric
}
