import Foundation
@testable import RunsiteBuild
import RunsiteCore
import Testing

/// The build cache lives outside the published site, and nothing published names the building machine's paths.
@Suite struct CacheLocationTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    /// Every fixture format, copied so that the input's path is one no other file names.
    @Test func noPublishedFileHoldsAnAbsolutePathOfTheBuildingMachine() throws {
        let parent = TestSite.temporaryDirectory()
        let input = parent.appendingPathComponent("input")
        try FileManager.default.copyItem(at: TestSite.fixtures, to: input)
        let out = parent.appendingPathComponent("site")
        let cache = parent.appendingPathComponent("cache")
        var request = TestSite.request(inputs: [input], output: out)
        request.cacheDirectory = cache
        try Pipeline.build(request, log: DiagnosticLog())
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("index.json").path))
        let site = TestSite.contents(of: out)
        #expect(!site.keys.contains { $0.hasPrefix(".runsite-cache") })
        for (path, data) in site {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(input.path) && !text.contains(cache.path) && !text.contains(parent.path), "\(path) names a path of this machine")
        }
        let manifest = try #require(site["manifest.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let paths = Self.strings(json, key: "path")
        #expect(!paths.isEmpty && paths.allSatisfy { !$0.hasPrefix("/") })
    }

    @Test func aSiteBuiltFromDigestsNamesNoPathOfTheMachine() throws {
        let parent = TestSite.temporaryDirectory()
        let digests = parent.appendingPathComponent("digests")
        try DigestStore.write(try Pipeline.readProjects([basic], format: nil, options: .init(), log: DiagnosticLog()), to: digests)
        let out = parent.appendingPathComponent("site")
        var request = TestSite.request(inputs: [], output: out)
        request.digests = [digests]
        try Pipeline.build(request, log: DiagnosticLog())
        for (path, data) in TestSite.contents(of: out) {
            #expect(!String(decoding: data, as: UTF8.self).contains(parent.path), "\(path) names a path of this machine")
        }
        #expect(TestSite.text(out, "manifest.json").contains("\"digests/"))
    }

    /// Every string value under `key` anywhere in a JSON tree.
    static func strings(_ value: Any, key: String) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { entry in (entry.key == key ? [entry.value as? String].compactMap { $0 } : []) + strings(entry.value, key: key) }
        }
        if let array = value as? [Any] { return array.flatMap { strings($0, key: key) } }
        return []
    }

    @Test func aCacheLeftInsideAnOldSiteIsRemovedWithIt() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        let legacy = out.appendingPathComponent(".runsite-cache/digests")
        try FileManager.default.createDirectory(at: legacy, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: out.appendingPathComponent(".runsite-cache/index.json"))
        try Data("d".utf8).write(to: legacy.appendingPathComponent("a-1.digest"))
        try Data("old".utf8).write(to: out.appendingPathComponent("index.html"))
        try Data(SiteWriter.markerBytes([".runsite-cache/index.json", ".runsite-cache/digests/a-1.digest", "index.html"])).write(to: out.appendingPathComponent(SiteWriter.markerName))
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".runsite-cache").path))
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("site.kept").path))
    }

    @Test func theDefaultFolderFollowsXDGAndDiffersPerOutput() {
        let a = CacheLocation.folder(for: URL(fileURLWithPath: "/w/a/site"), environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
        let b = CacheLocation.folder(for: URL(fileURLWithPath: "/w/b/site"), environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
        #expect(a.path.hasPrefix("/c/runsite/site-") && a != b)
        let home = CacheLocation.folder(for: URL(fileURLWithPath: "/w/a/site"), environment: ["HOME": "/h"])
        #expect(home.path.hasPrefix("/h/.cache/runsite/site-"))
        #expect(CacheLocation.folder(for: URL(fileURLWithPath: "/w/a/site"), environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == home)
    }

    /// A cache not committed after its site (or another site's) reuses no page of the site.
    @Test func aCacheThatDoesNotMatchTheSiteReusesNoPage() throws {
        let parent = TestSite.temporaryDirectory()
        let input = parent.appendingPathComponent("input")
        try FileManager.default.copyItem(at: basic, to: input)
        let out = parent.appendingPathComponent("site")
        let request = TestSite.request(inputs: [input], output: out)
        try Pipeline.build(request, log: DiagnosticLog())
        let index = TestSite.cacheFolder(for: out).appendingPathComponent("index.json")
        var bytes = try Data(contentsOf: index)
        bytes.append(0x20)
        try bytes.write(to: index)
        let report = try Pipeline.build(request, log: DiagnosticLog())
        #expect(report.reusedPages == 0 && report.reusedRuns > 0)
    }
}
