import Foundation
import RunsiteCore

/// The diagnostics many readers share: files that cannot be read, symlinks and special files,
/// and the checks every JSON or confusion-matrix file gets. `format` is the reader's name as ids
/// spell it (`runsite`, `dvclive`, `wandb`, …).
extension DiagnosticMessage {
    /// A file that exists (or was listed) but whose bytes cannot be read.
    static let unreadableFile = DiagnosticMessage(id: "reader.unreadable-file", "file cannot be read")
    /// The same, for a FIFO, socket or device, which readers never open.
    static let unreadableSpecialFile = DiagnosticMessage(id: "reader.unreadable-file", "not a regular file (a FIFO, socket or device); not read")
    /// An artifact or image that cannot be read, and so is not published.
    static let unreadableArtifact = DiagnosticMessage(id: "reader.unreadable-file", "file cannot be read and is left out")
    /// A symbolic link in a run folder whose target lies outside the run.
    static let symlinkOutsideRun = DiagnosticMessage(id: "reader.symlink-outside-run", "symlink points outside the run and is skipped")
    /// A symbolic link that an open or a listing would follow out of the input.
    /// - Parameter target: the real path it leads to.
    static func symlinkOutsideInput(target: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.symlink-outside-input", "symlink points outside the input and is skipped", notes: [symlinkTarget(target)])
    }

    private static func symlinkTarget(_ path: String) -> DiagnosticNote {
        DiagnosticNote("the symlink leads here", at: SourceLocation(file: path))
    }
    /// A FIFO, socket or device met where a file was expected.
    static let specialFile = DiagnosticMessage(id: "reader.special-file", "not a regular file (a FIFO, socket or device) and is skipped")

    static func unlistableFolder(_ reason: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.unlistable-folder", "folder cannot be listed (\(reason)) and is skipped")
    }

    static func linesTooLong(_ skipped: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.line-too-long", "\(skipped) line\(skipped == 1 ? " is" : "s are") longer than \(limit) bytes and skipped")
    }

    /// A JSON file that does not parse; `consequence` (such as `"; summary not read"`) ends the text.
    static func malformedJSON(format: String, _ failure: String, consequence: String = "") -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).malformed-json", "invalid JSON: \(failure)\(consequence)")
    }

    static func confusionFileTooLarge(format: String, bytes: Int64, limit: Int64) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).confusion-too-large", "confusion matrix file is \(bytes) bytes, more than the \(limit) read; skipped")
    }

    static func tooManyClasses(format: String, _ count: Int, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).confusion-too-large", "confusion matrix has \(count) classes, more than the \(limit) drawn; skipped")
    }

    static func confusionJSONShape(format: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).confusion-shape", "confusion matrix JSON has no square 'matrix' with matching 'labels'")
    }

    /// A CSV row whose field count is not the header's (`reader.runsite.csv-field-count`).
    static func csvFieldCount(format: String, _ fields: Int, header: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).csv-field-count", fieldCountText(fields, header: header))
    }

    /// The same for the wide CSV tables of Lightning and Keras (`reader.keras-csv.field-count`).
    static func fieldCount(format: String, _ fields: Int, header: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).field-count", fieldCountText(fields, header: header))
    }

    private static func fieldCountText(_ fields: Int, header: Int) -> String {
        "row has \(fields) fields, header has \(header); row skipped"
    }

    /// The closing warning of a `WarningBudget`, under the id of the problems it stops reporting.
    static func moreProblems(like message: DiagnosticMessage, limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: message.id, "more than \(limit) problems of this kind; further ones in this file are not reported")
    }
}

/// The diagnostics of discovery, the walk that finds each INPUT's runs.
extension DiagnosticMessage {
    static let siteSkipped = DiagnosticMessage(id: "discovery.site-skipped", "a site built by runsite is not read as input")
    static func discoverySymlinkOutsideInput(target: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "discovery.symlink-outside-input", "symlink points outside the input and is skipped", notes: [symlinkTarget(target)])
    }
    static let inputMissing = DiagnosticMessage(id: "discovery.input-missing", "input is not a directory")

    /// An input that another input's walk already reads (`InputOverlap`).
    /// - Parameters:
    ///   - same: whether it is the very folder of the other input, rather than inside it.
    ///   - holder: the input that holds it, as the user named it.
    static func inputSameRunPaths(qualifier: String, other: SourceLocation) -> DiagnosticMessage {
        DiagnosticMessage(id: "input.same-run-paths", "input holds runs at the same paths as another input; its run ids begin with '\(qualifier)/'",
                          notes: [DiagnosticNote("the other input", at: other)])
    }

    static func inputOverlap(same: Bool, holder: SourceLocation) -> DiagnosticMessage {
        DiagnosticMessage(id: "input.overlap", "input is \(same ? "the same folder as" : "inside") another input; its runs are read once, from that input",
                          notes: [DiagnosticNote("the input that holds it", at: holder)])
    }
}

/// The diagnostics of record framing that TensorBoard event files and W&B logs share.
extension DiagnosticMessage {
    static func truncatedRecord(format: String, at offset: Int) -> DiagnosticMessage {
        DiagnosticMessage(id: "reader.\(format).truncated-record", "file ends inside the record at byte \(offset) (still being written?); that record is ignored")
    }
}
