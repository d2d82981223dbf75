/// One file of the site, produced without touching disk; a sink writes it.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case text(String)
        case bytes([UInt8])
        /// Copy an existing file (artifacts, images) by absolute path.
        case copy(String)
    }

    /// '/'-separated path relative to the site root.
    public var path: String
    public var content: Content

    public init(_ path: String, _ content: Content) {
        self.path = path
        self.content = content
    }
}
