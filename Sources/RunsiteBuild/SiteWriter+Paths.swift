import Foundation
import RunsiteReaders
#if canImport(Glibc)
import Glibc
#endif

/// The site writer's checks and system calls on paths, on bytes: they run for every file of a
/// site (thousands), where `String` searches and `Character` splits cost more than the work.
extension SiteWriter {
    /// Whether a site path is absolute or has a `..` component. On bytes: it is checked for every
    /// file written and every line of an old site's marker, and splitting the `String` by
    /// `Character` costs more than the check. (`model..pt` is a file name, not an escape.)
    static func escapes<Path: StringProtocol>(_ path: Path) -> Bool {
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
