import Foundation
@testable import RunsiteBuild
import RunsiteCore
import Testing

@Suite struct AtomicOutputTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    @Test func refusesANonEmptyFolderRunsiteDidNotWrite() throws {
        let out = TestSite.temporaryDirectory().appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: out.appendingPathComponent("thesis.tex"))
        #expect(throws: SiteWriter.Failure.self) {
            try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        }
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("thesis.tex").path) == Data("precious".utf8))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }

    @Test func rebuildReplacesTheSiteAndLeavesNoStagingFolders() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }

    @Test func filesAddedByHandToASiteAreKept() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        try Data("mine".utf8).write(to: out.appendingPathComponent("CNAME"))
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        let kept = parent.appendingPathComponent("site.kept/CNAME")
        #expect(FileManager.default.contents(atPath: kept.path) == Data("mine".utf8))
    }

    @Test func inputFilesAreNeverModified() throws {
        let before = TestSite.contents(of: basic)
        _ = try TestSite.build([basic])
        #expect(TestSite.contents(of: basic) == before)
    }
}

/// The byte-level path checks of the site writer.
@Suite struct SitePathCheckTests {
    @Test func escapingPathsAreThoseWithARootOrAParentComponent() {
        for path in ["/etc/passwd", "..", "../x", "a/../b", "a/..", "a/b/.."] { #expect(SiteWriter.escapes(path), "\(path)") }
        for path in ["a", "a/b.c", "model..pt", "..a/b", "a/b..", "a/.../b", "./a", "a//b", ""] { #expect(!SiteWriter.escapes(path), "\(path)") }
        // The same answer as splitting the path into components.
        for path in ["x/..y/z", "x/../z", "é/../ü", "a/b/c/d/.."] {
            #expect(SiteWriter.escapes(path) == (path.hasPrefix("/") || path.split(separator: "/").contains("..")), "\(path)")
        }
    }

    @Test func markerLinesWithTwoDotsAreFound() {
        #expect(SiteWriter.hasTwoDots("a/../b") && SiteWriter.hasTwoDots("model..pt") && SiteWriter.hasTwoDots(".."))
        #expect(!SiteWriter.hasTwoDots("a/.b/c.d") && !SiteWriter.hasTwoDots(""))
    }
}
