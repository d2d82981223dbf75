import Foundation
@testable import RunsiteBuild
import RunsiteCore
import Testing

/// The site marker names exactly the files runsite wrote, and removing them never reaches outside `--out`.
@Suite struct SiteMarkerTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    /// An old site whose marker lists a path through a link to another folder.
    private func siteWithLinkedVictim(marker: String) throws -> (parent: URL, out: URL, victim: URL) {
        let parent = TestSite.temporaryDirectory()
        let elsewhere = parent.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let victim = elsewhere.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        let out = parent.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("link").path, withDestinationPath: elsewhere.path)
        try Data(marker.utf8).write(to: out.appendingPathComponent(SiteWriter.markerName))
        return (parent, out, victim)
    }

    @Test func aJSONMarkerListingAPathThroughALinkDeletesNothingOutside() throws {
        let (_, out, victim) = try siteWithLinkedVictim(marker: #"{"files":["link/victim.txt"],"format":"runsite-site","version":2}"#)
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        #expect(FileManager.default.contents(atPath: victim.path) == Data("keep me".utf8))
    }

    @Test func aLineMarkerListingAPathThroughALinkDeletesNothingOutside() throws {
        let (_, out, victim) = try siteWithLinkedVictim(marker: "link/victim.txt\n")
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        #expect(FileManager.default.contents(atPath: victim.path) == Data("keep me".utf8))
    }

    @Test func aFileNameWithANewlineCannotListAnotherFile() throws {
        let parent = TestSite.temporaryDirectory()
        let input = parent.appendingPathComponent("input")
        try FileManager.default.copyItem(at: basic, to: input)
        try Data("x".utf8).write(to: input.appendingPathComponent("runs/a/artifacts/x\nHAND.txt"))
        let out = parent.appendingPathComponent("site")
        try Pipeline.build(TestSite.request(inputs: [input], output: out), log: DiagnosticLog())
        let marker = try #require(FileManager.default.contents(atPath: out.appendingPathComponent(SiteWriter.markerName).path))
        #expect(!String(decoding: marker, as: UTF8.self).contains("\nHAND.txt"))
        try Data("mine".utf8).write(to: out.appendingPathComponent("HAND.txt"))
        var request = TestSite.request(inputs: [input], output: out)
        request.incremental = false
        try Pipeline.build(request, log: DiagnosticLog())
        let kept = [out, parent.appendingPathComponent("site.kept")].map { $0.appendingPathComponent("HAND.txt").path }
        #expect(kept.contains { FileManager.default.contents(atPath: $0) == Data("mine".utf8) })
    }

    /// A line marker written by an older runsite: a line naming a file added after the marker is not trusted.
    @Test func aLineMarkerDoesNotCountFilesNewerThanItself() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let markerURL = out.appendingPathComponent(SiteWriter.markerName)
        try Data("index.html\nHAND.txt\n".utf8).write(to: markerURL)
        try Data("old".utf8).write(to: out.appendingPathComponent("index.html"))
        try Data("mine".utf8).write(to: out.appendingPathComponent("HAND.txt"))
        let past = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: out.appendingPathComponent("index.html").path)
        try FileManager.default.setAttributes([.modificationDate: past.addingTimeInterval(10)], ofItemAtPath: markerURL.path)
        let lines = try #require(SiteWriter.markerLines(of: out))
        #expect(lines == ["index.html"])
    }

    /// A site written by an older runsite (a line marker) is replaced whole by a rebuild.
    @Test func aSiteWithALineMarkerIsReplacedWithoutLeftovers() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        var request = TestSite.request(inputs: [basic], output: out)
        request.incremental = false
        try Pipeline.build(request, log: DiagnosticLog())
        let markerURL = out.appendingPathComponent(SiteWriter.markerName)
        let files = try #require(SiteWriter.markerLines(of: out)).map(String.init)
        try Data((files.joined(separator: "\n") + "\n").utf8).write(to: markerURL)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: markerURL.path)
        #expect(SiteWriter.markerLines(of: out)?.count == files.count)
        try Pipeline.build(request, log: DiagnosticLog())
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("site.kept").path))
    }

    @Test func theMarkerIsVersionedJSONListingSortedPaths() throws {
        let bytes = try SiteWriter.markerBytes(["b/c.html", "a\nb.txt"])
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"files":["a\nb.txt","b/c.html"],"format":"runsite-site","version":2}"# + "\n")
    }

    @Test func theMarkerIsWhatJSONEncoderWritesForAnyName() throws {
        let names = ["plain/path.html", "q\"uote", "back\\slash", "tab\tand\u{8}\u{c}\u{1}", "line\u{2028}sep", "é/ü/漢字", "a/b/../c"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for cache in [nil, "7f41dcfe8021167b"] as [String?] {
            var expected = try encoder.encode(SiteWriter.Marker(files: names.sorted(), cache: cache))
            expected.append(0x0A)
            #expect(try SiteWriter.markerBytes(names, cache: cache) == expected)
        }
    }

    @Test func removalNeverFollowsALinkAtAnyComponent() throws {
        let parent = TestSite.temporaryDirectory()
        let outside = parent.appendingPathComponent("outside/deep")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("v".utf8).write(to: outside.appendingPathComponent("v.txt"))
        let root = parent.appendingPathComponent("root/a")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("b").path, withDestinationPath: parent.appendingPathComponent("outside").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("f.txt").path, withDestinationPath: outside.appendingPathComponent("v.txt").path)
        SiteWriter.removeListedFiles(["a/b/deep/v.txt", "a/f.txt", "../outside/deep/v.txt", "/" + outside.path + "/v.txt"], under: parent.appendingPathComponent("root").path)
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("v.txt").path))
        #expect(!SiteWriter.removeEmptyFolder("a/b/deep", under: parent.appendingPathComponent("root").path))
        SiteWriter.removeTree(parent.appendingPathComponent("root").path)
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("v.txt").path))
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("root").path))
    }
}
