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
        // Contiguous bytes (arrays, `Data`, UTF-8 views) are hashed from a pointer: `Data`'s iterator
        // made hashing a run's digest a tenth of a large build's CPU.
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
