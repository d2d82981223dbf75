import RunsiteCore

/// The bootstrap's generator is seeded from the group's run ids (`seed(from:)`), never from the
/// clock, so that every build draws the same resamples and stays byte-identical.
extension SeededGenerator {
    /// A seed from run ids: FNV-1a (64 bits) over the sorted ids, each followed by a NUL.
    static func seed(from ids: [String]) -> UInt64 {
        FNV1a.hash(Array(ids.sorted().joined(separator: "\u{0}").utf8))
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
