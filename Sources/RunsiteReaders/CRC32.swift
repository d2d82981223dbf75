/// Table-driven reflected CRC-32 for the two variants runsite's binary readers check:
/// Castagnoli (CRC32C, TensorBoard's TFRecord framing) and IEEE (zlib's `crc32`, W&B's `.wandb` log).
///
/// Written here because neither Foundation on Linux nor runsite's package dependencies (Yams,
/// swift-crypto, swift-argument-parser, swift-mustache) offer these checksums. CRC-32C uses the
/// CPU's instruction through the C target `CRunsiteCRC` when the CPU has it; otherwise, and for
/// IEEE, slicing-by-8 (eight 256-entry tables, eight input bytes per step) is fast enough that
/// checking every record costs little next to reading it.
import CRunsiteCRC

public struct CRC32: Sendable {
    /// 8 × 256 entries: table k maps a byte to its CRC contribution k bytes further on.
    private let tables: [UInt32]

    /// CRC-32C, reflected polynomial 0x82F63B78. `crc32c("123456789") == 0xE3069283`.
    public static let castagnoli = CRC32(reflectedPolynomial: 0x82F6_3B78, hardware: runsite_crc32c_hardware_available() == 1)
    /// CRC-32 (IEEE 802.3, zlib), reflected polynomial 0xEDB88320. `crc32("123456789") == 0xCBF43926`.
    public static let ieee = CRC32(reflectedPolynomial: 0xEDB8_8320)

    /// Whether checksums use the CPU's CRC-32C instruction (Castagnoli only, when the CPU has it).
    private let hardware: Bool

    public init(reflectedPolynomial poly: UInt32, hardware: Bool = false) {
        self.hardware = hardware
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ poly : c >> 1 }
            t[i] = c
        }
        for k in 1..<8 {
            for i in 0..<256 {
                let prev = t[(k - 1) * 256 + i]
                t[k * 256 + i] = (prev >> 8) ^ t[Int(prev & 0xFF)]
            }
        }
        tables = t
    }

    /// The checksum of `bytes`, continuing from `crc` (the checksum of the preceding bytes; 0 to start).
    public func checksum(_ bytes: UnsafeBufferPointer<UInt8>, continuing crc: UInt32 = 0) -> UInt32 {
        if hardware, let base = bytes.baseAddress { return runsite_crc32c_hardware(crc, base, bytes.count) }
        var c = ~crc
        var i = 0
        let n = bytes.count
        tables.withUnsafeBufferPointer { t in
            while n - i >= 8 {
                let lo = c ^ (UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
                let hi = UInt32(bytes[i + 4]) | UInt32(bytes[i + 5]) << 8 | UInt32(bytes[i + 6]) << 16 | UInt32(bytes[i + 7]) << 24
                c = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
                    ^ t[3 * 256 + Int(hi & 0xFF)] ^ t[2 * 256 + Int((hi >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                i += 8
            }
            while i < n {
                c = (c >> 8) ^ t[Int((c ^ UInt32(bytes[i])) & 0xFF)]
                i += 1
            }
        }
        return ~c
    }

    public func checksum(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { checksum($0, continuing: crc) }
    }

    /// TFRecord's masking of a CRC32C (so that CRCs of data holding CRCs stay well distributed):
    /// rotate right by 15 and add 0xA282EAD8, in wrapping uint32 arithmetic.
    public static func mask(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }
}
