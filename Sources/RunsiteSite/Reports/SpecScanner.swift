/// A cursor over the text of a selector or column spec, shared by their parsers.
///
/// Names are bare (`val/loss`, `optimizer.lr`) or double-quoted (`"val loss"`, `"a:b"`), with
/// `\"` and `\\` as the only escapes inside quotes. A bare name stops at whitespace, at `"`, and
/// at any character of the caller's `stop` set.
struct SpecScanner {
    let bytes: [UInt8]
    var offset = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { offset >= bytes.count }
    var peek: UInt8? { isAtEnd ? nil : bytes[offset] }

    mutating func skipSpaces() {
        while let b = peek, b == 0x20 || b == 0x09 { offset += 1 }
    }

    /// Consumes `text` when the input continues with it.
    mutating func consume(_ text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard offset + pattern.count <= bytes.count, Array(bytes[offset..<offset + pattern.count]) == pattern else { return false }
        offset += pattern.count
        return true
    }

    /// Consumes a whole word (letters, digits, `-`, `_`) when it equals `word`.
    mutating func consumeKeyword(_ word: String) -> Bool {
        let start = offset
        let found = readWord()
        if found == word { return true }
        offset = start
        return false
    }

    /// Letters, digits, `-` and `_`.
    mutating func readWord() -> String {
        let start = offset
        while let b = peek, Self.isWordByte(b) { offset += 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// A quoted or bare name; nil (with the offset unchanged) when there is none.
    mutating func readName(stop: Set<UInt8>) throws(SpecError) -> (text: String, quoted: Bool)? {
        if peek == UInt8(ascii: "\"") { return (try readQuoted(), true) }
        let start = offset
        while let b = peek, b != 0x20, b != 0x09, b != UInt8(ascii: "\""), !stop.contains(b) { offset += 1 }
        guard offset > start else { return nil }
        return (String(decoding: bytes[start..<offset], as: UTF8.self), false)
    }

    private mutating func readQuoted() throws(SpecError) -> String {
        let start = offset
        offset += 1
        var out: [UInt8] = []
        while let b = peek {
            offset += 1
            if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\"), let next = peek, next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") {
                out.append(next)
                offset += 1
            } else {
                out.append(b)
            }
        }
        throw SpecError(.malformedSpec("unterminated quoted name"), at: start)
    }

    /// The rest of the input from the current offset, for messages.
    var rest: String { String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self) }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }
}
