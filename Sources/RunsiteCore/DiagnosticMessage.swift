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

    public init(id: String, _ text: String) {
        self.id = id
        self.text = text
    }
}
