import RunsiteCore

/// The diagnostics of rendering pages: the layout, directives and their options, roles, and the
/// run files a page shows. `hint` is a "did you mean" ending such as `"; did you mean 'val/loss'?"`,
/// or empty. The report specs' own diagnostics are in `ReportMessages.swift`.
extension DiagnosticMessage {
    static func badLayout(_ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "template.bad-layout", problem)
    }

    static let layoutWithoutAssets = DiagnosticMessage(id: "template.layout-without-assets",
        "layout.html does not place {{{assets}}}, so the --single-file page has no stylesheet or script (the layout's own <link> and <script src> tags are left out, as they would fetch files)")

    static func unknownDirective(_ name: String, hint: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "template.unknown-directive", "unknown directive '\(name)'\(hint)")
    }

    static func unknownOption(_ key: String, of directive: String, hint: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "template.unknown-option", "unknown option ':\(key):' for {\(directive)}\(hint)")
    }

    static func notAFlag(_ key: String, _ value: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "template.bad-option-value", "':\(key):' takes true or false; got '\(value)', read as false")
    }

    static func notANumber(_ key: String, _ value: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "template.bad-option-value", "':\(key):' takes a number; got '\(value)', so it is ignored")
    }

    /// - Parameters:
    ///   - words: the values the option takes.
    ///   - absent: the value used instead, or nil for "the default".
    static func notAChoice(_ key: String, _ value: String, hint: String, words: [String], absent: String?) -> DiagnosticMessage {
        let quoted = words.map { "'\($0)'" }.joined(separator: ", ")
        return DiagnosticMessage(id: "template.bad-option-value",
                                 "unknown value '\(value)' for ':\(key):'\(hint); expected one of \(quoted), so \(absent.map { "'\($0)'" } ?? "the default") is used")
    }

    static func unreadableColumnOption(_ key: String, _ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "template.bad-option-value", "':\(key):' cannot be read: \(problem)")
    }

    static let chartWithoutMetrics = DiagnosticMessage(id: "directive.chart.no-metrics", "{chart} needs ':metrics:'")
    static let scatterWithoutX = DiagnosticMessage(id: "directive.scatter.no-x", "{scatter} needs ':x:' (a param or column)")

    static func unknownChartMetric(_ metric: String, hint: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "directive.chart.unknown-metric", "no run logged metric '\(metric)'\(hint)")
    }

    static func badGroupBy(_ raw: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "directive.chart.bad-group-by", "unknown grouping '\(raw)'; expected 'param.KEY', 'param:KEY', 'tag' or 'seed-agnostic'")
    }

    static func badSmoothing(_ raw: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "directive.chart.bad-smoothing",
                          "smoothing weight must be a number from 0 up to (not including) 1; got '\(raw)', so the site default is used")
    }

    static func tooManySummaryValues(page: String, _ count: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "directive.charts.too-many-values",
                          "\(page): \(count) metrics with one value each; the first \(limit) are tabulated and the others only named (runs.json holds them all)")
    }

    static func tooManyCharts(page: String, _ count: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "directive.charts.too-many-metrics",
                          "\(page): \(count) metrics; the first \(limit) are charted and the other \(count - limit) only listed")
    }

    static func unknownComparedRun(_ name: String, hint: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "directive.confusion.unknown-run", "no run named '\(name)' to compare with\(hint)")
    }

    static func unknownRole(_ name: String, hint: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "role.unknown", "unknown role '\(name)'\(hint)")
    }

    static func roleNeedsOneRun(_ role: String, content: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "role.ambiguous-run",
                          "{\(role)} needs a page with exactly one run, or a selector as in 'best by val/loss:min -> \(content)'")
    }

    static func roleUnknownParam(_ key: String, hint: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "role.unknown-param", "unknown param '\(key)'\(hint)")
    }

    /// A report spec's problem as `{metric}` reports it: an unknown metric under the role's own id.
    static func inMetricRole(_ problem: DiagnosticMessage) -> DiagnosticMessage {
        problem.id == "report.unknown-metric" ? DiagnosticMessage(id: "role.unknown-metric", problem.text) : problem
    }

    static func notesImageNotShown(_ url: String, _ reason: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "site.notes-image-not-shown", "image '\(url)' in the run's notes is not shown: \(reason)")
    }

    /// - Parameter name: the file name the artifact is served under (with `.txt` added).
    static func activeArtifact(servedAs name: Substring) -> DiagnosticMessage {
        DiagnosticMessage(id: "site.active-artifact", "served as '\(name)' so that a browser shows it as text and runs nothing")
    }
}
