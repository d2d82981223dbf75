import Foundation
import RunsiteReaders
import Testing

/// The framing the `tensorboard-event` and `wandb-record` fuzz targets put around their input reads
/// back as the same records, so those targets reach the decoders.
@Suite struct RecordFramingTests {
    func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("framing-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func tfRecordFramingReadsBack() throws {
        let data: [UInt8] = [8, 1, 0x11, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F]
        var records: [[UInt8]] = []
        let end = TFRecordReader(url: try write(TFRecordFraming.record(data), "events")).forEachRecord { bytes, _ in records.append(Array(bytes)) }
        #expect(end == .complete)
        #expect(records == [data])
    }

    @Test(arguments: [0, 10, 40_000, 70_000])
    func wandbFramingReadsBackAcrossBlocks(size: Int) throws {
        let records = [[UInt8]((0..<size).map { UInt8(truncatingIfNeeded: $0) }), [1, 2, 3]]
        var read: [[UInt8]] = []
        var problems: [WandBLogReader.Problem] = []
        WandBLogReader(url: try write(WandBFraming.log(records), "run.wandb"))
            .forEachRecord({ bytes, _ in read.append(Array(bytes)) }, problem: { problems.append($0) })
        #expect(problems.isEmpty)
        #expect(read == records)
    }
}
