/// Relative URLs built from run data: every segment is percent-encoded, so names with spaces,
/// `#`, `?` or `%` link to the file they name.
public enum URLPath {
    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    /// Percent-encodes one path segment (a `/` inside it is encoded too).
    public static func encodeSegment(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            if unreserved.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Encodes a '/'-separated relative path segment by segment.
    public static func encode(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { encodeSegment(String($0)) }.joined(separator: "/")
    }

    /// The relative prefix (`../../`) from a page at `depth` folders below the site root.
    public static func up(_ depth: Int) -> String {
        String(repeating: "../", count: depth)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
