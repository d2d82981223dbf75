/// FNV-1a, the one non-cryptographic hash of the project: stable across platforms and runs (Swift's
/// `Hasher` is seeded per process), so it can name files, ids and cache keys that must not change
/// between builds. Used for slugs, digest file names, SVG ids, page fingerprints and unit signatures.
public struct FNV1a: Sendable {
    public static let offset64: UInt64 = 0xcbf2_9ce4_8422_2325
    public private(set) var value: UInt64

    public init(seed: UInt64 = FNV1a.offset64) { value = seed }

    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        // Contiguous bytes (arrays, `Data`, UTF-8 views) are hashed from a pointer: going through
        // `Data`'s generic iterator byte by byte is many times slower.
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var v = value
            for byte in buffer { v = (v ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            value = v
        }
        if done == nil { for byte in bytes { add(byte) } }
    }

    public mutating func add(_ text: String) { add(text.utf8) }

    /// The 64-bit hash of `bytes`, continuing from `seed`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes, seed: UInt64 = offset64) -> UInt64 where Bytes.Element == UInt8 {
        var h = FNV1a(seed: seed)
        h.add(bytes)
        return h.value
    }

    /// The 32-bit variant, as 8 hex digits (short suffixes of slugs).
    public static func hex32(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for byte in text.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// A fast 64-bit fingerprint of large byte buffers (a run's digest columns, megabytes per run):
/// FNV-1a's multiply taken over 8-byte words, with a shift-xor after each so that the high bits of
/// a word reach the low bits of the result: eight times fewer dependent multiplies than byte-wise
/// FNV-1a. For change detection only (not for names that must stay the same across versions: use
/// `FNV1a` for those).
public enum WordHash {
    public static func hash(_ bytes: [UInt8], seed: UInt64 = FNV1a.offset64) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    public static func hash(_ raw: UnsafeRawBufferPointer, seed: UInt64 = FNV1a.offset64) -> UInt64 {
        var v = seed ^ UInt64(raw.count)
        let words = raw.count / 8
        for i in 0..<words {
            v = (v ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x0000_0100_0000_01B3
            v ^= v >> 29
        }
        for i in (words * 8)..<raw.count { v = (v ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3 }
        v ^= v >> 32
        return v
    }
}

