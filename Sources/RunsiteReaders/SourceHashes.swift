import Crypto
import Foundation
import Synchronization

/// SHA-256 of the files a reader read from start to end, taken from the bytes as they were read.
///
/// `manifest.json` lists every source file with its SHA-256. So that no file is read a second time
/// to hash it, the read functions (`ByteReading`, `BufferedFile`) feed each block they read into a
/// hasher when a recorder is bound for the current read, and record the hash when they reach the
/// end of the file. A file read only in part, or not by these functions, gets no
/// hash here and is hashed on its own by the caller.
///
///     let hashes = SourceHashes()
///     SourceHashes.$current.withValue(hashes) { _ = ByteReading.contents(of: url) }
///     hashes.sha256(ofPath: url.path)   // the same hex as ArtifactScanner.sha256(of: url)
public final class SourceHashes: Sendable {
    /// The recorder of the read in progress on this thread (or task), if any.
    @TaskLocal public static var current: SourceHashes?

    private let hashes = Mutex<[String: String]>([:])

    public init() {}

    /// The hex SHA-256 of a file read whole while this recorder was bound, by its `URL.path`.
    public func sha256(ofPath path: String) -> String? {
        hashes.withLock { $0[path] }
    }

    func record(_ path: String, _ digest: SHA256.Digest) {
        let hex = SourceHashes.hex(digest)
        hashes.withLock { $0[path] = hex }
    }

    /// Lower-case hex of a digest, by table (`String(format:)` per byte is slow on thousands of files).
    public static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A hasher for one file being read from its start, when a recorder is bound.
    struct Tap {
        let recorder: SourceHashes
        let path: String
        var hasher = SHA256()

        init?(_ url: URL) {
            guard let recorder = SourceHashes.current else { return nil }
            self.recorder = recorder
            path = url.path
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

        /// The file ended: record its hash.
        func finish() { recorder.record(path, hasher.finalize()) }
    }
}
