import Crypto
import Foundation
import RunsiteCore
import RunsiteReaders

/// A zip archive written by hand, byte for byte the same for the same entries: entries in the order
/// given, one fixed time, no extra fields or file attributes, and entries stored rather than
/// deflated. Stored, because the site's bulk is already-compressed images and small text, and
/// Foundation on Linux gives no zlib; every unzip reads stored entries. ZIP64 records are added only
/// when a size, an offset or the entry count needs them. ZIPFoundation would bring the format, but
/// it converts times through the local calendar and writes the host's file attributes, which
/// would make the bytes depend on the machine.
struct ZipWriter {
    private let handle: FileHandle
    private var offset: UInt64 = 0
    private var central = Data()
    private var count: UInt64 = 0
    private let time: UInt16
    private let date: UInt16
    private var hash = SHA256()

    /// Writes to `handle` from its current position, every entry with the MS-DOS time of `epoch`
    /// (Unix seconds, UTC), within the years DOS time can hold (1980–2107).
    init(handle: FileHandle, epoch: Double) {
        self.handle = handle
        (time, date) = Self.dosTime(epoch)
    }

    struct NameTooLong: Error, CustomStringConvertible {
        var name: String
        var description: String { "the path '\(name)…' is too long for a zip entry" }
    }

    static func dosTime(_ epoch: Double) -> (time: UInt16, date: UInt16) {
        let low = 315_532_800.0, high = 4_354_819_198.0   // 1980-01-01 00:00:00, 2107-12-31 23:59:58 UTC
        let t = UTCTime(seconds: min(max(epoch.isFinite ? epoch : low, low), high))
        let time = UInt16(t.hour << 11 | t.minute << 5 | t.second / 2)
        let date = UInt16((t.year - 1980) << 9 | t.month << 5 | t.day)
        return (time, date)
    }

    /// Appends one stored entry.
    mutating func add(_ name: String, _ data: Data) throws {
        let nameBytes = Data(name.utf8)
        // A zip name's length is 16 bits; no site file has a longer path, but a longer one is an error, not a trap.
        guard nameBytes.count <= 0xFFFF else { throw NameTooLong(name: String(name.prefix(80))) }
        let crc = data.withUnsafeBytes { CRC32.ieee.checksum($0.bindMemory(to: UInt8.self)) }
        let size = UInt64(data.count)
        let big = size >= 0xFFFF_FFFF
        let farOffset = offset >= 0xFFFF_FFFF
        var local = Data()
        local.le32(0x0403_4B50)
        local.le16(big ? 45 : 20)                 // version needed: 4.5 for ZIP64, else 2.0
        local.le16(0x0800)                        // names are UTF-8
        local.le16(0)                             // stored
        local.le16(time)
        local.le16(date)
        local.le32(crc)
        local.le32(big ? 0xFFFF_FFFF : UInt32(size))
        local.le32(big ? 0xFFFF_FFFF : UInt32(size))
        local.le16(UInt16(nameBytes.count))
        local.le16(big ? 20 : 0)
        local.append(nameBytes)
        if big { local.le16(1); local.le16(16); local.le64(size); local.le64(size) }

        var extra = Data()
        if big { extra.le64(size); extra.le64(size) }
        if farOffset { extra.le64(offset) }
        var entry = Data()
        entry.le32(0x0201_4B50)
        entry.le16(big || farOffset ? 45 : 20)    // made by: MS-DOS (no host attributes)
        entry.le16(big || farOffset ? 45 : 20)
        entry.le16(0x0800)
        entry.le16(0)
        entry.le16(time)
        entry.le16(date)
        entry.le32(crc)
        entry.le32(big ? 0xFFFF_FFFF : UInt32(size))
        entry.le32(big ? 0xFFFF_FFFF : UInt32(size))
        entry.le16(UInt16(nameBytes.count))
        entry.le16(extra.isEmpty ? 0 : UInt16(4 + extra.count))
        entry.le16(0)                             // comment
        entry.le16(0)                             // disk
        entry.le16(0)                             // internal attributes
        entry.le32(0)                             // external attributes
        entry.le32(farOffset ? 0xFFFF_FFFF : UInt32(offset))
        entry.append(nameBytes)
        if !extra.isEmpty { entry.le16(1); entry.le16(UInt16(extra.count)); entry.append(extra) }
        central.append(entry)

        try write(local)
        try write(data)
        count += 1
    }

    /// Writes the central directory and its end records; returns the archive's SHA-256.
    mutating func finish() throws -> SHA256.Digest {
        let start = offset, size = UInt64(central.count)
        try write(central)
        var end = Data()
        if count >= 0xFFFF || start >= 0xFFFF_FFFF || size >= 0xFFFF_FFFF {
            let record = offset
            end.le32(0x0606_4B50)
            end.le64(44)
            end.le16(45); end.le16(45)
            end.le32(0); end.le32(0)
            end.le64(count); end.le64(count)
            end.le64(size); end.le64(start)
            end.le32(0x0706_4B50)
            end.le32(0); end.le64(record); end.le32(1)
        }
        end.le32(0x0605_4B50)
        end.le16(0); end.le16(0)
        end.le16(UInt16(min(count, 0xFFFF))); end.le16(UInt16(min(count, 0xFFFF)))
        end.le32(UInt32(min(size, 0xFFFF_FFFF)))
        end.le32(UInt32(min(start, 0xFFFF_FFFF)))
        end.le16(0)
        try write(end)
        return hash.finalize()
    }

    private mutating func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
        hash.update(data: data)
        offset += UInt64(data.count)
    }
}

extension Data {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    mutating func le64(_ v: UInt64) { for i in 0..<8 { append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) } }
}
