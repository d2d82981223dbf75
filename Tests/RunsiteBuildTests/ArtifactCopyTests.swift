import Foundation
@testable import RunsiteBuild
import RunsiteCore
import RunsiteReaders
import RunsiteSite
import Testing

/// Run files reach the site as regular files copied from one opened descriptor, only from inside
/// the inputs, within their size limit and with the bytes the page's checksum names.
@Suite struct ArtifactCopyTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    /// A staging area confined to `input`, with its log.
    private func staging(confinedTo input: URL) throws -> (SiteWriter.StagingArea, DiagnosticLog, URL) {
        let parent = TestSite.temporaryDirectory()
        let area = try SiteWriter(output: parent.appendingPathComponent("site")).stage()
        let log = DiagnosticLog()
        area.log = log
        area.confinement = [try #require(FilePaths.realPath(nil, path: input.path))]
        return (area, log, parent)
    }

    private func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    @Test func aLinkToAFileInsideTheRunIsCopiedAsThatFile() throws {
        let parent = TestSite.temporaryDirectory()
        let input = parent.appendingPathComponent("input")
        try FileManager.default.copyItem(at: basic, to: input)
        let artifacts = input.appendingPathComponent("runs/a/artifacts")
        try FileManager.default.createSymbolicLink(atPath: artifacts.appendingPathComponent("latest.csv").path, withDestinationPath: "50% done?.csv")
        let out = parent.appendingPathComponent("site")
        try Pipeline.build(TestSite.request(inputs: [input], output: out), log: DiagnosticLog())
        let copy = try #require(TestSite.contents(of: out).keys.first { $0.hasSuffix("latest.csv") })
        #expect(isRegularFile(out.appendingPathComponent(copy).path))
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent(copy).path) == FileManager.default.contents(atPath: artifacts.appendingPathComponent("50% done?.csv").path))
    }

    /// A file swapped for a link to a file outside the input after the scan is not copied.
    @Test func aLinkLeavingTheInputIsNotCopied() throws {
        let input = TestSite.temporaryDirectory()
        let secret = TestSite.temporaryDirectory().appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("ckpt.txt").path, withDestinationPath: secret.path)
        let (area, log, _) = try staging(confinedTo: input)
        try area.write(OutputFile("files/ckpt.txt", .copy(input.appendingPathComponent("ckpt.txt").path)))
        #expect(!FileManager.default.fileExists(atPath: area.url("files/ckpt.txt").path))
        #expect(log.sorted.map(\.id) == ["output.copy-outside-input"])
        #expect(area.count == 0)
    }

    @Test func aFileLargerThanItsLimitIsNotCopied() throws {
        let input = TestSite.temporaryDirectory()
        try Data("0123456789".utf8).write(to: input.appendingPathComponent("big.bin"))
        let (area, log, _) = try staging(confinedTo: input)
        var file = OutputFile("files/big.bin", .copy(input.appendingPathComponent("big.bin").path))
        file.maxBytes = 4
        try area.write(file)
        #expect(!FileManager.default.fileExists(atPath: area.url("files/big.bin").path))
        #expect(log.sorted.map(\.id) == ["output.copy-too-large"])
    }

    @Test func bytesThatChangedSinceTheScanAreNotServed() throws {
        let input = TestSite.temporaryDirectory()
        try Data("now".utf8).write(to: input.appendingPathComponent("a.txt"))
        let (area, log, _) = try staging(confinedTo: input)
        var file = OutputFile("files/a.txt", .copy(input.appendingPathComponent("a.txt").path))
        file.sha256 = String(repeating: "0", count: 64)
        try area.write(file)
        #expect(!FileManager.default.fileExists(atPath: area.url("files/a.txt").path))
        #expect(log.sorted.map(\.id) == ["output.copy-failed"])
    }

    @Test func theCopyMatchesTheChecksumItWasScannedWith() throws {
        let input = TestSite.temporaryDirectory()
        try Data("now".utf8).write(to: input.appendingPathComponent("a.txt"))
        let (area, log, _) = try staging(confinedTo: input)
        var file = OutputFile("files/a.txt", .copy(input.appendingPathComponent("a.txt").path))
        file.sha256 = ArtifactScannerHash.of("now")
        try area.write(file)
        #expect(FileManager.default.contents(atPath: area.url("files/a.txt").path) == Data("now".utf8))
        #expect(log.sorted.isEmpty)
    }

    /// A file deleted during the build, or a folder where a file was, is a warning, not a failed build.
    @Test func aVanishedFileOrAFolderIsAWarning() throws {
        let input = TestSite.temporaryDirectory()
        try FileManager.default.createDirectory(at: input.appendingPathComponent("dir.pt"), withIntermediateDirectories: true)
        let (area, log, _) = try staging(confinedTo: input)
        try area.write(OutputFile("files/gone.pt", .copy(input.appendingPathComponent("gone.pt").path)))
        try area.write(OutputFile("files/dir.pt", .copy(input.appendingPathComponent("dir.pt").path)))
        #expect(log.sorted.map(\.id).sorted() == ["output.copy-not-a-file", "output.copy-unreadable"])
        #expect(area.count == 0)
    }

    @Test func anArtifactDeletedWhileBuildingLeavesABuiltSite() throws {
        let parent = TestSite.temporaryDirectory()
        let input = parent.appendingPathComponent("input")
        try FileManager.default.copyItem(at: basic, to: input)
        let log = DiagnosticLog()
        let projects = try Pipeline.readProjects([input], format: nil, options: .init(), log: log)
        try FileManager.default.removeItem(at: input.appendingPathComponent("runs/a/artifacts/50% done?.csv"))
        let digests = parent.appendingPathComponent("digests")
        try DigestStore.write(projects, to: digests)
        var request = TestSite.request(inputs: [], output: parent.appendingPathComponent("site"))
        request.digests = [digests]
        try Pipeline.build(request, log: log)
        #expect(log.sorted.contains { $0.id == "output.copy-unreadable" })
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("site/index.html").path))
    }
}

import Crypto
enum ArtifactScannerHash {
    static func of(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
