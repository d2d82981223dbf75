import Foundation

/// Small byte-level facts about text files that line-by-line reading hides.
enum TextFile {
    /// Whether the file's last byte is a line feed; true for an empty file. A file that was being
    /// written when it was copied ends without one.
    static func endsWithNewline(_ url: URL) -> Bool {
        guard let handle = FilePaths.readHandle(url) else { return true }
        defer { try? handle.close() }
        guard let end = try? handle.seekToEnd(), end > 0 else { return true }
        guard (try? handle.seek(toOffset: end - 1)) != nil,
              let last = try? handle.read(upToCount: 1), let byte = last.first else { return true }
        return byte == 10
    }

    /// The first line of a file (up to its LF or CR, without a byte-order mark), reading at most `limit` bytes; nil when unreadable or empty.
    /// Used by `claims`, which must stay cheap: discovery calls it for every directory it walks.
    static func firstLine(of url: URL, limit: Int = 16_384) -> [UInt8]? {
        guard let handle = FilePaths.readHandle(url) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit), !data.isEmpty else { return nil }
        let bytes = [UInt8](data.prefix { $0 != 10 && $0 != 13 })
        return bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// Header names of a first line split on `separator`, unquoted and trimmed (a UTF-8 BOM is dropped).
    static func headerNames(_ line: [UInt8], separator: UInt8) -> [String] {
        line.withUnsafeBufferPointer { buffer in
            var fields: [Range<Int>] = []
            CSVFields.split(buffer, separator: separator, into: &fields)
            return fields.map { CSVFields.text($0, in: buffer) }
        }
    }
}
