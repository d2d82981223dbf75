import Foundation
import RunsiteReaders
import RunsiteSite

/// Which file of a site folder answers an HTTP path, for `runsite serve`: a regular file at or
/// below the folder, reached without `..`, hidden names or links that lead out of it; a folder
/// answers with its `index.html`.
struct SiteFiles: Sendable {
    /// The site folder, with every link in its path resolved.
    let root: String

    init?(root: URL) {
        guard let real = FilePaths.realPath(nil, path: root.path) else { return nil }
        self.root = real
    }

    enum Answer: Equatable {
        case file(URL)
        /// A folder named without its trailing `/`: its page's relative links need the slash.
        case redirect(String)
        case notFound
    }

    /// What answers `path` (as the request names it, percent-encoded).
    func answer(for path: String) -> Answer {
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return .notFound }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.allSatisfy({ !$0.hasPrefix(".") }) else { return .notFound }
        var candidate = parts.reduce(root) { $0 + "/" + $1 }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") else { return .redirect(path + "/") }
            candidate += "/index.html"
        }
        guard let real = FilePaths.realPath(nil, path: candidate), real.hasPrefix(root + "/"),
              let kind = try? FileManager.default.attributesOfItem(atPath: real)[.type] as? FileAttributeType, kind == .typeRegular
        else { return .notFound }
        return .file(URL(fileURLWithPath: real))
    }

    /// The `Content-Type` of a site file, by its extension.
    static func contentType(of name: String) -> String {
        MediaType.of(name) ?? "application/octet-stream"
    }
}
