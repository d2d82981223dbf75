import RunsiteCore

/// The diagnostics of TensorBoard event files: record framing, Event messages and hparams.
extension DiagnosticMessage {
    static func tensorBoardMalformedEvent(at offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.tensorboard.malformed-event", "record at byte \(offset) is not a valid Event message; record skipped")
    }

    static func tensorBoardBadLengthChecksum(at offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.tensorboard.bad-length-checksum", "length checksum mismatch in the record at byte \(offset); rest of the file ignored")
    }

    static func tensorBoardBadDataChecksum(at offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.tensorboard.bad-data-checksum", "data checksum mismatch in the record at byte \(offset); rest of the file ignored")
    }

    static func tensorBoardHParamsTooDeep(tag: String, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.tensorboard.hparams-too-deep", "hparams data of tag '\(tag)' nests values deeper than \(limit) levels and is skipped")
    }

    static func tensorBoardMalformedHParams(tag: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.tensorboard.malformed-hparams", "hparams data of tag '\(tag)' cannot be decoded")
    }

    /// - Parameters:
    ///   - kind: the kind of summary (`audio`, `histogram`, …) that runsite does not draw.
    ///   - tag: the first tag of that kind, to find it by.
    static func tensorBoardSummaryNotShown(_ kind: String, first tag: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.tensorboard.summary-not-shown", "\(kind) summaries are not shown (first: '\(tag)')")
    }
}
