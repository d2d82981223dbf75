import RunsiteCore

/// A deterministic short id for SVG `id` attributes (clip paths), derived from the chart's content
/// with FNV-1a, so two different charts on one page do not share ids and rebuilds stay identical.
struct StableID {
    private var fnv = FNV1a()

    mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0xFF)
    }

    mutating func add(_ number: Double) {
        var bits = number.bitPattern
        for _ in 0..<8 { mix(UInt8(truncatingIfNeeded: bits)); bits >>= 8 }
    }

    private mutating func mix(_ byte: UInt8) { fnv.add(byte) }

    /// `prefix` followed by 12 hex digits.
    func id(prefix: String) -> String {
        let hex = String(fnv.value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return prefix + padded.prefix(12)
    }
}
