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
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".site.runsite-lock", "site"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }

    @Test func filesAddedByHandToASiteAreKept() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        try Data("mine".utf8).write(to: out.appendingPathComponent("CNAME"))
        let log = DiagnosticLog()
        try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: log)
        let kept = parent.appendingPathComponent("site.kept/CNAME")
        #expect(FileManager.default.contents(atPath: kept.path) == Data("mine".utf8))
        // Said through the build's log, which the command line prints, never written to stderr by the library.
        #expect(log.sorted.contains { $0.id == "output.kept-files" && $0.location?.file.hasSuffix("site.kept") == true })
    }

    /// A file runsite wrote whose name has two dots in a row (`weights..v2.pt`) is its own: a
    /// rebuild replaces it and keeps nothing aside (it was once taken for a path escaping the site).
    @Test func rebuildRemovesItsOwnFilesWithTwoDotsInTheirNames() throws {
        let parent = TestSite.temporaryDirectory()
        let input = parent.appendingPathComponent("input")
        try FileManager.default.copyItem(at: basic, to: input)
        let artifacts = input.appendingPathComponent("runs/a/artifacts")
        try Data("w".utf8).write(to: artifacts.appendingPathComponent("weights..v2.pt"))
        let out = parent.appendingPathComponent("site")
        try Pipeline.build(TestSite.request(inputs: [input], output: out), log: DiagnosticLog())
        let written = try #require(TestSite.contents(of: out).keys.first { $0.hasSuffix("weights..v2.pt") })
        try FileManager.default.removeItem(at: artifacts.appendingPathComponent("weights..v2.pt"))
        var request = TestSite.request(inputs: [input], output: out)
        request.incremental = false
        try Pipeline.build(request, log: DiagnosticLog())
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".site.runsite-lock", "input", "site"], "nothing kept aside")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(written).path))
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

    @Test func substringsAreCheckedLikeStrings() {
        let marker = "a/../b\nmodel..pt\n/etc/x\nruns/a/weights..v2.pt"
        let lines = marker.split(separator: "\n")
        #expect(lines.map { SiteWriter.escapes($0) } == [true, false, true, false])
        #expect(lines.map { SiteWriter.escapes($0) } == lines.map { SiteWriter.escapes(String($0)) })
    }
}

/// `--max-site-size`: the build reports its site's size, and one over the budget fails and keeps the old site.
@Suite struct SiteSizeTests {
    @Test func aSiteOverItsBudgetFailsAndKeepsTheOldOne() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let report = try Pipeline.build(TestSite.request(inputs: [basic], output: out), log: DiagnosticLog())
        let files = TestSite.contents(of: out).filter { $0.key != ".runsite-site" }
        #expect(report.siteSize.bytes == Int64(files.values.reduce(0) { $0 + $1.count }), "every published file counted")
        let before = TestSite.contents(of: out)
        var request = TestSite.request(inputs: [basic], output: out)
        request.maxSiteBytes = report.siteSize.bytes / 2
        #expect(throws: Pipeline.Failure.self) { try Pipeline.build(request, log: DiagnosticLog()) }
        do { try Pipeline.build(request, log: DiagnosticLog()) } catch {
            // The fixture's project and the site's assets (script and stylesheet) are about the same size.
            #expect("\(error)".contains("over --max-site-size") && "\(error)".contains("Biggest folders: ") && "\(error)".contains(" basic/ "), "\(error)")
        }
        #expect(TestSite.contents(of: out) == before, "the old site is kept")
    }

    @Test func sizesParseAndPrintInPowersOfAThousand() {
        #expect(SiteSize.parse("150M") == 150_000_000 && SiteSize.parse("1.5G") == 1_500_000_000 && SiteSize.parse("600 MB") == 600_000_000)
        #expect(SiteSize.parse("2000") == 2000 && SiteSize.parse("-1") == nil && SiteSize.parse("big") == nil)
        #expect(SiteSize.text(1_330_000_000) == "1.33 GB" && SiteSize.text(150_000_000) == "150 MB" && SiteSize.text(999) == "999 B")
    }
}
