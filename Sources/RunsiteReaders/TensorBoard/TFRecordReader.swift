import Foundation

/// Reads the TFRecord framing of TensorBoard event files (as TensorBoard's
/// `tensorboard/summary/writer/record_writer.py` writes it): records one after another,
/// no file header, each
///
///     uint64 length (LE) | uint32 masked CRC32C of the 8 length bytes | data[length] | uint32 masked CRC32C of data
///
/// Both checksums are checked. On a problem reading stops, as TensorBoard's loaders do: its Python
/// reader raises a data-loss error on a short read or on either CRC mismatch and stops at that record,
/// and its Rust data server marks the file dead on a bad checksum. Everything before the bad record is kept.
public struct TFRecordReader {
    /// Why reading ended.
    public enum End: Equatable {
        /// Clean end of file after the last complete record.
        case complete
        /// The file ends inside the record starting at `offset` (a writer still writing, or a cut copy).
        case truncated(offset: Int)
        /// The length checksum of the record at `offset` does not match.
        case badLengthChecksum(offset: Int)
        /// The data checksum of the record at `offset` does not match.
        case badDataChecksum(offset: Int)
        /// The file cannot be opened.
        case unreadable
    }

    public let url: URL

    public init(url: URL) { self.url = url }

    /// Calls `body` with each record's data and the byte offset where the record starts.
    /// The data buffer is only valid during the call.
    public func forEachRecord(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> End {
        guard let file = BufferedFile(url: url) else { return .unreadable }
        let fileSize = Int(FilePaths.size(url))
        let crc = CRC32.castagnoli
        while true {
            let recordOffset = file.offset
            guard file.ensure(12) else { return file.buffered == 0 ? .complete : .truncated(offset: recordOffset) }
            let (length, lengthOK) = file.peek(12) { header -> (UInt64, Bool) in
                let length = BufferedFile.littleEndian(header, at: 0, width: 8)
                let stored = UInt32(BufferedFile.littleEndian(header, at: 8, width: 4))
                let actual = CRC32.mask(crc.checksum(UnsafeBufferPointer(rebasing: header[0..<8])))
                return (length, stored == actual)
            }
            guard lengthOK else { return .badLengthChecksum(offset: recordOffset) }
            // A length beyond the end of the file means the record is not all written yet; checking the
            // size first also avoids buffering a huge bogus length.
            guard length <= UInt64(max(0, fileSize - recordOffset - 16)) else { return .truncated(offset: recordOffset) }
            let n = Int(length)
            guard file.ensure(12 + n + 4) else { return .truncated(offset: recordOffset) }
            let dataOK = file.peek(12 + n + 4) { bytes -> Bool in
                let data = UnsafeBufferPointer(rebasing: bytes[12..<12 + n])
                let stored = UInt32(BufferedFile.littleEndian(bytes, at: 12 + n, width: 4))
                guard stored == CRC32.mask(crc.checksum(data)) else { return false }
                body(data, recordOffset)
                return true
            }
            guard dataOK else { return .badDataChecksum(offset: recordOffset) }
            _ = file.skip(12 + n + 4)
        }
    }
}
