import Foundation

/// Splits one CSV (or TSV) line's bytes into field ranges, honouring double quotes.
/// Hand-written because it runs once per logged row on the hot path and must not allocate strings.
public enum CSVFields {
    /// Field byte ranges of `line`; quotes are left in place (see `text(_:in:)` to unquote).
    public static func split(_ line: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ","), into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        // Most lines have no quotes: then each field ends at the next separator, found with memchr.
        if let base = line.baseAddress, memchr(base, 34, line.count) == nil {
            var start = 0
            while let hit = memchr(base + start, Int32(separator), line.count - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                fields.append(start..<i)
                start = i + 1
            }
            fields.append(start..<line.count)
            return
        }
        var start = 0, inQuotes = false
        for i in 0..<line.count {
            let b = line[i]
            if b == 34 { inQuotes.toggle() }
            else if b == separator && !inQuotes {
                fields.append(start..<i)
                start = i + 1
            }
        }
        fields.append(start..<line.count)
    }

    /// A field's text, with surrounding quotes removed and `""` unescaped.
    public static func text(_ range: Range<Int>, in line: UnsafeBufferPointer<UInt8>) -> String {
        var s = String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
        s = s.trimmingCharactersInSpaces()
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") {
            s = String(s.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        return s
    }
}

extension String {
    func trimmingCharactersInSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" || s.first == "\u{FEFF}" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
