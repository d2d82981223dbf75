/// IEEE 754 binary16 to double, written out because `Float16` is not available on every platform
/// Swift supports (macOS on Intel).
public enum HalfFloat {
    public static func double(fromHalf bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24  // subnormal: fraction × 2^-14 / 1024
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
