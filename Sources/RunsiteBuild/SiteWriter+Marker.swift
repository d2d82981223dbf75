import Foundation
import RunsiteCore
import RunsiteReaders
#if canImport(Glibc)
import Glibc
#endif

/// The `.runsite-site` marker: a JSON object naming every file the build wrote, so that the next
/// build removes those and nothing else. JSON keeps each name whole: a file name holding a newline
/// is one entry, not two.
extension SiteWriter {
    static let markerFormat = "runsite-site"
    static let markerVersion = 2

    struct Marker: Codable {
        var format = SiteWriter.markerFormat
        var version = SiteWriter.markerVersion
        var files: [String]
        /// The hash of the build cache's index written with this site (see `BuildCache`).
        var cache: String?
    }

    /// The marker's bytes for the files of a site (sorted, so the same site gives the same bytes):
    /// `Marker` as `JSONEncoder` writes it with sorted keys, written piece by piece, since the
    /// encoder would first build a tree of every path (51,000 of them in L's site) at the build's end.
    static func markerBytes(_ paths: [String], cache: String? = nil) throws -> Data {
        var text = "{"
        if let cache { text += "\"cache\":" + (try quoted(cache)) + "," }
        text += "\"files\":["
        for (i, path) in paths.sorted().enumerated() {
            if i > 0 { text += "," }
            text += try quoted(path)
        }
        text += "],\"format\":" + (try quoted(markerFormat)) + ",\"version\":" + String(markerVersion) + "}\n"
        return Data(text.utf8)
    }

    /// A string as `JSONEncoder` writes it, slashes unescaped: most paths need no escape at all.
    private static func quoted(_ value: String) throws -> String {
        guard JSONWriter.needsEscape(value) else { return "\"" + value + "\"" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The cache token a site's marker records; nil without one.
    static func markerCacheToken(of root: URL) -> String? {
        guard let bytes = ByteReading.contents(of: root.child(markerName)), bytes.first == UInt8(ascii: "{") else { return nil }
        return (try? JSONDecoder().decode(Marker.self, from: Data(bytes)))?.cache
    }

    /// The paths a tree's marker lists; nil when the tree has no marker. A marker that is neither
    /// runsite's JSON nor the older one-path-a-line text lists nothing. In an older line marker, a
    /// name could hold a newline and so inject a line: of its lines, only regular files last changed
    /// no later than the marker itself count as written by runsite (a file added later is kept).
    static func markerLines(of root: URL) -> [Substring]? {
        let url = root.child(markerName)
        guard let bytes = ByteReading.contents(of: url) else { return nil }
        if bytes.first == UInt8(ascii: "{") {
            guard let marker = try? JSONDecoder().decode(Marker.self, from: Data(bytes)), marker.format == markerFormat else { return [] }
            return marker.files.map { Substring($0) }
        }
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return [] }
        let written = info.st_mtim
        let base = root.path + "/"
        return String(decoding: bytes, as: UTF8.self).utf8.split(separator: UInt8(ascii: "\n")).map { Substring($0) }.filter { line in
            var file = stat()
            guard !escapes(line), lstat(base + line, &file) == 0, (file.st_mode & S_IFMT) == S_IFREG else { return false }
            return (file.st_mtim.tv_sec, file.st_mtim.tv_nsec) <= (written.tv_sec, written.tv_nsec)
        }
    }
}
