/// A comparison operator of a `param:KEY OP VALUE` selector term. Values compare as numbers when
/// both sides read as numbers, else as text.
enum Comparison: String, Hashable, CaseIterable {
    case lessOrEqual = "<=", greaterOrEqual = ">=", notEqual = "!=", less = "<", greater = ">", equal = "="

    /// Longest operators first, so that `<=` is not read as `<`.
    static let spellings: [Comparison] = [.lessOrEqual, .greaterOrEqual, .notEqual, .less, .greater, .equal]

    func holds(_ actual: String, _ expected: String, actualNumber: Double?) -> Bool {
        if let a = actualNumber ?? Double(actual), let b = Double(expected) {
            switch self {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            case .equal: return a == b
            case .notEqual: return a != b
            }
        }
        switch self {
        case .less: return actual < expected
        case .lessOrEqual: return actual <= expected
        case .greater: return actual > expected
        case .greaterOrEqual: return actual >= expected
        case .equal: return actual == expected
        case .notEqual: return actual != expected
        }
    }
}
