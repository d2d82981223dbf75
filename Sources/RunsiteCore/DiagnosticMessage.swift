/// A diagnostic's id and wording, as one value. Each module words its diagnostics once, as static
/// factories on this type in its `…Messages.swift` files (swift-format's `Finding.Message`), and
/// call sites name a factory instead of writing an id and a text:
///
///     context.warn(.unreadableFile, url)
///     →  path/to/file: warning: file cannot be read [reader.unreadable-file]
public struct DiagnosticMessage: Sendable, Hashable {
    /// A stable dotted id such as `reader.runsite.malformed-json-line`, prefixed by the module's
    /// part of the work (`reader.`, `template.`, `directive.`, `report.`, `output.`, …).
    public var id: String
    /// A lowercase sentence without a final period, quoting the offending value.
    public var text: String
    /// The second places the problem involves, each worded by the same factory.
    public var notes: [DiagnosticNote]

    public init(id: String, _ text: String, notes: [DiagnosticNote] = []) {
        self.id = id
        self.text = text
        self.notes = notes
    }
}

/// A second place a diagnostic points at, as compilers' notes do ("first defined here"): a
/// lowercase sentence without a final period, and where that place is.
public struct DiagnosticNote: Sendable, Hashable, Comparable, Codable {
    public var text: String
    public var location: SourceLocation?

    public init(_ text: String, at location: SourceLocation? = nil) {
        self.text = text
        self.location = location
    }

    public static func < (a: DiagnosticNote, b: DiagnosticNote) -> Bool {
        if a.location != b.location {
            guard let x = a.location else { return true }
            guard let y = b.location else { return false }
            return x < y
        }
        return a.text < b.text
    }
}
