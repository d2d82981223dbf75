/// One file of the site, produced without touching disk; a sink writes it.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case text(String)
        case bytes([UInt8])
        /// Copy an existing file (artifacts, images) by absolute path: the writer opens it once,
        /// copies it as a regular file only from inside the inputs, and skips it with a warning otherwise.
        case copy(String)
    }

    /// '/'-separated path relative to the site root.
    public var path: String
    public var content: Content
    /// For a copy: the SHA-256 (lower-case hex) the page shows; copied bytes that hash otherwise are dropped.
    public var sha256: String?
    /// For a copy: the largest size copied (`--max-artifact-size`); a larger file is dropped.
    public var maxBytes: Int64?

    public init(_ path: String, _ content: Content) {
        self.path = path
        self.content = content
    }
}
