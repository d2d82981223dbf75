import RunsiteCore

/// A malformed selector or column spec: what is wrong and where, as a UTF-8 byte offset into the
/// spec text (so that a directive can turn it into `file:line:col`).
struct SpecError: Error, Equatable {
    /// The diagnostic, from the factories in `ReportMessages.swift`.
    var problem: DiagnosticMessage
    /// 0-based UTF-8 offset of the offending text in the spec.
    var offset: Int

    init(_ problem: DiagnosticMessage, at offset: Int = 0) {
        self.problem = problem
        self.offset = offset
    }

    /// The diagnostic's id, such as `report.malformed-selector`.
    var id: String { problem.id }
    /// A lowercase sentence without a final period.
    var message: String { problem.text }
}
