import Foundation
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders
import Testing

/// `wandb/latest-run` as a real folder (a copy of the newest run, perhaps taken mid-write).
@Suite("W&B latest-run copies")
struct WandBRunCopyTests {
    let folder = "wandb/offline-run-20261129_101010-abcd1234"

    func log() -> WandBWrite {
        var w = WandBWrite()
        w.append(WandBWrite.run(id: "abcd1234", project: "synth", name: "copied"))
        for s in 0..<4 { w.append(WandBWrite.history(step: Int64(s), [("loss", "\(Double(s) / 4)")])) }
        w.append(WandBWrite.exit(code: 0))
        return w
    }

    @Test func truncatedCopyIsReportedAndNotCountedTwice() throws {
        let w = log()
        let dir = try TempDir()
        try dir.write("\(folder)/run-abcd1234.wandb", w.bytes)
        // The copy ends 3 bytes into the fourth history row.
        let cut = w.recordOffsets[4]
        try dir.write("wandb/latest-run/run-abcd1234.wandb", Array(w.bytes[..<(cut + 3)]))
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        #expect(runs.map(\.id.path) == [folder])
        #expect(runs.first?.metric("loss")?.count == 4)
        #expect(runs.first?.status == .finished)
        let warnings = log.sorted.filter { $0.severity == .warning }
        #expect(warnings.map(\.id) == ["reader.wandb.truncated-record"])
        #expect(warnings.first?.location?.byteOffset == cut)
        #expect(warnings.first?.location?.file.hasSuffix("latest-run/run-abcd1234.wandb") == true)
        let copy = try #require(log.sorted.first { $0.id == "reader.wandb.run-copy" })
        #expect(copy.severity == .note)
        // The run folder it copies is a note of its own, at that folder.
        #expect(copy.notes.count == 1 && copy.notes.first?.location?.file.hasSuffix(folder) == true, "\(copy.formatted)")
    }

    @Test func symlinkedLatestRunIsQuiet() throws {
        let dir = try TempDir()
        try dir.write("\(folder)/run-abcd1234.wandb", log().bytes)
        try FileManager.default.createSymbolicLink(atPath: dir.url.appendingPathComponent("wandb/latest-run").path,
                                                   withDestinationPath: "offline-run-20261129_101010-abcd1234")
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        #expect(runs.map(\.id.path) == [folder])
        #expect(log.count == 0, "\(log.sorted.map(\.formatted))")
    }

    /// A `latest-run/` whose run folder is gone is the only copy of that run: it is read.
    @Test func lastCopyOfARunIsRead() throws {
        let dir = try TempDir()
        try dir.write("wandb/offline-run-20261129_090909-other123/run-other123.wandb", log().bytes)
        try dir.write("wandb/latest-run/run-abcd1234.wandb", log().bytes)
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        #expect(runs.map(\.id) == ["wandb/latest-run", "wandb/offline-run-20261129_090909-other123"])
        #expect(log.count == 0, "\(log.sorted.map(\.formatted))")
    }
}
