import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteTestSupport

/// A site built from an input tree written out in the test: every file of the site, relative path
/// → bytes, and the build's diagnostics.
struct TreeSite {
    var files: [String: Data]
    var log: DiagnosticLog

    /// Builds `tree` (relative path → file text) with the standard templates. The input and the
    /// output are written to a temporary folder, which is removed once the files are read.
    init(_ tree: [String: String], configure: (inout BuildRequest) -> Void = { _ in }) throws {
        let root = TestSite.temporaryDirectory("runsite-tree")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("input"), site = root.appendingPathComponent("site")
        try FileTree.write(tree, under: input)
        var request = TestSite.request(inputs: [input], output: site)
        request.cacheDirectory = root.appendingPathComponent("cache")
        configure(&request)
        log = DiagnosticLog()
        try Pipeline.build(request, log: log)
        files = TestSite.contents(of: site)
    }

    /// A published file as text; nil where the site has no such file.
    subscript(path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }
}
