import Foundation
import RunsiteCore
import Testing

/// `ByteText` writes numbers by hand for speed; its text must be `NumberText`'s, byte for byte.
@Suite struct ByteTextTests {
    static func samples() -> [Double] {
        var rng = SeededGenerator(seed: 7)
        var values: [Double] = [0, -0.0, 0.05, -0.05, 0.15, 0.25, 0.35, 1.45, -1.45, 2.5, -2.5, 0.949999, 0.95,
                                1e6, -1e6, 123456.789, 1e15, 1e16, -1e16, 8.9e17, 9.1e17, 1e300, -1e300, .leastNonzeroMagnitude,
                                .greatestFiniteMagnitude, .nan, .infinity, -.infinity, 1e-7, 0.1, 1.0 / 3, Double(Float(0.1))]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -8...8, using: &rng)
            values.append(Double.random(in: -1...1, using: &rng) * pow(10, magnitude))
            values.append((Double.random(in: -1e4...1e4, using: &rng) * 10).rounded() / 10 + 0.05)
            values.append(Double(Int.random(in: -1_000_000...1_000_000, using: &rng)))
        }
        return values
    }

    @Test func fixedAndExactMatchNumberText() {
        for value in Self.samples() {
            for digits in [0, 1, 2, 3, 9] {
                var text = ByteText()
                text.appendFixed(value, digits: digits)
                #expect(text.string == NumberText.fixed(value, digits: digits), "fixed(\(value), \(digits))")
            }
            var exact = ByteText()
            exact.appendExact(value)
            #expect(exact.string == NumberText.exact(value), "exact(\(value))")
        }
    }

    @Test func integers() {
        for value in [0, 7, -7, 10, 1_000_000, Int.max, Int.min + 1] {
            var text = ByteText()
            text.append(value)
            #expect(text.string == String(value))
        }
        var text = ByteText()
        text.append(Int64.min)
        #expect(text.string == String(Int64.min))
    }
}
