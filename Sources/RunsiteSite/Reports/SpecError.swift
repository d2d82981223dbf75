/// A malformed selector or column spec: what is wrong and where, as a UTF-8 byte offset into the
/// spec text (so that a directive can turn it into `file:line:col`).
struct SpecError: Error, Equatable {
    /// A stable diagnostic id such as `report.malformed-selector`.
    var id: String
    /// A lowercase sentence without a final period.
    var message: String
    /// 0-based UTF-8 offset of the offending text in the spec.
    var offset: Int

    init(_ id: String, _ message: String, at offset: Int) {
        self.id = id
        self.message = message
        self.offset = offset
    }
}

/// The diagnostic ids of report specs, in one place; messages are lowercase, quote the offending
/// text and end with a "did you mean …?" hint when a known name is close.
extension SpecError {
    static func malformedSelector(_ message: String, at offset: Int) -> SpecError { SpecError("report.malformed-selector", message, at: offset) }
    static func malformedColumns(_ message: String, at offset: Int) -> SpecError { SpecError("report.malformed-columns", message, at: offset) }
    static func malformedSpec(_ message: String, at offset: Int) -> SpecError { SpecError("report.malformed-spec", message, at: offset) }

    static func malformedSize(_ value: String) -> SpecError {
        SpecError("report.malformed-size", "':size:' must be small, medium, large or WxH, not '\(value)'", at: 0)
    }

    static func noMatch(hint: String) -> SpecError { SpecError("report.no-match", "selector matches no run" + hint, at: 0) }

    /// A one-run directive or role got `count` runs.
    static func ambiguousRun(_ count: Int, needing who: String) -> SpecError {
        SpecError("report.ambiguous-run", "selector matches \(count) runs; \(who) needs one (try 'best by METRIC:AGG')", at: 0)
    }
}
