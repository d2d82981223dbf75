/// The common case of decimal parsing without `strtod`: when the significant digits fit in 53 bits and the
/// decimal exponent is within ±22, both the digits and the power of ten are exact doubles, so one IEEE
/// multiplication or division gives the correctly rounded result (Clinger's fast path). That covers most
/// logged values (`0.6931471805599453`, `1e-05`, `12`). Up to 19 significant digits with a decimal
/// exponent within ±27 are then rounded exactly with 128-bit integer arithmetic (`exactlyRounded`).
/// Anything else (more digits, huge exponents, `nan`, `inf`, stray characters) returns nil, and the
/// caller falls back to `strtod`.
enum FastDecimal {
    private static let powers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// `[+-]digits[.digits][(e|E)[+-]digits]` with no surrounding spaces, or nil when the fast path does not apply.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = bytes.count
        guard n > 0, n <= 64 else { return nil }
        var i = 0, negative = false
        if bytes[0] == 45 { negative = true; i = 1 } else if bytes[0] == 43 { i = 1 }
        var mantissa: UInt64 = 0, significant = 0, exponent = 0, digits = 0
        // Leading zeros (of the integer part, then of the fraction when the integer part is zero) carry
        // no significant digit; after them every digit counts, at most 19 (so 64 bits cannot overflow).
        while i < n, bytes[i] == 48 { i += 1; digits += 1 }
        var start = i
        while i < n, bytes[i] &- 48 < 10 { mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48); i += 1 }
        significant = i - start
        digits += significant
        if i < n, bytes[i] == 46 {
            i += 1
            if significant == 0 {
                start = i
                while i < n, bytes[i] == 48 { i += 1 }
                exponent -= i - start
                digits += i - start
            }
            start = i
            // Eight digits at a time while they fit in 19 significant ones (most of a logged value's
            // 16–19 digits), then one at a time.
            while n - i >= 8, significant <= 11, let eight = eightDigits(bytes, at: i) {
                mantissa = mantissa &* 100_000_000 &+ eight
                significant += 8; i += 8
            }
            while i < n, bytes[i] &- 48 < 10, significant < 20 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48)
                significant += 1; i += 1
            }
            exponent -= i - start
            digits += i - start
        }
        guard significant <= 19 else { return nil }
        guard digits > 0 else { return nil }
        if i < n, bytes[i] == 101 || bytes[i] == 69 {
            i += 1
            var negativeExponent = false
            if i < n, bytes[i] == 45 || bytes[i] == 43 { negativeExponent = bytes[i] == 45; i += 1 }
            var value = 0, exponentDigits = 0
            while i < n, bytes[i] &- 48 < 10 {
                value = min(value * 10 + Int(bytes[i] &- 48), 100_000)
                exponentDigits += 1; i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += negativeExponent ? -value : value
        }
        guard i == n else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        let magnitude: Double
        if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            magnitude = exponent >= 0 ? Double(mantissa) * powers[exponent] : Double(mantissa) / powers[-exponent]
        } else if let exact = exactlyRounded(mantissa, exponent) {
            magnitude = exact
        } else {
            return nil
        }
        return negative ? -magnitude : magnitude
    }

    /// The value of the eight ASCII digits at `index`, or nil when one of the bytes is not a digit
    /// (SWAR: one load, two masks and three multiplies instead of eight loop turns).
    @inline(__always)
    static func eightDigits(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
        // Every byte in 0x30...0x39: its high nibble is 3, and adding 6 keeps it 3.
        guard word & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030,
              (word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030 else { return nil }
        var v = word & 0x0F0F_0F0F_0F0F_0F0F
        v = (v &* 2561) >> 8                                   // pairs: 10·a + b in each 16 bits
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16    // quads: 100·ab + cd in each 32 bits
        return ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32   // 10,000·abcd + efgh
    }

    /// 5^k for k ≤ 27, the largest power of five that fits in 64 bits.
    private static let powersOfFive: [UInt64] = (0...27).map { k in (0..<k).reduce(1) { p, _ in p * 5 } }

    /// `mantissa × 10^exponent` correctly rounded (half to even), for |exponent| ≤ 27, by exact integer
    /// arithmetic: 10^e = 5^e · 2^e, and 5^e fits in 64 bits, so the product (or the quotient, scaled
    /// to 63–64 bits) is formed exactly in 128 bits and only the final rounding to 53 bits happens, with a
    /// sticky bit for everything below. This covers the 17-digit shortest round-trip values Python
    /// writes (`2.4637734749413047`, `9.999993831498518e-05`), which Clinger's path cannot take.
    static func exactlyRounded(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        guard mantissa != 0, exponent >= -27, exponent <= 27 else { return nil }
        let five = powersOfFive[abs(exponent)]
        if exponent >= 0 {
            let (high, low) = mantissa.multipliedFullWidth(by: five)
            guard high != 0 else { return rounded(low, sticky: false, binaryExponent: exponent) }
            let shift = 64 - high.leadingZeroBitCount          // bits of the product above 64
            let top = (high << (64 - shift)) | (low >> shift)
            let sticky = low & (UInt64.max >> (64 - shift)) != 0
            return rounded(top, sticky: sticky, binaryExponent: exponent + shift)
        }
        // Scale the numerator so the quotient has 63 or 64 bits: bits(m·2^s) = bits(5^k) + 63.
        let divisorBits = 64 - five.leadingZeroBitCount
        let shift = divisorBits + 63 - (64 - mantissa.leadingZeroBitCount)
        let numerator: (high: UInt64, low: UInt64) = shift >= 64
            ? (mantissa << (shift - 64), 0)
            : (shift == 0 ? 0 : mantissa >> (64 - shift), mantissa << shift)
        let (quotient, remainder) = five.dividingFullWidth(numerator)
        return rounded(quotient, sticky: remainder != 0, binaryExponent: exponent - shift)
    }

    /// `value × 2^binaryExponent` rounded to 53 bits, half to even; `sticky` says whether nonzero bits
    /// lie below `value`'s last bit.
    private static func rounded(_ value: UInt64, sticky: Bool, binaryExponent: Int) -> Double {
        let bits = 64 - value.leadingZeroBitCount
        guard bits > 53 else {
            return Double(sign: .plus, exponent: binaryExponent, significand: Double(value))
        }
        let drop = bits - 53
        var kept = value >> drop
        let rest = value & ((1 << drop) - 1)
        let half: UInt64 = 1 << (drop - 1)
        if rest > half || (rest == half && (sticky || kept & 1 == 1)) { kept += 1 }
        return Double(sign: .plus, exponent: binaryExponent + drop, significand: Double(kept))
    }
}
