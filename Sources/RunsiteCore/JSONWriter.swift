/// A small deterministic JSON writer: keys in the order given, two-space indentation, and
/// non-finite numbers written as the strings "NaN", "Infinity", "-Infinity" (the summary contract).
public struct JSONWriter {
    public private(set) var text = ""
    private var indent = 0
    private var needsComma: [Bool] = [false]

    public init() {}

    /// Room for `bytes` of text, so that a large document (a site's `runs.json`) is not copied each
    /// time it outgrows its buffer, which held the old and the new buffer at once.
    public mutating func reserveCapacity(_ bytes: Int) { text.reserveCapacity(bytes) }

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func string(_ value: String?, key: String? = nil) {
        item(key)
        if let value { Self.quote(value, into: &text) } else { text += "null" }
    }

    public mutating func number(_ value: Double?, key: String? = nil) {
        item(key)
        guard let value else { text += "null"; return }
        if value.isFinite { text += NumberText.exact(value) } else { Self.quote(NumberText.exact(value), into: &text) }
    }

    public mutating func integer(_ value: Int64?, key: String? = nil) {
        item(key)
        text += value.map { String($0) } ?? "null"
    }

    public mutating func bool(_ value: Bool, key: String? = nil) {
        item(key)
        text += value ? "true" : "false"
    }

    public mutating func null(key: String? = nil) {
        item(key)
        text += "null"
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        item(key)
        text += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        indent -= 1
        if hadItems { newline() }
        text += bracket
        if indent == 0 { text += "\n" }
    }

    private mutating func item(_ key: String?) {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
        if indent > 0 { newline() }
        if let key {
            Self.quote(key, into: &text)
            text += ": "
        }
    }

    private mutating func newline() {
        text += "\n" + String(repeating: "  ", count: indent)
    }

    /// A JSON string literal; control characters and non-ASCII line separators are escaped.
    public static func quote(_ value: String, into out: inout String) {
        out += "\""
        // Most strings (paths, ids, hashes) need no escape: append them whole, as the cache index
        // and the manifest are megabytes of paths written on one thread.
        if !needsEscape(value) {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether `value` holds a quote, a backslash, a control character, or U+2028/U+2029 (UTF-8
    /// `E2 80 A8`/`A9`; a lead byte `E2` is enough to take the careful path).
    public static func needsEscape(_ value: String) -> Bool {
        let check = { (byte: UInt8) in byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 }
        return value.utf8.withContiguousStorageIfAvailable { $0.contains(where: check) } ?? value.utf8.contains(where: check)
    }
}
