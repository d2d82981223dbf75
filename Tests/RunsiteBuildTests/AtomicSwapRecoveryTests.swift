import Foundation
@testable import RunsiteBuild
import RunsiteCore
import RunsiteSite
import Testing

/// The swap leaves `--out` in place at every moment, and a build puts right what a killed build left.
@Suite struct AtomicSwapRecoveryTests {
    /// A process id no process has (past Linux's largest `pid_max`).
    let deadPID: Int32 = 2_147_000_000

    private func writeSite(_ out: URL, _ files: [String: String], exchange: Bool = true) throws {
        var writer = SiteWriter(output: out)
        writer.useExchange = exchange
        try writer.write(files.map { OutputFile($0.key, .text($0.value)) })
    }

    private func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasSuffix(".runsite-lock") }.sorted()
    }

    @Test(arguments: [true, false]) func aRebuildReplacesTheSiteWithEitherSwap(exchange: Bool) throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        try writeSite(out, ["index.html": "one", "old.html": "gone"], exchange: exchange)
        try writeSite(out, ["index.html": "two"], exchange: exchange)
        #expect(TestSite.text(out, "index.html") == "two")
        #expect(names(out) == [".runsite-site", "index.html"])
        #expect(names(parent) == ["site"])
    }

    @Test func anOldSiteLeftAsideWithNoOutputIsPutBack() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        try writeSite(out, ["index.html": "old"])
        let aside = parent.appendingPathComponent(SiteWriter.asideName("site", pid: deadPID))
        try FileManager.default.moveItem(at: out, to: aside)
        SiteWriter(output: out).recoverInterruptedBuilds()
        #expect(TestSite.text(out, "index.html") == "old")
        #expect(names(parent) == ["site"])
    }

    @Test func anOldSiteLeftAsideBesideANewOneIsRemovedKeepingHandFiles() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        try writeSite(out, ["index.html": "old"])
        try Data("mine".utf8).write(to: out.appendingPathComponent("CNAME"))
        let aside = parent.appendingPathComponent(SiteWriter.stagingName("site", pid: deadPID))
        try FileManager.default.moveItem(at: out, to: aside)
        try writeSite(out, ["index.html": "new"])
        #expect(TestSite.text(out, "index.html") == "new")
        #expect(!FileManager.default.fileExists(atPath: aside.path))
        #expect(TestSite.text(parent.appendingPathComponent("site.kept"), "CNAME") == "mine")
    }

    @Test func aStagingTreeOfADeadBuildIsRemoved() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        let stale = parent.appendingPathComponent(SiteWriter.stagingName("site", pid: deadPID))
        try FileManager.default.createDirectory(at: stale.appendingPathComponent("runs/a"), withIntermediateDirectories: true)
        try Data("\(deadPID)\n".utf8).write(to: stale.appendingPathComponent(SiteWriter.stagingSign))
        try Data(count: 4096).write(to: stale.appendingPathComponent("runs/a/model.pt"))
        try writeSite(out, ["index.html": "new"])
        #expect(names(parent) == ["site"])
    }

    @Test func foldersThatAreNotRunsitesOrNotDeadAreLeftAlone() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        let unsigned = parent.appendingPathComponent(SiteWriter.stagingName("site", pid: deadPID))
        let alive = parent.appendingPathComponent(SiteWriter.stagingName("site", pid: getppid()))
        let other = parent.appendingPathComponent(SiteWriter.stagingName("other", pid: deadPID))
        for folder in [unsigned, alive, other] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("file.txt"))
        }
        for folder in [alive, other] { try Data("1\n".utf8).write(to: folder.appendingPathComponent(SiteWriter.stagingSign)) }
        try writeSite(out, ["index.html": "new"])
        for folder in [unsigned, alive, other] { #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("file.txt").path)) }
    }

    @Test func onlyRunsitesOwnNamesForThisOutputAreLeftovers() {
        #expect(SiteWriter.leftover(".site.runsite-tmp-12", of: "site").map { $0.1 } == 12)
        #expect(SiteWriter.leftover(".site.runsite-old-7", of: "site").map { $0.1 } == 7)
        for name in [".site.runsite-tmp-", ".site.runsite-tmp-1x", ".site2.runsite-tmp-3", "site.runsite-tmp-3", ".site.runsite-tmp--3"] {
            #expect(SiteWriter.leftover(name, of: "site") == nil, "\(name)")
        }
    }

    @Test func anInterruptedBuildsCleanupRemovesItsStagingTree() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        let area = try SiteWriter(output: out).stage()
        try area.write(OutputFile("index.html", .text("half")))
        // Only this build's area: the public `cleanUp()` would abandon the builds of other tests too.
        #expect(BuildInterruption.registered.contains { $0 === area })
        BuildInterruption.remove([area])
        #expect(!BuildInterruption.registered.contains { $0 === area })
        #expect(names(parent) == [])
        _ = try SiteWriter(output: out).stage()   // the lock was let go
    }
}
