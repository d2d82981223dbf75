import RunsiteCore

/// The diagnostics of W&B run folders: the binary `.wandb` log, the files beside it and media.
extension DiagnosticMessage {
    static let wandbBadHeader = DiagnosticMessage(id: "reader.wandb.bad-header", "file does not start with the W&B log header ':W&B'; not read")
    static let wandbSummaryNotObject = DiagnosticMessage(id: "reader.wandb.summary-not-object", "wandb-summary.json must hold a JSON object")

    static func wandbMalformedSummary(_ failure: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.malformed-summary", "invalid JSON: \(failure)")
    }

    static func wandbMalformedConfig(_ problem: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.malformed-config", "config.yaml cannot be parsed: \(problem)")
    }

    static func wandbMalformedTable(_ failure: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.malformed-table", "table is not valid JSON: \(failure)")
    }

    static func wandbMalformedRecords(_ count: Int, first offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.malformed-record", "\(count) record(s) are not valid protobuf and were skipped, the first at byte \(offset)")
    }

    static func wandbMalformedValues(_ count: Int, first raw: Substring, at offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.malformed-value",
                          "\(count) value(s) are not valid JSON and were skipped, the first '\(raw)' in the record at byte \(offset)")
    }

    static func wandbValuesTooDeep(_ count: Int, limit: Int, first offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.value-too-deep",
                          "\(count) value(s) have a key path deeper than \(limit) levels and were skipped, the first in the record at byte \(offset)")
    }

    static func wandbBadChecksum(at offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.bad-checksum", "checksum mismatch in the chunk at byte \(offset); the rest of its 32 KiB block is skipped")
    }

    static func wandbBadLength(at offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.bad-length", "chunk at byte \(offset) claims a length past its block; the rest of the block is skipped")
    }

    static func wandbBadChunkOrder(at offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.bad-chunk-order", "chunk at byte \(offset) is out of sequence (a record part is missing); that record is skipped")
    }

    /// - Parameter original: the run folder `name` copies, from which the run is read.
    static func wandbRunCopy(_ name: String, original: SourceLocation) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.run-copy", "'\(name)' is a copy of a run folder, not another run; the run is read from that folder",
                          notes: [DiagnosticNote("the run folder it copies", at: original)])
    }

    static func wandbMalformedEventsLines(_ count: Int, first line: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.wandb.malformed-events-line", "\(count) line(s) are not a JSON object and were skipped, the first at line \(line)")
    }

    /// - Parameter more: how many other history metrics clash besides `first`.
    static func wandbSystemMetricClash(_ first: String, more: Int) -> DiagnosticMessage {
        let others = more > 0 ? " and \(more) more" : ""
        return DiagnosticMessage(id: "reader.wandb.system-metric-clash",
                                 "the history logs '\(first)'\(others) under a system metric's name; the history's values are kept")
    }
}
