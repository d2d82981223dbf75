/// The lines of a source text, split the way cmark splits them (`\n`, `\r\n` or a lone `\r`),
/// so that a cmark line number indexes the same line here.
struct SourceLines {
    /// Line contents without their terminators; `lines[0]` is line 1.
    private(set) var lines: [Substring] = []

    init(_ text: String) {
        // Work on UTF-8 bytes: Swift treats "\r\n" as one Character, which would hide line breaks.
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(text[start..<index])
                var next = utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        lines.append(text[start..<utf8.endIndex])
    }

    /// The content of a 1-based line, or nil when the line does not exist.
    func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// 1-based UTF-8 byte columns (as compilers print them) where `needle` starts on `line`.
    func columns(of needle: String, onLine number: Int) -> [Int] {
        guard let line = line(number), !needle.isEmpty else { return [] }
        let haystack = Array(line.utf8)
        let pattern = Array(needle.utf8)
        guard haystack.count >= pattern.count else { return [] }
        var found: [Int] = []
        for offset in 0...(haystack.count - pattern.count) where haystack[offset..<offset + pattern.count].elementsEqual(pattern) {
            found.append(offset + 1)
        }
        return found
    }

    /// The byte just before a 1-based column on a line, if any.
    func byte(before column: Int, onLine number: Int) -> UInt8? {
        guard let line = line(number), column >= 2 else { return nil }
        let bytes = Array(line.utf8)
        return column - 2 < bytes.count ? bytes[column - 2] : nil
    }
}
