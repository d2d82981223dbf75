import RunsiteCore

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fixed generator, so that every bootstrap
/// draws the same resamples on every machine and builds stay byte-identical. Seeded from the
/// group's run ids (`seed(from:)`), never from the clock.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A seed from run ids: FNV-1a (64 bits) over the sorted ids, each followed by a NUL.
    static func seed(from ids: [String]) -> UInt64 {
        FNV1a.hash(Array(ids.sorted().joined(separator: "\u{0}").utf8))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform index in 0..<n, by Lemire's multiply-shift with rejection (no modulo bias).
    mutating func index(below n: Int) -> Int {
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }
}
