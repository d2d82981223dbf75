import RunsiteCore
import RunsiteModel

/// A JSON value parsed from bytes, keeping the difference between integers and doubles and the
/// order of object keys. Hand-written rather than `JSONSerialization` because (1) loggers write bare
/// `NaN`/`Infinity` tokens (Python's `json`), which strict parsers reject, (2) `JSONSerialization`
/// on Linux blurs Bool/Int/Double, and (3) metric lines are parsed per line on the hot path.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y || (x.isNaN && y.isNaN)
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .int(let i): hasher.combine(i)
        default: hasher.combine(0)
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var object: [(String, JSONValue)]? { if case .object(let o) = self { return o }; return nil }

    /// A number, also from the strings "NaN", "Infinity", "-Infinity" and "inf" that loggers write.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s):
            switch s.lowercased() {
            case "nan": return .nan
            case "infinity", "inf", "+infinity", "+inf": return .infinity
            case "-infinity", "-inf": return -.infinity
            default: return nil
            }
        default: return nil
        }
    }

    public var int: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9e18: return Int64(d)
        default: return nil
        }
    }

    /// Parameter value for this JSON scalar; arrays and objects become compact JSON text, which
    /// reads back with any JSON parser (`["a","b"]`, `[{"path":"a.bin","weight":0.7}]`).
    public var paramValue: ParamValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array, .object: return .string(jsonText)
        }
    }

    /// The value as compact JSON: no spaces, keys in logged order, text as written (UTF-8, with
    /// JSON's escapes), non-finite numbers as Python's bare `NaN`, `Infinity`, `-Infinity`.
    public var jsonText: String {
        var out = ""
        appendJSON(to: &out)
        return out
    }

    private func appendJSON(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isNaN ? "NaN" : d.isInfinite ? (d > 0 ? "Infinity" : "-Infinity") : NumberText.exact(d)
        case .string(let s): JSONWriter.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.appendJSON(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONWriter.quote(key, into: &out)
                out += ":"
                value.appendJSON(to: &out)
            }
            out += "}"
        }
    }

    /// Short JSON-like text, for lists kept as one parameter.
    public var compactText: String {
        switch self {
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ", ") + "]"
        case .object(let pairs): return "{" + pairs.map { "\($0.0): \($0.1.compactText)" }.joined(separator: ", ") + "}"
        case .string(let s): return s
        default: return paramValue.text
        }
    }

    /// Flattens nested objects to dotted keys (`optimizer.lr`); arrays and empty objects stay one value.
    public func flatten(prefix: String = "", into params: inout Params) {
        if case .object(let pairs) = self, !(pairs.isEmpty && !prefix.isEmpty) {
            for (key, value) in pairs {
                value.flatten(prefix: prefix.isEmpty ? key : prefix + "." + key, into: &params)
            }
        } else if !prefix.isEmpty {
            params[prefix] = paramValue
        }
    }
}
