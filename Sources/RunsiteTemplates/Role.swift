import RunsiteCore

/// A MyST-style inline role: `{name}` immediately followed by a code span.
///
///     best {metric}`val/loss:min` at lr {param}`optimizer.lr`
///     →  Role(name: "metric", content: "val/loss:min"), Role(name: "param", content: "optimizer.lr")
///
/// A backslash before the brace (`\{metric}`) keeps the text literal.
public struct Role: Sendable, Hashable {
    /// The name between the braces.
    public var name: String
    /// The code span's content, as CommonMark reads it (outer spaces stripped, no escapes processed).
    public var content: String
    /// The `{` of the role; the column is a 1-based UTF-8 byte column.
    public var location: SourceLocation

    public init(name: String, content: String, location: SourceLocation) {
        self.name = name
        self.content = content
        self.location = location
    }
}
