/// A file a run saved. `path` is relative to the run's artifact root, '/'-separated.
public struct Artifact: Sendable, Hashable {
    public var path: String
    public var size: Int64
    /// Lower-case hex SHA-256 of the file's bytes; nil when the file could not be read.
    public var sha256: String?
    /// The absolute path of the file on disk, used to copy it into the site.
    public var sourceFile: String
    /// The start of a small text file (JSON, CSV, logs), for an inline preview; nil otherwise.
    public var preview: String?

    public init(path: String, size: Int64, sha256: String?, sourceFile: String, preview: String? = nil) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.sourceFile = sourceFile
        self.preview = preview
    }
}

/// An image logged by a run, either a file on disk or bytes embedded in a log (TensorBoard, W&B).
public struct RunImage: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case file(String)
        case bytes([UInt8])
    }
    /// Display name and relative path, '/'-separated (e.g. `samples/first_batch.png`).
    public var name: String
    public var step: Int64?
    public var content: Content

    public init(name: String, step: Int64? = nil, content: Content) {
        self.name = name
        self.step = step
        self.content = content
    }
}

/// A short text logged by a run (TensorBoard text summaries, Sacred stdout).
public struct RunText: Sendable, Hashable {
    public var name: String
    public var step: Int64?
    public var text: String
    public init(name: String, step: Int64? = nil, text: String) {
        self.name = name
        self.step = step
        self.text = text
    }
}
