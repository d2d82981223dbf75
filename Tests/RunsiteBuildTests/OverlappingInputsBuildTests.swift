import Foundation
import RunsiteCore
import Testing
@testable import RunsiteBuild

/// Every command reads an input that another input holds once: `build` (and each build of
/// `watch`), `digest` with or without `--only`, and the watcher watches each folder once.
@Suite struct OverlappingInputsBuildTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    /// A symlink to `basic` in a fresh folder.
    func link() throws -> URL {
        let link = TestSite.temporaryDirectory().appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: basic)
        return link
    }

    func overlaps(_ log: DiagnosticLog) -> [Diagnostic] { log.sorted.filter { $0.id == "input.overlap" } }

    @Test func aBuildOfRepeatedOrNestedInputsIsTheBuildOfTheOuterOne() throws {
        let single = TestSite.pages(of: try TestSite.build([basic]).site)
        for extra in [basic, basic.appendingPathComponent("runs"), try link()] {
            let (site, log) = try TestSite.build([basic, extra])
            #expect(TestSite.pages(of: site) == single, "\(extra.path)")
            #expect(overlaps(log).count == 1 && overlaps(log).first?.notes.count == 1, "\(log.sorted.map(\.formatted))")
        }
    }

    @Test func digestsOfRepeatedInputsAreWrittenOnceAndOnlyPicksOneCopy() throws {
        for extra in [basic, basic.appendingPathComponent("runs"), try link()] {
            let out = TestSite.temporaryDirectory().appendingPathComponent("digests")
            let log = DiagnosticLog()
            #expect(try DigestRequest(read: ReadRequest(inputs: [extra, basic]), output: out).run(log: log) == 3, "\(extra.path)")
            #expect(overlaps(log).count == 1)

            let one = TestSite.temporaryDirectory().appendingPathComponent("digests")
            var request = DigestRequest(read: ReadRequest(inputs: [basic, extra]), output: one)
            request.only = [extra.appendingPathComponent(extra == basic ? "runs/a" : extra.lastPathComponent == "runs" ? "a" : "runs/a")]
            #expect(try request.run(log: DiagnosticLog()) == 1, "\(extra.path)")
        }
    }

    @Test func theWatcherWatchesEachFolderOnce() throws {
        let folders = InputWatcher(inputs: [basic], excluding: [], polling: true).folders()
        let nested = InputWatcher(inputs: [basic.appendingPathComponent("runs"), basic, try link()], excluding: [], polling: true).folders()
        #expect(nested == folders)
    }
}
