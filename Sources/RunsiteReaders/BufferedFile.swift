import Foundation

/// Sequential reading of a binary file through a window of at most a few MiB, for record-framed logs
/// (TFRecord, the W&B log) that can be larger than memory should hold. Reading by chunks rather than
/// memory-mapping also means a file truncated by its writer while we read cannot fault the process.
public final class BufferedFile {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Index in `buffer` of the current position.
    private var start = 0
    /// File offset of `buffer[0]`.
    private var bufferOffset = 0
    private var atEOF = false
    private let chunkSize: Int

    public init?(url: URL, chunkSize: Int = 1 << 20) {
        guard let handle = FilePaths.readHandle(url) else { return nil }
        self.handle = handle
        self.chunkSize = chunkSize
    }

    deinit { try? handle.close() }

    /// The file offset of the current position.
    public var offset: Int { bufferOffset + start }

    /// Bytes available from the current position without reading more.
    public var buffered: Int { buffer.count - start }

    /// Makes at least `count` bytes available from the current position; false when the file ends first
    /// (then `buffered` tells how many there are).
    public func ensure(_ count: Int) -> Bool {
        while buffer.count - start < count {
            if atEOF { return false }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                bufferOffset += start
                start = 0
            }
            let want = max(chunkSize, count - buffer.count)
            guard let data = try? handle.read(upToCount: want), !data.isEmpty else { atEOF = true; return false }
            buffer.append(contentsOf: data)
        }
        return true
    }

    /// Calls `body` with the next `count` bytes (which `ensure(count)` must have made available)
    /// without moving the position.
    public func peek<R>(_ count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(buffer.count - start >= count)
        return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<start + count])) }
    }

    /// Moves the position forward by `count` bytes, reading through (but not keeping) what is not buffered.
    /// Returns false when the file ends first.
    public func skip(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            if buffer.count - start == 0 && !ensure(min(left, chunkSize)) && buffer.count - start == 0 { return false }
            let step = min(left, buffer.count - start)
            start += step
            left -= step
        }
        return true
    }

    /// Little-endian unsigned integer of `width` bytes at `index` of `bytes`.
    public static func littleEndian(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<width { value |= UInt64(bytes[index + k]) << (8 * UInt64(k)) }
        return value
    }
}
