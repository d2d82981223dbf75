import Foundation
import Testing
@testable import RunsiteBuild

/// The cache's varint columns give back every word bit for bit and refuse bytes that do not fit.
@Suite struct DeltaColumnTests {
    static let steps: [Int64] = [0, 1, 2, 1_000, 999, -5, .max, .min, .max, 0, 42, 42]
    static let doubles: [Double] = [1.795e9, 1.795e9 + 0.001, .nan, -.infinity, .infinity, -0.0, 0,
                                    .leastNonzeroMagnitude, .greatestFiniteMagnitude, Double(bitPattern: 0x7FF8_0000_DEAD_BEEF)]

    func encoded(_ column: [Int64]) -> [UInt8] { var out: [UInt8] = []; DeltaColumn.append(column, to: &out); return out }

    @Test func everyWordComesBackAsItWas() throws {
        var reader = DigestColumns.Reader(bytes: encoded(Self.steps), at: 0)
        #expect(reader.deltaColumn(Self.steps.count, Int64.self) == Self.steps)
        var out: [UInt8] = []
        DeltaColumn.append(Self.doubles, to: &out)
        var doubles = DigestColumns.Reader(bytes: out, at: 0)
        let decoded = doubles.deltaColumn(Self.doubles.count, Double.self)
        let back = try #require(decoded)
        #expect(back.map(\.bitPattern) == Self.doubles.map(\.bitPattern))   // NaN payload and -0 included
        var empty = DigestColumns.Reader(bytes: encoded([]), at: 0)
        #expect(empty.deltaColumn(0, Int64.self) == [])
    }

    @Test func stepsThatGrowSlowlyTakeAByteEach() {
        let steps = (0..<1_000).map { Int64($0 * 10) }
        #expect(encoded(steps).count == 4 + 1_000)   // the length, then 0 and 999 differences of 10: a byte each
    }

    @Test func bytesThatDoNotFitAreRefused() {
        let bytes = encoded(Self.steps)
        var short = DigestColumns.Reader(bytes: bytes, at: 0)
        #expect(short.deltaColumn(Self.steps.count + 1, Int64.self) == nil, "fewer varints than points")
        var long = DigestColumns.Reader(bytes: bytes, at: 0)
        #expect(long.deltaColumn(Self.steps.count - 1, Int64.self) == nil, "more varints than points")
        for cut in 1..<bytes.count {
            var reader = DigestColumns.Reader(bytes: Array(bytes.prefix(cut)), at: 0)
            #expect(reader.deltaColumn(Self.steps.count, Int64.self) == nil, "cut at \(cut)")
        }
        // A varint that never ends (eleven continuation bytes).
        var endless = DigestColumns.Reader(bytes: [11, 0, 0, 0] + Array(repeating: 0xFF, count: 11), at: 0)
        #expect(endless.deltaColumn(1, Int64.self) == nil)
        var skipping = DigestColumns.Reader(bytes: bytes + [7], at: 0)
        #expect(skipping.skipDeltaColumn() && skipping.byte() == 7)
    }
}
