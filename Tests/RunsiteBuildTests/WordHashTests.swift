import RunsiteCore
import Testing

/// The cache's column fingerprint changes with any single bit of the buffer, tail bytes included.
@Suite struct WordHashTests {
    @Test func everyBitChangesTheHash() {
        var state: UInt64 = 12345
        let bytes = (0..<37).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        let base = WordHash.hash(bytes)
        #expect(WordHash.hash(bytes) == base, "deterministic")
        var seen: Set<UInt64> = [base]
        for index in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[index] ^= 1 << bit
                let h = WordHash.hash(flipped)
                #expect(h != base, "byte \(index) bit \(bit)")
                // The change also reaches the low 32 bits (a shift-only mix would leave them alone).
                #expect(UInt32(truncatingIfNeeded: h) != UInt32(truncatingIfNeeded: base), "byte \(index) bit \(bit)")
                seen.insert(h)
            }
        }
        #expect(seen.count == 1 + bytes.count * 8)
        #expect(WordHash.hash(bytes + [0]) != base, "length counts")
        #expect(WordHash.hash(bytes, seed: 1) != base, "seed counts")
    }
}
