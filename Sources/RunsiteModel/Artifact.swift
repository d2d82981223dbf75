import Foundation

/// A file a run saved. `path` is relative to the run's artifact root, '/'-separated.
public struct Artifact: Sendable, Hashable, Codable {
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
public struct RunImage: Sendable, Hashable, Codable {
    public enum Content: Sendable, Hashable, Codable {
        case file(String)
        case bytes([UInt8])

        private enum CodingKeys: String, CodingKey { case file, base64 }

        /// `{"file": path}` or `{"base64": …}`: embedded images stay compact in digests.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let path = try c.decodeIfPresent(String.self, forKey: .file) { self = .file(path); return }
            let text = try c.decode(String.self, forKey: .base64)
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: .base64, in: c, debugDescription: "invalid base64")
            }
            self = .bytes([UInt8](data))
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .file(let path): try c.encode(path, forKey: .file)
            case .bytes(let bytes): try c.encode(Data(bytes).base64EncodedString(), forKey: .base64)
            }
        }
    }
    /// Display name and relative path, '/'-separated (e.g. `samples/first_batch.png`).
    public var name: String
    public var step: Step?
    public var content: Content

    public init(name: String, step: Step? = nil, content: Content) {
        self.name = name
        self.step = step
        self.content = content
    }
}

/// A short text logged by a run (TensorBoard text summaries, Sacred stdout).
public struct RunText: Sendable, Hashable, Codable {
    public var name: String
    public var step: Step?
    public var text: String
    public init(name: String, step: Step? = nil, text: String) {
        self.name = name
        self.step = step
        self.text = text
    }
}
