/// Writes TFRecord framing around event bytes, for `ReaderEntryPoints` and tests.
public enum TFRecordFraming {
    /// `data` as one record: length, masked CRC-32C of the length, data, masked CRC-32C of the data.
    public static func record(_ data: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        for shift in stride(from: 0, to: 64, by: 8) { length.append(UInt8(truncatingIfNeeded: UInt64(data.count) >> UInt64(shift))) }
        return length + littleEndian(CRC32.mask(CRC32.castagnoli.checksum(length)))
            + data + littleEndian(CRC32.mask(CRC32.castagnoli.checksum(data)))
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(8 * $0)) }
    }
}

/// Writes the LevelDB-style framing of a W&B `.wandb` log around record bytes (see `WandBLogReader`).
public enum WandBFraming {
    /// A log holding `records`, each split into FULL or FIRST/MIDDLE/LAST chunks across 32 KiB blocks.
    public static func log(_ records: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = [0x3A, 0x57, 0x26, 0x42, 0xE1, 0xBE, 0x00]
        let block = WandBLogReader.blockSize, header = WandBLogReader.headerSize
        for record in records {
            var start = 0
            repeat {
                let room = block - out.count % block
                if room < header {
                    out += [UInt8](repeating: 0, count: room)
                    continue
                }
                let end = min(record.count, start + room - header)
                let type: UInt8 = start == 0 ? (end == record.count ? 1 : 2) : (end == record.count ? 4 : 3)
                let payload = Array(record[start..<end])
                let crc = CRC32.ieee.checksum(payload, continuing: CRC32.ieee.checksum([type]))
                out += TFRecordFraming.littleEndian(crc)
                out += [UInt8(truncatingIfNeeded: payload.count), UInt8(truncatingIfNeeded: payload.count >> 8), type]
                out += payload
                start = end
            } while start < record.count
        }
        return out
    }
}
