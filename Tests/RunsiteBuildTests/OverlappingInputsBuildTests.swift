import Foundation
import RunsiteCore
import RunsiteReaders
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

    /// Copies of `basic` at `paths` below a fresh folder.
    func copies(_ paths: [String]) throws -> [URL] {
        let root = TestSite.temporaryDirectory()
        return try paths.map { path in
            let copy = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: basic, to: copy)
            return copy
        }
    }

    func runIDs(_ site: URL) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("runs.json"))) as? [String: Any]
        return (json?["runs"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }.sorted()
    }

    @Test func inputsHoldingRunsAtTheSamePathsGetRunIDsQualifiedByTheirFolders() throws {
        let two = try copies(["a", "b"])
        let (site, log) = try TestSite.build(two)
        #expect(try runIDs(site) == ["a/runs/a", "a/runs/b", "a/runs/c", "b/runs/a", "b/runs/b", "b/runs/c"])
        let warned = log.sorted.filter { $0.id == "input.same-run-paths" }
        #expect(warned.map { $0.location?.file ?? "" }.sorted() == two.map { FilePaths.display($0) }.sorted(), "\(log.sorted.map(\.formatted))")
        #expect(warned.allSatisfy { $0.notes.count == 1 })

        // Folders of one name are told apart by the folder above them; an input alone keeps its ids.
        let named = try copies(["x/runs", "y/runs"])
        #expect(try runIDs(TestSite.build(named).site).filter { $0.hasSuffix("/a") } == ["x/runs/runs/a", "y/runs/runs/a"])
        #expect(try runIDs(TestSite.build([two[0]]).site) == ["runs/a", "runs/b", "runs/c"])
    }

    @Test func theWatcherWatchesEachFolderOnce() throws {
        let folders = InputWatcher(inputs: [basic], excluding: [], polling: true).folders()
        let nested = InputWatcher(inputs: [basic.appendingPathComponent("runs"), basic, try link()], excluding: [], polling: true).folders()
        #expect(nested == folders)
    }
}
