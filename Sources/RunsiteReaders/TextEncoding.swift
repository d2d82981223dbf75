/// Byte-level checks of text encodings, for diagnostics that point at the first bad byte.
enum TextEncoding {
    /// The offset of the first byte that does not belong to valid UTF-8, or `bytes.count` when all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            guard length > 0, i + length <= bytes.count else { return i }
            guard String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return i }
            i += length
        }
        return bytes.count
    }
}
