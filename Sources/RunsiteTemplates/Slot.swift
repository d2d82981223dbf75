/// Placeholders that mark, in cmark's HTML, where a directive, a role or a heading's id goes.
///
/// A slot is an HTML comment, `<!--runsite-slot:d0-->`. It cannot collide with the document:
/// cmark escapes every `<` of text, code and attributes, so a literal `<!--` in its output comes
/// only from raw HTML copied from a single source line, or from our own slots; and the prefix is
/// lengthened until the source text does not contain it.
struct Slot: Hashable {
    enum Kind: Character {
        /// A directive's block, by index into the directives.
        case directive = "d"
        /// An inline role, by index into the roles.
        case role = "r"
        /// The start of an `<h1>`–`<h3>`, by index into the headings.
        case heading = "h"
    }

    var kind: Kind
    var index: Int

    /// The prefix shared by all slots of one document.
    struct Prefix: Hashable {
        let text: String

        /// `<!--runsite-slot:`, or `<!--runsite-slot-N:` for the first N that `source` does not contain.
        init(avoiding source: String) {
            let bytes = Array(source.utf8)
            var candidate = "<!--runsite-slot:"
            var number = 1
            while Self.firstOffset(of: Array(candidate.utf8), in: bytes, from: 0) != nil {
                candidate = "<!--runsite-slot-\(number):"
                number += 1
            }
            text = candidate
        }

        func marker(_ slot: Slot) -> String {
            "\(text)\(slot.kind.rawValue)\(slot.index)-->"
        }

        /// Splits `html` into text and the slots of the given kinds; other slots stay in the text.
        /// Works on UTF-8 bytes, so that no grapheme cluster can hide a marker.
        func scan(_ html: String, kinds: Set<Kind>) -> [Piece] {
            let bytes = Array(html.utf8)
            let prefix = Array(text.utf8)
            var pieces: [Piece] = []
            var textStart = 0
            var searchFrom = 0
            while let found = Self.firstOffset(of: prefix, in: bytes, from: searchFrom) {
                let after = found + prefix.count
                guard let (slot, end) = Self.parseSlot(bytes, at: after), kinds.contains(slot.kind) else {
                    searchFrom = after
                    continue
                }
                if textStart < found { pieces.append(.text(String(decoding: bytes[textStart..<found], as: UTF8.self))) }
                pieces.append(.slot(slot))
                textStart = end
                searchFrom = end
            }
            if textStart < bytes.count { pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self))) }
            return pieces
        }

        /// `d12-->…` at `offset` → (directive 12, offset after `-->`).
        private static func parseSlot(_ bytes: [UInt8], at offset: Int) -> (Slot, Int)? {
            guard offset < bytes.count, let kind = Kind(rawValue: Character(Unicode.Scalar(bytes[offset]))) else { return nil }
            var end = offset + 1
            var index = 0
            while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]), end - offset < 10 {
                index = index * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            let close = Array("-->".utf8)
            guard end > offset + 1, end + close.count <= bytes.count, Array(bytes[end..<end + close.count]) == close else { return nil }
            return (Slot(kind: kind, index: index), end + close.count)
        }

        static func firstOffset(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
            guard !pattern.isEmpty, bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
            for offset in start...(bytes.count - pattern.count) where bytes[offset] == pattern[0] {
                if bytes[offset..<offset + pattern.count].elementsEqual(pattern) { return offset }
            }
            return nil
        }
    }

    enum Piece: Equatable {
        case text(String)
        case slot(Slot)
    }
}
