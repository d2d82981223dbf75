import Foundation

/// Reads the framing of a W&B `.wandb` transaction log (wandb's `sdk/internal/datastore.py`), which follows LevelDB's log
/// format with two differences: a 7-byte file header (`:W&B`, magic 0xBEE1 LE, version 0) and a plain,
/// unmasked CRC-32 (IEEE, zlib's `crc32`) instead of LevelDB's masked CRC32C — wandb's own
/// `datastore.py` computes `zlib.crc32(data, crc32(type byte))`, i.e. the CRC of the type byte followed
/// by the payload.
///
/// The file is a sequence of 32 KiB blocks counted from offset 0. Each chunk has a 7-byte header
/// (uint32 checksum, uint16 length, uint8 type: 1 FULL, 2 FIRST, 3 MIDDLE, 4 LAST); a block tail shorter
/// than a header is zero padding. A logical record is a FULL chunk or FIRST, MIDDLE…, LAST joined.
///
/// Damage handling (wandb's Python reader just stops on the first bad chunk): like LevelDB's reader,
/// a chunk with a bad checksum or an impossible length drops the rest of its block and any partial
/// logical record, and reading resumes at the next block, so one corrupt block costs only its records.
/// A file that ends inside a record (a run still writing, or killed) keeps everything before it.
public struct WandBLogReader {
    public static let blockSize = 32768
    static let headerSize = 7

    /// A problem met while reading; reading goes on after it unless `fatal`.
    public struct Problem: Equatable {
        public enum Kind: Equatable { case badHeader, badChecksum, badLength, badChunkOrder, truncated, unreadable }
        public var kind: Kind
        public var offset: Int
    }

    public let url: URL
    public init(url: URL) { self.url = url }

    /// Calls `record` with each logical record (valid only during the call) and the offset of its first
    /// chunk, and `problem` for each problem. Blocks are read one at a time.
    public func forEachRecord(_ record: (UnsafeBufferPointer<UInt8>, Int) -> Void, problem: (Problem) -> Void) {
        guard let file = BufferedFile(url: url, chunkSize: 4 * Self.blockSize) else {
            return problem(Problem(kind: .unreadable, offset: 0))
        }
        guard file.ensure(Self.headerSize), file.peek(Self.headerSize, { h in
            h[0] == 0x3A && h[1] == 0x57 && h[2] == 0x26 && h[3] == 0x42 && h[4] == 0xE1 && h[5] == 0xBE && h[6] == 0
        }) else {
            return problem(Problem(kind: .badHeader, offset: 0))
        }
        _ = file.skip(Self.headerSize)
        let crc = CRC32.ieee
        var pending: [UInt8] = []
        var pendingOffset: Int?
        // After dropping damaged data, continuation chunks of the lost record are skipped without a
        // second report until the next FULL or FIRST chunk.
        var resyncing = false
        while true {
            let offset = file.offset
            let left = Self.blockSize - offset % Self.blockSize
            if left < Self.headerSize {
                if !file.skip(left) {
                    if let start = pendingOffset { problem(Problem(kind: .truncated, offset: start)) }
                    break
                }
                continue
            }
            guard file.ensure(Self.headerSize) else {
                if file.buffered > 0 || pendingOffset != nil {
                    problem(Problem(kind: .truncated, offset: pendingOffset ?? offset))
                }
                break
            }
            let (checksum, length, type) = file.peek(Self.headerSize) { h in
                (UInt32(BufferedFile.littleEndian(h, at: 0, width: 4)), Int(BufferedFile.littleEndian(h, at: 4, width: 2)), h[6])
            }
            // An all-zero header is padding left by a writer that stopped mid-block: go to the next block.
            if checksum == 0 && length == 0 && type == 0 {
                if !file.skip(left) {
                    if let start = pendingOffset { problem(Problem(kind: .truncated, offset: start)) }
                    break
                }
                continue
            }
            guard Self.headerSize + length <= left else {
                problem(Problem(kind: .badLength, offset: offset))
                pending.removeAll(); pendingOffset = nil; resyncing = true
                if !file.skip(left) { break }
                continue
            }
            guard file.ensure(Self.headerSize + length) else {
                problem(Problem(kind: .truncated, offset: pendingOffset ?? offset))
                break
            }
            let valid = file.peek(Self.headerSize + length) { bytes -> Bool in
                let typeAndData = UnsafeBufferPointer(rebasing: bytes[6..<Self.headerSize + length])
                guard crc.checksum(typeAndData) == checksum else { return false }
                let data = UnsafeBufferPointer(rebasing: bytes[Self.headerSize...])
                if type == 1 || type == 2 { resyncing = false }
                switch type {
                case 1:
                    if let start = pendingOffset { problem(Problem(kind: .badChunkOrder, offset: start)) }
                    pending.removeAll(); pendingOffset = nil
                    record(data, offset)
                case 2:
                    if let start = pendingOffset { problem(Problem(kind: .badChunkOrder, offset: start)) }
                    pending = Array(data); pendingOffset = offset
                case 3, 4:
                    guard let start = pendingOffset else {
                        if !resyncing { problem(Problem(kind: .badChunkOrder, offset: offset)) }
                        return true
                    }
                    pending.append(contentsOf: data)
                    if type == 4 {
                        pending.withUnsafeBufferPointer { record($0, start) }
                        pending.removeAll(); pendingOffset = nil
                    }
                default:
                    problem(Problem(kind: .badChunkOrder, offset: offset))
                }
                return true
            }
            if !valid {
                problem(Problem(kind: .badChecksum, offset: offset))
                pending.removeAll(); pendingOffset = nil; resyncing = true
                if !file.skip(left) { break }
                continue
            }
            _ = file.skip(Self.headerSize + length)
        }
    }
}
