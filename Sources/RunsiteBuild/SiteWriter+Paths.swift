import Foundation
import RunsiteReaders
#if canImport(Glibc)
import Glibc
#endif

/// The site writer's checks and system calls on paths, on bytes: they run for every file of a
/// site (11,500 for M), where `String` searches and `Character` splits cost more than the work.
extension SiteWriter {
    /// The paths a marker lists, one per line. Split on bytes: a marker lists every file of the site
    /// (11,500 for M), and splitting its `String` by `Character` cost milliseconds per rebuild.
    /// nil when the tree has no marker.
    static func markerLines(of root: URL) -> [Substring]? {
        guard let bytes = ByteReading.contents(of: root.child(markerName)) else { return nil }
        return String(decoding: bytes, as: UTF8.self).utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0) }
    }

    /// Whether a site path is absolute or has a `..` component. On bytes: it is checked for every
    /// file written, and splitting the `String` by `Character` cost more than the check.
    static func escapes(_ path: String) -> Bool {
        let utf8 = path.utf8
        if utf8.first == UInt8(ascii: "/") { return true }
        var start = utf8.startIndex
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "/")) ?? utf8.endIndex
            if utf8.distance(from: start, to: end) == 2, utf8[start] == UInt8(ascii: "."), utf8[utf8.index(after: start)] == UInt8(ascii: ".") { return true }
            guard end < utf8.endIndex else { return false }
            start = utf8.index(after: end)
        }
    }

    /// Whether a marker line has `..` in it (it is then not a path runsite wrote). On bytes:
    /// `String.contains` went through Foundation's search, half of removing M's old site.
    static func hasTwoDots(_ line: Substring) -> Bool {
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return false
    }

    static func hardLink(_ source: String, _ destination: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.link(source, destination)
        #else
        Darwin.link(source, destination)
        #endif
    }

    static func removeFile(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.unlink(path)
        #else
        Darwin.unlink(path)
        #endif
    }

    static func removeEmptyFolder(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.rmdir(path)
        #else
        Darwin.rmdir(path)
        #endif
    }
}
