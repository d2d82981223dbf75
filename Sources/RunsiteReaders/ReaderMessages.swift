import Foundation

/// A reader diagnostic's id and text, made in one place for problems many readers meet, in the
/// manner of swift-format's `Finding.Message`, so that each is worded once.
public struct ReaderMessage: Sendable, Equatable {
    public var id: String
    public var text: String

    public init(id: String, _ text: String) {
        self.id = id
        self.text = text
    }

    /// A file that exists (or was listed) but whose bytes cannot be read.
    public static let unreadableFile = ReaderMessage(id: "reader.unreadable-file", "file cannot be read")
    /// An artifact or image that cannot be read, and so is not published.
    public static let unreadableArtifact = ReaderMessage(id: "reader.unreadable-file", "file cannot be read and is left out")
    /// A symbolic link in a run folder whose target lies outside the run.
    public static let symlinkOutsideRun = ReaderMessage(id: "reader.symlink-outside-run", "symlink points outside the run and is skipped")
}

extension ReaderContext {
    /// Warns `message` at `url` (and at a line, column or byte offset when given).
    public func warn(_ message: ReaderMessage, _ url: URL, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        warn(message.id, message.text, url, line: line, column: column, byteOffset: byteOffset)
    }
}
