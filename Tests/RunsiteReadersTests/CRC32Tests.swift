import RunsiteReaders
import Testing

@Suite struct CRC32Tests {
    @Test func castagnoliMatchesTheCheckValueAndTheTable() {
        #expect(CRC32.castagnoli.checksum(Array("123456789".utf8)) == 0xE306_9283)
        let table = CRC32(reflectedPolynomial: 0x82F6_3B78, hardware: false)
        var state: UInt64 = 42
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000, 4099] {
            let bytes = (0..<length).map { _ -> UInt8 in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return UInt8(truncatingIfNeeded: state >> 33)
            }
            #expect(CRC32.castagnoli.checksum(bytes) == table.checksum(bytes), "length \(length)")
            #expect(CRC32.castagnoli.checksum(bytes, continuing: 0x1234) == table.checksum(bytes, continuing: 0x1234))
        }
    }

    @Test func ieeeMatchesTheCheckValue() {
        #expect(CRC32.ieee.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
