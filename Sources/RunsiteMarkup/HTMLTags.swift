/// Splits HTML that runsite did not build as a `Node` tree (a custom layout, raw HTML in a template,
/// cmark's output) into text and tags, with each start tag's attributes read as the HTML syntax
/// allows them: in any order, quoted with `"` or `'` or not at all, names in any case. Comments,
/// doctypes and the text of `<script>` and `<style>` are text. Nothing is validated.
public enum HTMLTags {
    public enum Piece: Equatable {
        case text(Substring)
        /// A start tag: its lower-cased name, its attributes (names lower-cased, values with the
        /// common character references decoded), and its text as written.
        case start(name: String, attributes: [Attribute], source: Substring)
        case end(name: String, source: Substring)
    }

    public static func pieces(_ html: String) -> [Piece] {
        var pieces: [Piece] = []
        let s = html.utf8
        var i = s.startIndex, textStart = i
        func flush(_ end: String.Index) { if textStart < end { pieces.append(.text(html[textStart..<end])) } }
        while let open = s[i...].firstIndex(of: UInt8(ascii: "<")) {
            let next = s.index(after: open)
            guard next < s.endIndex else { break }
            let afterSlash = s[next] == UInt8(ascii: "/") ? s.index(after: next) : s.endIndex
            if afterSlash < s.endIndex, isLetter(s[afterSlash]) {
                let nameStart = afterSlash
                let close = s[nameStart...].firstIndex(of: UInt8(ascii: ">")) ?? s.index(before: s.endIndex)
                let name = html[nameStart..<(s[nameStart..<close].firstIndex { isSpace($0) || $0 == UInt8(ascii: "/") } ?? close)]
                flush(open)
                i = s.index(after: close); textStart = i
                pieces.append(.end(name: name.lowercased(), source: html[open..<i]))
            } else if isLetter(s[next]) {
                guard let (name, attributes, end) = startTag(html, from: next) else { break }
                flush(open)
                pieces.append(.start(name: name, attributes: attributes, source: html[open..<end]))
                i = end; textStart = end
                // The text of script and style runs to their end tag, whatever it holds.
                if name == "script" || name == "style" { i = endTag(name, in: html, from: end) }
            } else if html[open...].hasPrefix("<!--") {
                let close = find(Array("-->".utf8), in: html, from: s.index(open, offsetBy: 4))
                i = close == s.endIndex ? close : s.index(close, offsetBy: 3)
            } else {
                i = next
            }
        }
        flush(s.endIndex)
        return pieces
    }

    /// A start tag written back: its name and attributes, escaped by the serializer.
    public static func startTag(_ name: String, _ attributes: [Attribute]) -> String {
        var out = ""
        Serializer.writeOpening(name, attributes, into: &out)
        return out + ">"
    }

    /// Reads the tag whose name starts at `start`; nil when the text ends inside it.
    private static func startTag(_ html: String, from start: String.Index) -> (String, [Attribute], String.Index)? {
        let s = html.utf8
        var i = start
        while i < s.endIndex, !isSpace(s[i]), s[i] != UInt8(ascii: "/"), s[i] != UInt8(ascii: ">") { i = s.index(after: i) }
        let name = html[start..<i].lowercased()
        var attributes: [Attribute] = []
        while true {
            while i < s.endIndex, isSpace(s[i]) || s[i] == UInt8(ascii: "/") { i = s.index(after: i) }
            guard i < s.endIndex else { return nil }
            if s[i] == UInt8(ascii: ">") { return (name, attributes, s.index(after: i)) }
            let nameStart = i
            i = s.index(after: i)
            while i < s.endIndex, !isSpace(s[i]), ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(s[i]) { i = s.index(after: i) }
            let attributeName = html[nameStart..<i].lowercased()
            var j = i
            while j < s.endIndex, isSpace(s[j]) { j = s.index(after: j) }
            guard j < s.endIndex, s[j] == UInt8(ascii: "=") else { attributes.append(Attribute(attributeName, nil)); continue }
            j = s.index(after: j)
            while j < s.endIndex, isSpace(s[j]) { j = s.index(after: j) }
            guard j < s.endIndex else { return nil }
            let value: Substring
            if s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'") {
                let quote = s[j], valueStart = s.index(after: j)
                guard let close = s[valueStart...].firstIndex(of: quote) else { return nil }
                value = html[valueStart..<close]
                i = s.index(after: close)
            } else {
                i = j
                while i < s.endIndex, !isSpace(s[i]), s[i] != UInt8(ascii: ">") { i = s.index(after: i) }
                value = html[j..<i]
            }
            attributes.append(Attribute(attributeName, decoded(value)))
        }
    }

    /// Where `</name` (in any case) starts after `start`, or the end of the text.
    private static func endTag(_ name: String, in html: String, from start: String.Index) -> String.Index {
        find(Array(("</" + name).utf8), in: html, from: start, ignoringCase: true)
    }

    /// Where `needle` (ASCII) starts at or after `start`, or the end of the text.
    private static func find(_ needle: [UInt8], in html: String, from start: String.Index, ignoringCase: Bool = false) -> String.Index {
        let s = html.utf8
        let fold: (UInt8) -> UInt8 = { ignoringCase && $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var i = start
        while let first = s[i...].firstIndex(of: needle[0]) {
            if s[first...].prefix(needle.count).map(fold) == needle.map(fold) { return first }
            i = s.index(after: first)
        }
        return s.endIndex
    }

    /// The character references a URL or a policy is likely to hold, decoded.
    static func decoded(_ value: Substring) -> String {
        guard value.contains("&") else { return String(value) }
        var text = "", rest = value
        let references: [(String, String)] = [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")]
        while let amp = rest.firstIndex(of: "&") {
            text += rest[..<amp]
            rest = rest[amp...]
            if let (reference, character) = references.first(where: { rest.hasPrefix($0.0) }) {
                text += character
                rest = rest.dropFirst(reference.count)
            } else {
                text += "&"
                rest = rest.dropFirst()
            }
        }
        return text + rest
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
