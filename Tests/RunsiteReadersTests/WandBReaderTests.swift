import Foundation
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders
import Testing

@Suite("W&B reader")
struct WandBReaderTests {
    // MARK: Fidelity with wandb's own DataStore reader and protobufs

    @Test func fixturesMatchWandbDataStore() {
        let input = BinarySummaryComparison.fixture("wandb")
        let (runs, log) = BinarySummaryComparison.read(input)
        let problems = BinarySummaryComparison.mismatches(runs, expected: input.appendingPathComponent("expected-summary.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(runs.count == 3)
        #expect(log.count(of: .warning) == 0, "\(log.sorted.map(\.formatted))")
    }
}

extension WandBReaderTests {
    @Test func fixtureRunDetails() throws {
        let (runs, _) = BinarySummaryComparison.read(BinarySummaryComparison.fixture("wandb"))
        let run = try #require(runs.first { $0.name == "mobilenet-adam-steps" })
        #expect(run.project == "toy-vision")
        #expect(run.group == "mobile")
        #expect(run.notes == "toy run mobilenet-adam-steps")
        #expect(run.labels["run_id"] == "rpy1ibii" && run.labels["job_type"] == "train")
        #expect(run.start == 1_795_951_656.214234)  // 2026-11-29T11:27:36.214234Z
        #expect(run.status == .finished)
        // Explicit `step=s*10`: steps are 0, 10, …, 240.
        #expect(run.metric("train/loss")?.steps.last == 240)
        #expect(run.metric("train/loss")?.times.first == 1.7959516562822783e+09)
        #expect(run.params["model.width"] == .double(0.75))
        #expect(run.params["_wandb.visualize.conf_mat.panel_type"] == nil)
        // The image logged from history, with its row's step.
        #expect(run.images.count == 1)
        #expect(run.images.first?.name == "media/images/examples_240_70fea12aa8a61e3161ce.png")
        #expect(run.images.first?.step == 240)
        // wandb.plot.confusion_matrix → a 3×3 matrix over 50 predictions.
        let matrix = try #require(run.confusionMatrices.first)
        #expect(matrix.name == "conf_mat")
        #expect(matrix.labels == ["cat", "dog", "bird"])
        #expect(matrix.counts.flatMap { $0 }.reduce(0, +) == 50)
        #expect(matrix.step == 241)
        #expect(run.artifacts.contains { $0.path == "requirements.txt" })
    }

    // MARK: Synthesised logs

    /// A run folder under `wandb/` holding `log`; returns the log's URL.
    @discardableResult
    func writeRun(_ dir: TempDir, _ log: [UInt8], folder: String = "offline-run-20261129_101010-abcd1234") throws -> URL {
        try dir.write("wandb/\(folder)/run-abcd1234.wandb", log)
    }

    /// run record, then `rows` history rows, each padded with a 5000-byte record so that they spread
    /// over several 32 KiB blocks, then an exit record.
    func manyBlocks(rows: Int = 30, exitCode: Int64 = 0) -> WandBWrite {
        var w = WandBWrite()
        w.append(WandBWrite.run(id: "abcd1234", project: "synth", name: "many", tags: ["x"],
                                config: [("lr", "0.1"), ("opt", "{\"name\": \"adam\", \"betas\": [0.9, 0.99]}")]))
        for s in 0..<rows {
            w.append(WandBWrite.history(step: Int64(s), [("loss", s == 3 ? "NaN" : "\(Double(s) / 10)"), ("nested|a", "\(s)")]))
            w.append(WandBWrite.filler(size: 5000))
        }
        w.append(WandBWrite.exit(code: exitCode))
        return w
    }

    @Test func recordsSpanningBlocks() throws {
        var w = manyBlocks(rows: 3)
        // One history row of ~100 KB: FIRST, MIDDLE, MIDDLE, LAST chunks.
        let big = String(repeating: "z", count: 100_000)
        w.append(WandBWrite.history(step: 3, [("loss", "7.5"), ("caption", "\"\(big)\"")]))
        let dir = try TempDir()
        try writeRun(dir, w.bytes)
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        let run = try #require(runs.first)
        #expect(log.count == 0, "\(log.sorted.map(\.formatted))")
        #expect(run.project == "synth" && run.name == "many" && run.tags == ["x"])
        #expect(run.params["lr"] == .double(0.1) && run.params["opt.name"] == .string("adam"))
        #expect(run.params["opt.betas"] == .string("[0.9,0.99]"))
        #expect(run.metric("loss")?.steps == [0, 1, 2, 3])
        #expect(run.metric("loss")?.values.last == 7.5)
        #expect(run.metric("nested.a")?.values == [0, 1, 2])
        #expect(run.metric("caption") == nil)
        #expect(run.status == .finished)
    }

    @Test func corruptBlockLosesOnlyThatBlock() throws {
        var w = manyBlocks()
        let dir = try TempDir()
        // Damage a byte inside block 1 (offsets 32768..<65536).
        w.bytes[WandBWrite.block + 20_000] ^= 0xFF
        let file = try writeRun(dir, w.bytes)
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        let run = try #require(runs.first)
        let warnings = log.sorted.filter { $0.severity == .warning }
        #expect(warnings.map(\.id) == ["reader.wandb.bad-checksum"])
        let offset = try #require(warnings.first?.location?.byteOffset)
        #expect(offset >= WandBWrite.block && offset < 2 * WandBWrite.block)
        #expect(warnings.first?.location?.file.hasSuffix(file.lastPathComponent) == true)
        let steps = run.metric("loss")?.steps ?? []
        // Rows of blocks 0 and 2+ survive; rows whose records sat after the damage in block 1 are lost.
        #expect(steps.first == 0 && steps.last == 29)
        #expect(steps.count < 30 && steps.count >= 24)
        #expect(run.metric("loss")?.values[3].isNaN == true)
        #expect(run.status == .finished)
    }

    @Test func truncatedLogKeepsWhatWasWritten() throws {
        let w = manyBlocks()
        let cut = w.recordOffsets[20] + 100  // inside a record in the middle of the file
        let dir = try TempDir()
        let file = try writeRun(dir, Array(w.bytes[0..<cut]))
        let written = 1_764_400_000.0
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: written)], ofItemAtPath: file.path)
        var options = ReaderOptions()
        options.clock = { written + 60 }
        let (runs, log) = SummaryComparison.read(dir.url, options: options)
        let run = try #require(runs.first)
        let warnings = log.sorted.filter { $0.severity == .warning }
        #expect(warnings.map(\.id) == ["reader.wandb.truncated-record"])
        #expect(warnings.first?.location?.byteOffset == w.recordOffsets[20])
        #expect(run.metric("loss")?.count == 10)  // records 1, 3, …, 19 are the rows 0…9
        #expect(run.status == .running)  // no exit record, log written a minute ago
    }

    @Test func stillRunningIsJudgedAgainstTheGivenNowNotTheClock() throws {
        // Without an exit record a run is running while its log is fresh, else it crashed. That
        // judgment must follow ReaderOptions.now (SOURCE_DATE_EPOCH), or two builds of the same
        // input minutes apart differ.
        let w = manyBlocks()
        let dir = try TempDir()
        let log = try writeRun(dir, Array(w.bytes[0..<(w.recordOffsets[20] + 100)]))
        let written = 1_764_400_000.0
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: written)], ofItemAtPath: log.path)
        func status(now: Double?, clock: Double) -> RunStatus? {
            var options = ReaderOptions()
            options.now = now
            options.clock = { clock }
            return Discovery(readers: Readers.all).readProjects(in: [dir.url], options: options, log: DiagnosticLog())
                .flatMap(\.runs).first?.status
        }
        #expect(status(now: written + 24 * 3600, clock: written + 60) == .failed)
        #expect(status(now: written + 60, clock: written + 24 * 3600) == .running)
        #expect(status(now: nil, clock: written + 60) == .running)
        #expect(status(now: nil, clock: written + 24 * 3600) == .failed)
    }

    @Test func exitCodeAndGarbage() throws {
        let dir = try TempDir()
        try writeRun(dir, manyBlocks(rows: 2, exitCode: 1).bytes)
        try dir.write("wandb/offline-run-20261129_101011-garbage1/run-garbage1.wandb", Array("not a wandb log at all".utf8))
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        #expect(runs.first { $0.name == "many" }?.status == .failed)
        let garbage = try #require(runs.first { $0.id.path.hasSuffix("garbage1") })
        #expect(garbage.metrics.isEmpty && garbage.name == "garbage1")
        #expect(log.sorted.filter { $0.severity == .warning }.map(\.id) == ["reader.wandb.bad-header"])
    }

    @Test func onlineRunFolderWithoutLog() throws {
        let dir = try TempDir()
        let folder = "wandb/run-20261129_101010-online12/files"
        try dir.write("\(folder)/config.yaml", Array("""
            wandb_version: 1
            _wandb:
              desc: null
              value: {cli_version: 0.16.0}
            lr:
              desc: null
              value: 0.01
            model:
              value: {layers: 3, act: relu}

            """.utf8))
        try dir.write("\(folder)/wandb-summary.json", Array("""
            {"loss": 0.25, "acc": NaN, "epoch": 4, "_step": 99, "_timestamp": 1795000000.5, "_runtime": 12,
             "_wandb": {"runtime": 12}, "img": {"_type": "image-file", "path": "media/images/a.png"}, "note": "hi"}
            """.utf8))
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        let run = try #require(runs.first)
        #expect(log.count(of: .warning) == 0)
        #expect(run.id == "wandb/run-20261129_101010-online12" && run.name == "online12")
        #expect(run.params["lr"] == .double(0.01) && run.params["model.layers"] == .int(3))
        #expect(run.params.keys.sorted() == ["lr", "model.act", "model.layers"])
        #expect(run.metric("loss")?.values == [0.25] && run.metric("loss")?.steps == [99])
        #expect(run.metric("acc")?.values.first?.isNaN == true)
        #expect(run.metrics.map(\.key).sorted() == ["acc", "epoch", "loss"])
    }

    @Test func crcVariantIsPlainIEEE() {
        // The framing's test vector (wandb's `sdk/internal/datastore.py`): type 1 followed by "abc".
        #expect(CRC32.ieee.checksum([1] + Array("abc".utf8)) == 0x539D_20A9)
    }
}

extension WandBReaderTests {
    @Test func killedInsideASpanningRecord() throws {
        // A record that starts in block 0 and continues past the end of the file: FIRST chunk only.
        var w = WandBWrite()
        w.append(WandBWrite.run(id: "abcd1234", project: "synth", name: "killed"))
        w.append(WandBWrite.history(step: 0, [("loss", "1.0")]))
        let big = WandBWrite.history(step: 1, [("loss", "2.0"), ("caption", "\"\(String(repeating: "q", count: 40_000))\"")])
        w.append(big)
        let start = w.recordOffsets[2]
        let dir = try TempDir()
        try writeRun(dir, Array(w.bytes[0..<WandBWrite.block]))  // cut exactly at the block boundary
        let (runs, log) = BinarySummaryComparison.read(dir.url)
        #expect(log.sorted.map(\.id) == ["reader.wandb.truncated-record"])
        #expect(log.sorted.first?.location?.byteOffset == start)
        #expect(runs.first?.metric("loss")?.values == [1.0])
    }
}

extension WandBReaderTests {
    @Test func singleRunFolderAsInput() throws {
        let (runs, log) = BinarySummaryComparison.read(
            BinarySummaryComparison.fixture("wandb/wandb/offline-run-20261129_112735-u8j77nid"))
        #expect(runs.map(\.id) == ["offline-run-20261129_112735-u8j77nid"])
        #expect(runs.first?.name == "resnet18-sgd" && runs.first?.project == "toy-vision")
        #expect(log.count(of: .warning) == 0)
    }
}
