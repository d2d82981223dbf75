import Foundation
@testable import RunsiteBuild
import RunsiteCore
import RunsiteSite
import Testing

/// An output that is a mount point cannot be renamed: the site is built inside it and moved in file
/// by file. Tests cannot mount a file system, so they choose that path instead of detecting it.
@Suite struct MountPointOutputTests {
    private func writeInPlace(_ out: URL, _ files: [String: String], log: DiagnosticLog? = nil) throws {
        var writer = SiteWriter(output: out)
        writer.buildsInPlace = true
        let staging = try writer.stage()
        staging.log = log
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try staging.write(OutputFile(path, .text(text))) }
        try staging.commit()
    }

    @Test func aSiteBuiltInPlaceReplacesTheOldOneAndKeepsHandFiles() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("mnt")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("lost+found"), withIntermediateDirectories: true)
        try writeInPlace(out, ["index.html": "one", "p/a/index.html": "a", "p/b/index.html": "b"])
        try Data("mine".utf8).write(to: out.appendingPathComponent("CNAME"))
        try writeInPlace(out, ["index.html": "two", "p/a/index.html": "a2"])
        #expect(TestSite.text(out, "index.html") == "two")
        #expect(TestSite.text(out, "p/a/index.html") == "a2")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("p/b").path))
        #expect(TestSite.text(out, "CNAME") == "mine")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == [".runsite-site", "CNAME", "index.html", "lost+found", "p"])
        #expect(SiteWriter.markerLines(of: out) == ["index.html", "p/a/index.html"])
    }

    @Test func aHandFileInTheWayOfANewFileIsKeptBesideIt() throws {
        let out = TestSite.temporaryDirectory().appendingPathComponent("mnt")
        try writeInPlace(out, ["index.html": "one"])
        try Data("mine".utf8).write(to: out.appendingPathComponent("about.html"))
        let log = DiagnosticLog()
        try writeInPlace(out, ["index.html": "two", "about.html": "ours"], log: log)
        #expect(TestSite.text(out, "about.html") == "ours")
        #expect(TestSite.text(out, "about.html.kept") == "mine")
        // The diagnostic is at the file runsite wrote, with a note where the hand-written one went.
        let kept = try #require(log.sorted.first { $0.id == "output.kept-file" })
        #expect(kept.location?.file.hasSuffix("mnt/about.html") == true && kept.notes.first?.location?.file.hasSuffix("mnt/about.html.kept") == true,
                "\(kept.formatted)")
    }

    @Test func aFolderOnItsParentsDeviceIsNotAMountPoint() {
        #expect(!SiteWriter.isMountPoint(TestSite.temporaryDirectory()))
        #expect(SiteWriter.isMountPoint(URL(fileURLWithPath: "/")))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self"), "needs Linux /proc"))
    func procIsAMountPoint() {
        #expect(SiteWriter.isMountPoint(URL(fileURLWithPath: "/proc")))
    }
}
