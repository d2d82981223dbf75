import Foundation
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders
import Testing

/// Synthesised event files: value encodings, restarts, and damaged files.
@Suite("TensorBoard reader, synthesised files")
struct TensorBoardDamageTests {
    static let version = TBWrite.event(wallTime: 1_700_000_000, fileVersion: "brain.Event:2")

    func read(_ dir: TempDir) -> (runs: [Run], log: DiagnosticLog) { BinarySummaryComparison.read(dir.url) }

    @Test func nanAndTensorEncodings() throws {
        let dir = try TempDir()
        let half3555: [UInt8] = [0x55, 0x35]
        try dir.write("logs/run/events.out.tfevents.1.host", TBWrite.file([
            Self.version,
            TBWrite.event(wallTime: 1_700_000_001, step: 0, values: [
                TBWrite.simple("a", .nan),
                TBWrite.tensor("d", dtype: 2) { $0.message(6) { $0.fixed(0.1.bitPattern, 8) } },    // packed double_val
                TBWrite.tensor("h", dtype: 19) { $0.message(13) { $0.varint(0x3C00) } },            // packed half_val 1.0
                TBWrite.tensor("hc", dtype: 19) { $0.data(4, half3555) },                           // tensor_content half
                TBWrite.tensor("f", dtype: 1) { $0.float(5, 0.1) },                                 // unpacked float_val
                TBWrite.tensor("c", dtype: 1) { $0.data(4, TBWrite.le32(Float(0.25).bitPattern)) }, // TF2 tensor_content
                TBWrite.tensor("i", dtype: 9) { $0.int(10, -3) },                                   // int64_val
                TBWrite.tensor("nometa", dtype: 1, plugin: nil) { $0.float(5, 1) },
            ]),
            TBWrite.event(wallTime: 1_700_000_002, step: 1, values: [
                TBWrite.simple("a", 1.5),
                // Metadata only on the first value of a tag: still a scalar.
                TBWrite.tensor("c", dtype: 1, plugin: nil) { $0.data(4, TBWrite.le32(Float(-0.5).bitPattern)) },
                TBWrite.tensor("d", dtype: 2, plugin: nil) { $0.double(6, .nan) },
            ]),
            TBWrite.event(wallTime: 1_700_000_003, step: 2, values: [TBWrite.simple("a", .infinity)]),
        ]))
        let (runs, log) = read(dir)
        let run = try #require(runs.first)
        #expect(run.id == "logs/run" && run.project == "logs" && run.name == "run")
        let a = try #require(run.metric("a"))
        #expect(a.count == 3 && a.values[0].isNaN && a.values[1] == 1.5 && a.values[2] == .infinity)
        #expect(a.summary.min == 1.5 && a.summary.max == 1.5 && a.summary.lastStep == 2)
        #expect(run.metric("d")?.values.first == 0.1)
        #expect(run.metric("d")?.values.last?.isNaN == true)
        #expect(run.metric("h")?.values == [1.0])
        #expect(run.metric("hc")?.values == [0.333251953125])
        #expect(run.metric("f")?.values == [Double(Float(0.1))])
        #expect(run.metric("c")?.values == [0.25, -0.5])
        #expect(run.metric("i")?.values == [-3])
        #expect(run.metric("nometa") == nil)
        #expect(run.metric("a")?.times == [1_700_000_001, 1_700_000_002, 1_700_000_003])
        #expect(log.count(of: .warning) == 0)
    }

    // The expectations of the two purge tests were checked against TensorBoard 2.21's EventAccumulator
    // and plugin_event_accumulator on the same events (written with tensorboard's RecordWriter).
    @Test func restartPurgesAtAStartRecord() throws {
        let dir = try TempDir()
        let start = { (step: Int64) in TBWrite.event(wallTime: 1_700_000_000, step: step, startRecord: true) }
        var first = [Self.version, start(0)]
        for s in 0..<10 { first.append(TBWrite.event(wallTime: 1_700_000_100 + Double(s), step: Int64(s), values: [TBWrite.simple("loss", Float(s))])) }
        first.append(TBWrite.event(wallTime: 1_700_000_120, step: 7, values: [TBWrite.simple("other", 7)]))
        var second = [Self.version, start(5)]
        for s in 5..<8 { second.append(TBWrite.event(wallTime: 1_700_000_200 + Double(s), step: Int64(s), values: [TBWrite.simple("loss", Float(100 + s))])) }
        try dir.write("logs/run/events.out.tfevents.100.host", TBWrite.file(first))
        try dir.write("logs/run/events.out.tfevents.200.host", TBWrite.file(second))
        let run = try #require(read(dir).runs.first)
        let loss = try #require(run.metric("loss"))
        #expect(loss.steps == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(loss.values == [0, 1, 2, 3, 4, 105, 106, 107])
        #expect(run.metric("other") == nil)  // step 7 ≥ 5: purged with every tag
    }

    @Test func outOfOrderStepsPurgeByTagWithoutFileVersion() throws {
        let dir = try TempDir()
        var events: [[UInt8]] = []
        for s in 0..<4 { events.append(TBWrite.event(wallTime: 1, step: Int64(s), values: [TBWrite.simple("x", Float(s)), TBWrite.simple("y", Float(s))])) }
        events.append(TBWrite.event(wallTime: 2, step: 2, values: [TBWrite.simple("x", 20)]))
        try dir.write("run/events.out.tfevents.1.host", TBWrite.file(events))
        let run = try #require(read(dir).runs.first)
        #expect(run.metric("x")?.steps == [0, 1, 2])
        #expect(run.metric("x")?.values == [0, 1, 20])
        #expect(run.metric("y")?.steps == [0, 1, 2, 3])
    }

    @Test func logdirNextToOtherFormatsDoesNotSwallowThem() throws {
        let dir = try TempDir()
        let one = TBWrite.file([Self.version, TBWrite.event(wallTime: 1, step: 1, values: [TBWrite.simple("loss", 1)])])
        try dir.write("tb/run1/events.out.tfevents.1.host", one)
        try dir.write("tb/run2/sub/events.out.tfevents.1.host", one)
        try dir.write("mlruns/0/meta.yaml", Array("name: x\n".utf8))
        let reader = TensorBoardReader()
        #expect(!reader.claims(dir.url, entries: Set(FilePaths.entries(of: dir.url))))
        let tb = dir.url.appendingPathComponent("tb")
        #expect(reader.claims(tb, entries: Set(FilePaths.entries(of: tb))))
        let runs = read(dir).runs
        #expect(runs.map(\.id) == ["tb/run1", "tb/run2/sub"])
        #expect(runs.map(\.name) == ["run1", "run2/sub"])
        #expect(runs.allSatisfy { $0.project == "tb" })
    }

    // MARK: Damaged files

    /// Three records: version, loss at step 1, loss at step 2; returns the file and record offsets.
    func threeRecords() -> (bytes: [UInt8], offsets: [Int]) {
        let records = [Self.version,
                       TBWrite.event(wallTime: 1_700_000_001, step: 1, values: [TBWrite.simple("loss", 1)]),
                       TBWrite.event(wallTime: 1_700_000_002, step: 2, values: [TBWrite.simple("loss", 2)])].map(TBWrite.record)
        var offsets: [Int] = [], total = 0
        for r in records { offsets.append(total); total += r.count }
        return (records.flatMap { $0 }, offsets)
    }

    func check(_ bytes: [UInt8], id: String, offset: Int, keeps steps: [Int64]) throws {
        let dir = try TempDir()
        let file = try dir.write("logs/run/events.out.tfevents.1.host", bytes)
        let (runs, log) = read(dir)
        let warnings = log.sorted.filter { $0.severity == .warning }
        #expect(warnings.map(\.id) == [id])
        #expect(warnings.first?.location?.byteOffset == offset)
        #expect(warnings.first?.location?.file.hasSuffix(file.lastPathComponent) == true)
        #expect(warnings.first?.formatted.contains(":@\(offset): warning:") == true)
        #expect((runs.first?.metric("loss")?.steps ?? []) == steps)
    }

    @Test func truncatedFinalRecordKeepsEverythingBefore() throws {
        let (bytes, offsets) = threeRecords()
        try check(Array(bytes.dropLast(5)), id: "reader.tensorboard.truncated-record", offset: offsets[2], keeps: [1])
        try check(Array(bytes[0..<offsets[2] + 6]), id: "reader.tensorboard.truncated-record", offset: offsets[2], keeps: [1])
    }

    @Test func badLengthChecksumStopsAtThatRecord() throws {
        var (bytes, offsets) = threeRecords()
        bytes[offsets[2] + 9] ^= 0xFF
        try check(bytes, id: "reader.tensorboard.bad-length-checksum", offset: offsets[2], keeps: [1])
    }

    @Test func badDataChecksumStopsAtThatRecord() throws {
        // TensorBoard's loader raises DataLossError on a data CRC mismatch and stops reading the file.
        var (bytes, offsets) = threeRecords()
        bytes[offsets[1] + 14] ^= 0x01
        try check(bytes, id: "reader.tensorboard.bad-data-checksum", offset: offsets[1], keeps: [])
    }

    @Test func bogusHugeLengthIsTreatedAsTruncation() throws {
        let length: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0x40]
        let header = length + TBWrite.le32(CRC32.mask(CRC32.castagnoli.checksum(length)))
        let (bytes, offsets) = threeRecords()
        try check(Array(bytes[0..<offsets[2]]) + header + [1, 2, 3], id: "reader.tensorboard.truncated-record", offset: offsets[2], keeps: [1])
    }

    @Test func garbageNamedLikeAnEventFile() throws {
        let garbage = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        try check(garbage, id: "reader.tensorboard.bad-length-checksum", offset: 0, keeps: [])
        try check([1, 2, 3], id: "reader.tensorboard.truncated-record", offset: 0, keeps: [])
        // An empty file (a writer that has not flushed yet) is not a problem.
        let dir = try TempDir()
        try dir.write("logs/run/events.out.tfevents.1.host", [])
        #expect(read(dir).log.count == 0)
    }

    @Test func validFramingButNotAnEvent() throws {
        var (bytes, _) = threeRecords()
        bytes += TBWrite.record([0x0A, 0x7F, 0x01])  // field 1 as a 127-byte string in 1 byte
        let dir = try TempDir()
        try dir.write("logs/run/events.out.tfevents.1.host", bytes)
        let (runs, log) = read(dir)
        #expect(log.sorted.map(\.id) == ["reader.tensorboard.malformed-event"])
        #expect(runs.first?.metric("loss")?.count == 2)
    }
}
