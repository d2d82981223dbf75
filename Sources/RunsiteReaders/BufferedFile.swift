import Foundation

/// Sequential reading of a binary file through a window of at most a few MiB, for record-framed logs
/// (TFRecord, the W&B log) that can be larger than memory should hold. Reading by chunks rather than
/// memory-mapping also means a file truncated by its writer during the read cannot fault the process.
///
/// Written on `read(2)` into one reused buffer: `FileHandle` would make a `Data` per chunk and copy
/// it again into the window, a cost on large logdirs.
public final class BufferedFile {
    private let descriptor: Int32
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes of `storage` that hold file data.
    private var end = 0
    /// Index in `storage` of the current position.
    private var start = 0
    /// File offset of `storage[0]`.
    private var bufferOffset = 0
    private var atEOF = false
    private let chunkSize: Int
    /// Hashes the file for `manifest.json` as it is read, when a recorder is bound.
    private var tap: SourceHashes.Tap?

    public init?(url: URL, chunkSize: Int = 1 << 20) {
        guard let (fd, _) = FilePaths.openRegular(url) else { return nil }
        descriptor = fd
        self.chunkSize = chunkSize
        capacity = chunkSize
        storage = .allocate(capacity: capacity)
        tap = SourceHashes.Tap(url)
    }

    deinit {
        close(descriptor)
        storage.deallocate()
    }

    /// The file offset of the current position.
    public var offset: Int { bufferOffset + start }

    /// Bytes available from the current position without reading more.
    public var buffered: Int { end - start }

    /// Makes at least `count` bytes available from the current position; false when the file ends first
    /// (then `buffered` tells how many there are).
    public func ensure(_ count: Int) -> Bool {
        while end - start < count {
            if atEOF { return false }
            if start > 0 {
                memmove(storage, storage + start, end - start)
                end -= start
                bufferOffset += start
                start = 0
            }
            let want = max(chunkSize, count - end)
            if end + want > capacity { grow(to: end + want) }
            let got = read(descriptor, storage + end, want)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                if got == 0 { tap?.finish() }
                atEOF = true
                return false
            }
            tap?.add(UnsafeRawBufferPointer(start: storage + end, count: got))
            end += got
        }
        return true
    }

    private func grow(to size: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: storage, count: end)
        storage.deallocate()
        storage = bigger
        capacity = size
    }

    /// Calls `body` with the next `count` bytes (which `ensure(count)` must have made available)
    /// without moving the position.
    public func peek<R>(_ count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(end - start >= count)
        return try body(UnsafeBufferPointer(start: storage + start, count: count))
    }

    /// Moves the position forward by `count` bytes, reading through (but not keeping) what is not buffered.
    /// Returns false when the file ends first.
    public func skip(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            if end - start == 0 && !ensure(min(left, chunkSize)) && end - start == 0 { return false }
            let step = min(left, end - start)
            start += step
            left -= step
        }
        return true
    }

    /// Little-endian unsigned integer of `width` bytes at `index` of `bytes`.
    /// (One unaligned load for the 4- and 8-byte fields of every record, instead of a loop of shifts.)
    @inline(__always)
    public static func littleEndian(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> UInt64 {
        precondition(index >= 0 && index + width <= bytes.count)
        guard width > 0 else { return 0 }
        let raw = UnsafeRawPointer(bytes.baseAddress!) + index
        switch width {
        case 8: return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        case 4: return UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
        default:
            var value: UInt64 = 0
            for k in 0..<width { value |= UInt64(bytes[index + k]) << (8 * UInt64(k)) }
            return value
        }
    }
}
