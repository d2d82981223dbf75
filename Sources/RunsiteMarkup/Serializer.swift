/// The one place where markup becomes bytes. Text and attribute values are always escaped here,
/// and characters that XML forbids (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF) become
/// U+FFFD, so that SVG files stay well-formed XML whatever a run's names hold.
public enum Serializer {
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Serializes HTML; SVG children of an `svg` element are written as XML (self-closing empty elements).
    public static func html(_ node: Node) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(node, into: &out, xml: false)
        return out
    }

    /// Serializes a standalone SVG/XML document fragment.
    public static func xml(_ node: Node) -> String {
        var out = ""
        write(node, into: &out, xml: true)
        return out
    }

    public static func write(_ node: Node, into out: inout String, xml: Bool) {
        switch node {
        case .text(let text): escapeText(text, into: &out)
        case .raw(let markup): out += markup
        case .fragment(let nodes): for child in nodes { write(child, into: &out, xml: xml) }
        case .element(let name, let attributes, let children):
            writeOpening(name, attributes, into: &out)
            let childXML = xml || name == "svg"
            if children.isEmpty && childXML {
                out += "/>"
                return
            }
            out += ">"
            if !xml && voidElements.contains(name) { return }
            for child in children { write(child, into: &out, xml: childXML) }
            out += "</"
            out += name
            out += ">"
        }
    }

    /// `<name` and its attributes, values escaped, without the closing `>`. Appended piece by
    /// piece: `"<" + name` would make a temporary string per tag and attribute.
    public static func writeOpening(_ name: String, _ attributes: [Attribute], into out: inout String) {
        out += "<"
        out += name
        for attribute in attributes {
            out += " "
            out += attribute.name
            if let value = attribute.value {
                out += "=\""
                escapeAttribute(value, into: &out)
                out += "\""
            }
        }
    }

    public static func escapeText(_ text: String, into out: inout String) {
        // Most text needs no escaping: check the bytes first and append in one go (the hot path of
        // every page, since SVG numbers and labels are text too).
        if !needsEscaping(text, quotes: false) { out += text; return }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(allowedInXML(scalar) ? scalar : replacement)
            }
        }
    }

    public static func escapeAttribute(_ text: String, into out: inout String) {
        if !needsEscaping(text, quotes: true) { out += text; return }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(allowedInXML(scalar) ? scalar : replacement)
            }
        }
    }

    /// Whether `text` holds `&`, `<`, `>` (or, with `quotes`, `"` and `'`) or a byte of a character
    /// XML may forbid. Scans the UTF-8 bytes in place, as the generic `utf8.contains(where:)` is
    /// slow on kilobytes of path data.
    static func needsEscaping(_ text: String, quotes: Bool) -> Bool {
        // Every byte that can need escaping is below 64 or is 0xEF, so a 64-bit mask in a register
        // answers per byte (path data is kilobytes per line).
        let mask = quotes ? escapedInAttributes : escapedInText
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte < 64 ? (mask >> byte) & 1 != 0 : byte == 0xEF { return true }
            return false
        }
        if let found { return found }
        return text.utf8.contains { $0 < 64 ? (mask >> $0) & 1 != 0 : $0 == 0xEF }
    }

    /// Bytes below 64 that send a string down the slow path: the escaped characters and the C0
    /// controls other than tab, LF and CR. 0xEF, the lead byte of U+FFFE and U+FFFF, does too
    /// (checked there scalar by scalar).
    private static let escapedInText: UInt64 = {
        var mask: UInt64 = 0
        for byte in 0..<64 where byte == 38 || byte == 60 || byte == 62 || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) {
            mask |= 1 << UInt64(byte)
        }
        return mask
    }()
    private static let escapedInAttributes: UInt64 = escapedInText | 1 << 34 | 1 << 39

    private static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether XML 1.0 allows `scalar` in a document (surrogates cannot occur in a Swift string).
    static func allowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        return v != 0xFFFE && v != 0xFFFF
    }

    public static func escaped(_ text: String) -> String {
        var out = ""
        escapeAttribute(text, into: &out)
        return out
    }
}
