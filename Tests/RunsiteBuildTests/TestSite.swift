import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteTestSupport

/// Builds fixture sites into temporary folders for end-to-end tests.
enum TestSite {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    static func temporaryDirectory(_ name: String = "runsite-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func request(inputs: [URL], output: URL) -> BuildRequest {
        var request = BuildRequest(inputs: inputs, output: output, resourceRoot: packageRoot)
        request.siteOptions.buildTime = 1_764_400_000
        request.cacheDirectory = cacheFolder(for: output)
        return request
    }

    /// Builds `inputs` into a fresh folder; returns the site folder and the diagnostics.
    static func build(_ inputs: [URL], configure: (inout BuildRequest) -> Void = { _ in }) throws -> (site: URL, log: DiagnosticLog) {
        let site = temporaryDirectory().appendingPathComponent("site")
        var request = request(inputs: inputs, output: site)
        configure(&request)
        let log = DiagnosticLog()
        try Pipeline.build(request, log: log)
        return (site, log)
    }

    /// The cache folder of a test build's output: under the temporary folder, one per output.
    static func cacheFolder(for output: URL) -> URL {
        CacheLocation.folder(for: output, environment: ["XDG_CACHE_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("runsite-test-cache").path])
    }

    /// Every file of a site, relative path → bytes.
    static func contents(of site: URL) -> [String: Data] { FileTree.read(site) }

    /// The published pages and files only: without the marker that lists the
    /// files, and `manifest.json` (whose sources are the input files in a direct build, the digests otherwise).
    static func pages(of site: URL) -> [String: Data] {
        contents(of: site).filter { $0.key != ".runsite-site" && $0.key != "manifest.json" }
    }

    /// Writes run `index` of a synthetic runsite-format project under `root`: `run-NNN/runsite.json`
    /// (status finished, plus `meta` fields) and `metrics.csv` with a header and `rows` lines.
    @discardableResult
    static func writeRun(in root: URL, _ index: Int, meta: String = "", header: String, rows: [String]) throws -> URL {
        let run = root.appendingPathComponent(String(format: "run-%03d", index))
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("{\"status\": \"finished\"\(meta.isEmpty ? "" : ", " + meta)}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        try Data((([header] + rows).joined(separator: "\n") + "\n").utf8).write(to: run.appendingPathComponent("metrics.csv"))
        return run
    }

    /// The modules of `assets/js/`, in the order the build joins them.
    static var scriptModules: [URL] {
        let folder = packageRoot.appendingPathComponent("assets/js")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".js") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// The `assets/runsite.js` a build ships: the modules joined.
    static var script: String {
        var modules: [String: [UInt8]] = [:]
        for url in scriptModules { modules[url.lastPathComponent] = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? [] }
        return String(decoding: ScriptModules.join(modules), as: UTF8.self)
    }

    static func text(_ site: URL, _ path: String) -> String {
        (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }
}
