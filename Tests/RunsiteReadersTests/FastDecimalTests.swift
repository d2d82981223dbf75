import Foundation
import Testing
@testable import RunsiteReaders

/// `FastDecimal` must give bit-for-bit the double that `strtod` (and Python's `float()`) gives, or nil.
@Suite struct FastDecimalTests {
    func fast(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { FastDecimal.parse($0) }
    }

    /// C's `strtod` itself (not `ByteNumber.parseDouble`, which takes the fast path first).
    func strtodValue(_ text: String) -> Double? {
        text.withCString { start -> Double? in
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &end)
            return end.map { $0 - UnsafeMutablePointer(mutating: start) } == text.utf8.count ? value : nil
        }
    }

    @Test func agreesWithStrtodOnRandomValues() {
        var generator = SystemRandomNumberGenerator()
        var fastHits = 0, checked = 0
        for _ in 0..<100_000 {
            let bits = UInt64.random(in: 0...UInt64.max, using: &generator)
            var value = Double(bitPattern: bits)
            if !value.isFinite { continue }
            // Bring most values into the ranges logged metrics live in.
            if Bool.random(using: &generator) { value = Double.random(in: -1000...1000, using: &generator) }
            let texts = ["\(value)", String(format: "%.17g", value), String(format: "%.6f", value),
                         String(format: "%.3e", value), String(format: "%.15g", Float(value))]
            for text in texts {
                checked += 1
                guard let f = fast(text) else { continue }
                fastHits += 1
                let s = strtodValue(text)
                #expect(s?.bitPattern == f.bitPattern, "\(text): fast \(f), strtod \(String(describing: s))")
                if s?.bitPattern != f.bitPattern { return }
            }
        }
        #expect(fastHits > checked / 3)   // the fast path must actually be taken
    }

    /// 17–19 significant digits (Python's shortest round trip of any double has up to 17) with every
    /// exponent the exact path takes, including halfway cases, against strtod.
    @Test func exactPathAgreesWithStrtod() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<200_000 {
            let digits = Int.random(in: 16...19, using: &generator)
            var mantissa = UInt64.random(in: 1...9, using: &generator)
            for _ in 1..<digits { mantissa = mantissa &* 10 &+ UInt64.random(in: 0...9, using: &generator) }
            if digits == 19 { mantissa = min(mantissa, 9_999_999_999_999_999_999) }
            let exponent = Int.random(in: -27...27, using: &generator) - (digits - 1)
            let text = "\(mantissa)e\(exponent)"
            guard let f = fast(text) else { continue }
            checked += 1
            let s = strtodValue(text)
            #expect(s?.bitPattern == f.bitPattern, "\(text): fast \(f), strtod \(String(describing: s))")
            if s?.bitPattern != f.bitPattern { return }
        }
        #expect(checked > 100_000)
        // Halfway between two doubles: 2^53 + 1 and 2^54 + 2 (ties to even), and just above them.
        for text in ["9007199254740993", "9007199254740995", "18014398509481986", "9007199254740993000e-3",
                     "9007199254740993001e-3", "9007199254740993e-27", "9007199254740993e27", "4.9406564584124654e-10",
                     "2.4637734749413047", "9.999993831498518e-05", "0.0009999993831498518"] {
            #expect(fast(text)?.bitPattern == strtodValue(text)?.bitPattern, "\(text)")
        }
    }

    /// The eight-digit step reads exactly the digits, and declines any other byte in any position.
    @Test func eightDigitsAtOnce() {
        func eight(_ text: String) -> UInt64? {
            Array(text.utf8).withUnsafeBufferPointer { FastDecimal.eightDigits($0, at: 0) }
        }
        for text in ["00000000", "99999999", "12345678", "90000001", "00000009", "31415926"] {
            #expect(eight(text) == UInt64(text), "\(text)")
        }
        for position in 0..<8 {
            for byte: UInt8 in [0x2F, 0x3A, 0x3F, 0x20, 0x2E, 0x65, 0xB0, 0x00] {
                var bytes = Array("12345678".utf8)
                bytes[position] = byte
                #expect(bytes.withUnsafeBufferPointer { FastDecimal.eightDigits($0, at: 0) } == nil, "byte \(byte) at \(position)")
            }
        }
    }

    @Test func edgeCases() {
        for text in ["0", "-0", "0.0", "-0.0", "1", "1.", ".5", "-.5", "+1.5", "1e5", "1E-5", "1e+05", "1e-07", "1e22", "1e-22",
                     "9007199254740992", "9007199254740993", "0.6931471805599453", "123456789012345678", "0.000001",
                     "1e23", "1e-23", "0e999999", "5e-324", "1.7976931348623157e308", "0.1", "0.30000000000000004"] {
            if let f = fast(text) {
                #expect(f.bitPattern == strtodValue(text)?.bitPattern, "\(text)")
            }
        }
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "nan", "inf", "-inf", "NaN", "0x10", "1,5", "1.5.2", "1 ", " 1", "--1", "1e5x"] {
            #expect(fast(text) == nil, "\(text)")
        }
        #expect(fast("-0")?.sign == .minus)
        #expect(fast("9007199254740993") == 9007199254740992)   // 2^53 + 1 rounds to even
        #expect(fast("1e28") == nil && fast("1.5e-28") == nil)   // outside ±27: strtod
        #expect(fast("0.6931471805599453") == 0.6931471805599453)
    }

    /// Integers of every length up to 19 digits, signs, overflow, and integral decimals agree with
    /// Swift's own parser (or, for `10.0` and `1e3`, with the integral value).
    @Test func integersAgreeWithSwiftsParser() {
        func parsed(_ text: String) -> Int64? { Array(text.utf8).withUnsafeBufferPointer { ByteNumber.parseInt($0) } }
        var texts = ["0", "-0", "+7", "-", "+", "", "12a", "1 2", "9223372036854775807", "-9223372036854775808",
                     "9223372036854775808", "99999999999999999999", "000000000000000000042", "1700000000000"]
        var digits = ""
        for d in 1...19 {
            digits += String(d % 10)
            texts += [digits, "-" + digits, "+" + digits, digits + "x", "x" + digits]
        }
        for text in texts { #expect(parsed(text) == Int64(text), "\(text)") }
        #expect(parsed("10.0") == 10)
        #expect(parsed("1e3") == 1000)
        #expect(parsed("2.5") == nil)
    }
}
