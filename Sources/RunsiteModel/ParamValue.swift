import RunsiteCore

/// One parameter value as it was logged. Integers stay integers so that `64` never shows as `64.0`.
public enum ParamValue: Sendable, Hashable, Codable {
    case int(Int64)
    case double(Double)
    case string(String)
    case bool(Bool)
    case null

    /// The value as text, as the site and tables show it.
    public var text: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return NumberText.exact(v)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// The value as a number for sorting and selectors, when it is one.
    public var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
}

/// A flat, ordered parameter list keyed by dotted names (`optimizer.lr`).
public struct Params: Sendable, Hashable, Codable {
    public private(set) var keys: [String] = []
    public private(set) var values: [String: ParamValue] = [:]

    public init() {}

    private enum CodingKeys: String, CodingKey { case keys, values }

    /// Decodes a digest's parameters, which are as untrusted as the run they came from: a key
    /// without a value, a value without a key, or a key listed twice is an error, not a trap later.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        keys = try c.decode([String].self, forKey: .keys)
        values = try c.decode([String: ParamValue].self, forKey: .values)
        guard keys.count == values.count, Set(keys).count == keys.count, keys.allSatisfy({ values[$0] != nil }) else {
            throw DecodingError.dataCorruptedError(forKey: .keys, in: c, debugDescription: "parameter keys and values do not match")
        }
    }

    public subscript(key: String) -> ParamValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var count: Int { keys.count }

    /// Pairs sorted by key, for deterministic output.
    public var sorted: [(key: String, value: ParamValue)] {
        keys.sorted().map { ($0, values[$0]!) }
    }
}
