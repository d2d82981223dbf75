import Foundation
@testable import RunsiteBuild
import RunsiteCore
import RunsiteReaders
import Testing

/// A unit read by a reader that judges files by the clock (W&B: a run without an exit record is
/// running while its log is recent, else it crashed) is read again once a file stops being recent,
/// instead of keeping the cached "running" for ever.
@Suite struct ClockSignatureTests {
    @Test func aFileThatStopsBeingRecentChangesTheSignatureOnce() throws {
        let dir = TestSite.temporaryDirectory()
        let file = dir.appendingPathComponent("run-x.wandb")
        try Data("log".utf8).write(to: file)
        let written = 1_764_400_000.0
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: written)], ofItemAtPath: file.path)
        let unit = ReadUnit(claim: dir, item: dir)
        func signature(after seconds: Double, horizon: Double?) -> String {
            var options = ReaderOptions()
            options.clock = { written + seconds }
            return BuildCache.signature(of: unit, format: "wandb", options: options, clockHorizon: horizon)
        }
        #expect(signature(after: 60, horizon: 900) == signature(after: 899, horizon: 900), "recent both times")
        #expect(signature(after: 60, horizon: 900) != signature(after: 901, horizon: 900), "no longer recent: read again")
        #expect(signature(after: 901, horizon: 900) == signature(after: 86_400, horizon: 900), "stale stays stale")
        #expect(signature(after: 60, horizon: nil) == signature(after: 86_400, horizon: nil), "other readers ignore the clock")
    }

    @Test func onlyReadersThatJudgeByTheClockHaveAHorizon() {
        #expect(WandBReader().clockHorizon == 900.0)
        #expect(Readers.all.filter { $0.clockHorizon != nil }.map(\.format) == ["wandb"])
    }

    /// End to end: a W&B run cut before its exit record is running while its log is recent; an
    /// incremental rebuild after the log went stale, files unchanged, says it crashed.
    @Test func aCachedRunningWandBRunIsReadAgainOnceItsLogIsStale() throws {
        let parent = TestSite.temporaryDirectory()
        let input = parent.appendingPathComponent("input/wandb")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let folder = "offline-run-20261129_112736-rpy1ibii"
        try FileManager.default.copyItem(at: TestSite.fixtures.appendingPathComponent("wandb/wandb/" + folder),
                                        to: input.appendingPathComponent(folder))
        let log = input.appendingPathComponent(folder + "/run-rpy1ibii.wandb")
        try Data(try Data(contentsOf: log).prefix(8000)).write(to: log)   // no exit record
        let horizon = try #require(WandBReader().clockHorizon)
        let written = 1_764_400_000.0
        for file in FileManager.default.enumerator(atPath: input.path)!.compactMap({ $0 as? String }) {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: written)],
                                                  ofItemAtPath: input.appendingPathComponent(file).path)
        }
        let out = parent.appendingPathComponent("site")
        func status(after seconds: Double) throws -> String {
            var request = TestSite.request(inputs: [parent.appendingPathComponent("input")], output: out)
            request.readerOptions.clock = { written + seconds }
            try Pipeline.build(request, log: DiagnosticLog())
            let json = TestSite.text(out, "runs.json")
            return try #require(json.range(of: #""status": "[a-z]+""#, options: .regularExpression).map { String(json[$0]) })
        }
        #expect(try status(after: 60) == #""status": "running""#)
        #expect(try status(after: horizon + 1) == #""status": "failed""#, "read again, not reused as running")
    }
}
