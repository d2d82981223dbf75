/// The common case of decimal parsing without `strtod`: when the significant digits fit in 53 bits and the
/// decimal exponent is within ±22, both the digits and the power of ten are exact doubles, so one IEEE
/// multiplication or division gives the correctly rounded result (Clinger's fast path). That covers most
/// logged values (`0.6931471805599453`, `1e-05`, `12`); anything else (17-digit mantissas, huge exponents,
/// `nan`, `inf`, stray characters) returns nil, and the caller falls back to `ByteNumber.parseDouble`.
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
        func digit(_ b: UInt8) -> UInt64? { b >= 48 && b <= 57 ? UInt64(b - 48) : nil }
        while i < n, let d = digit(bytes[i]) {
            if mantissa != 0 || d != 0 { significant += 1 }
            guard significant <= 19 else { return nil }
            mantissa = mantissa * 10 + d
            digits += 1; i += 1
        }
        if i < n, bytes[i] == 46 {
            i += 1
            while i < n, let d = digit(bytes[i]) {
                if mantissa != 0 || d != 0 { significant += 1 }
                guard significant <= 19 else { return nil }
                mantissa = mantissa * 10 + d
                exponent -= 1; digits += 1; i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < n, bytes[i] == 101 || bytes[i] == 69 {
            i += 1
            var negativeExponent = false
            if i < n, bytes[i] == 45 || bytes[i] == 43 { negativeExponent = bytes[i] == 45; i += 1 }
            var value = 0, exponentDigits = 0
            while i < n, let d = digit(bytes[i]) {
                value = min(value * 10 + Int(d), 100_000)
                exponentDigits += 1; i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += negativeExponent ? -value : value
        }
        guard i == n else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let magnitude = exponent >= 0 ? Double(mantissa) * powers[exponent] : Double(mantissa) / powers[-exponent]
        return negative ? -magnitude : magnitude
    }
}
