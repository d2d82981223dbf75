import Foundation
@testable import RunsiteBuild
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
            BuildCache.signature(of: unit, format: "wandb", options: ReaderOptions(), clockHorizon: horizon, clock: written + seconds)
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
}
