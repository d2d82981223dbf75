import Foundation
import RunsiteCore

/// Finds where a key of a JSON file is written, for warnings about a value that the parsed
/// `JSONValue` does not locate. Each key of the path is looked for after the previous one, as
/// `"key"` followed by `:`; the file is read again only when there is something to warn about.
enum JSONKeyLocator {
    /// The 1-based line and column of the last key of `path`, or of the file's first byte when the
    /// path is empty; nil when the file cannot be read or a key is not found.
    /// With `quoted` false, keys are looked for as YAML writes them, bare.
    static func position(of path: [String], in url: URL, quoted: Bool = true) -> (line: Int, column: Int)? {
        guard let bytes = ByteReading.contents(of: url) else { return nil }
        var from = 0
        for key in path {
            guard let at = find(key, in: bytes, from: from, quoted: quoted) else { return nil }
            from = at
        }
        return LineCounter.position(at: from, in: bytes)
    }

    /// The offset of the next `"key"` that is followed (after blanks) by `:`.
    private static func find(_ key: String, in bytes: [UInt8], from start: Int, quoted: Bool) -> Int? {
        var escaped = quoted ? "\"" : ""
        for c in key.unicodeScalars where quoted {
            switch c {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            default: escaped.unicodeScalars.append(c)
            }
        }
        let needle = quoted ? Array((escaped + "\"").utf8) : Array(key.utf8)
        guard let head = needle.first else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            guard let at = bytes[i...].firstIndex(of: head) else { return nil }
            guard at + needle.count <= bytes.count, bytes[at..<(at + needle.count)].elementsEqual(needle) else {
                i = at + 1
                continue
            }
            var j = at + needle.count
            while j < bytes.count, bytes[j] == 32 || bytes[j] == 9 || bytes[j] == 10 || bytes[j] == 13 { j += 1 }
            let starts = quoted || at == 0 || [9, 10, 13, 32, 34, 39, 45, 123].contains(bytes[at - 1])
            if starts, j < bytes.count, bytes[j] == UInt8(ascii: ":") { return at }
            i = at + 1
        }
        return nil
    }
}

extension ReaderContext {
    /// A warning about the value of a JSON key path in `url`, placed at the key.
    public func warn(_ message: DiagnosticMessage, _ url: URL, jsonKey path: [String]) {
        let at = JSONKeyLocator.position(of: path, in: url)
        warn(message, url, line: at?.line ?? 1, column: at?.column ?? 1)
    }

    /// A warning about the value of a YAML key path in `url`, placed at the key.
    public func warn(_ message: DiagnosticMessage, _ url: URL, yamlKey path: [String]) {
        let at = JSONKeyLocator.position(of: path, in: url, quoted: false)
        warn(message, url, line: at?.line ?? 1, column: at?.column ?? 1)
    }
}
