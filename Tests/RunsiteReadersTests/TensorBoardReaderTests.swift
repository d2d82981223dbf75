import Foundation
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders
import Testing

@Suite("TensorBoard reader")
struct TensorBoardReaderTests {
    // MARK: Fidelity with TensorBoard's EventAccumulator

    @Test func fixturesMatchEventAccumulator() {
        let input = BinarySummaryComparison.fixture("tensorboard")
        let (runs, log) = BinarySummaryComparison.read(input)
        let problems = BinarySummaryComparison.mismatches(runs, expected: input.appendingPathComponent("expected-summary.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(runs.allSatisfy { $0.source == "tensorboard" })
        // The cut copy gives one warning naming the file and the offset of the partial record.
        let truncated = log.sorted.filter { $0.id == "reader.tensorboard.truncated-record" }
        #expect(truncated.count == 1)
        #expect(truncated.first?.location?.file.hasSuffix("still-writing/events.out.tfevents.1795951525.vm") == true)
        #expect(truncated.first?.location?.byteOffset != nil)
        #expect(log.sorted.filter { $0.severity == .warning }.count == 1, "\(log.sorted.map(\.formatted))")
        // Histograms: one note per run that has them.
        let histogramNotes = log.sorted.filter { $0.id == "reader.tensorboard.summary-not-shown" && $0.message.hasPrefix("histogram") }
        let runsWithHistograms = ["runs/baseline-lr0.01", "runs/wide-dropout0.3", "runs/sgd-bs128", "runs/still-writing",
                                  "tf2/logs/tf-summary/adam-lr1e-3", "tf2/logs/tf-summary/sgd-lr1e-2"]
        #expect(histogramNotes.count >= runsWithHistograms.count)
        #expect(histogramNotes.allSatisfy { $0.severity == .note })
    }

    @Test func projectsAndNamesFollowTheLogdir() {
        let (runs, _) = BinarySummaryComparison.read(BinarySummaryComparison.fixture("tensorboard"))
        let train = runs.first { $0.id == "runs/baseline-lr0.01/loss_compare/train" }
        #expect(train?.project == "runs")
        #expect(train?.name == "baseline-lr0.01/loss_compare/train")
        let keras = runs.first { $0.id == "tf2/logs/keras-fit/validation" }
        #expect(keras?.project == "keras-fit")
        #expect(keras?.name == "validation")
    }

    @Test func imagesTextsAndHParams() throws {
        let (runs, _) = BinarySummaryComparison.read(BinarySummaryComparison.fixture("tensorboard"))
        let baseline = try #require(runs.first { $0.id == "runs/baseline-lr0.01" })
        #expect(baseline.images.count == 1)
        if case .bytes(let png)? = baseline.images.first?.content {
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        } else {
            Issue.record("image is not embedded bytes")
        }
        #expect(baseline.images.first?.name == "samples/input/step-39.png")
        #expect(baseline.texts.first?.name == "notes/text_summary")
        #expect(baseline.texts.first?.text.isEmpty == false)
        #expect(baseline.start == 1700010000.0 || (baseline.start ?? 0) > 1.6e9)
        let tf2 = try #require(runs.first { $0.id == "tf2/logs/tf-summary/adam-lr1e-3" })
        #expect(tf2.images.count >= 2)  // TF2 image tensors hold two PNGs per step
        #expect(tf2.texts.first?.name == "run_notes")
        let hparams = try #require(runs.first { $0.id == "runs/baseline-lr0.01/baseline-lr0.01-hparams" })
        #expect(hparams.params["optimizer"] == .string("adam"))
        #expect(hparams.status == .finished)
    }

    // MARK: Checksums and a worked example of the TFRecord framing

    @Test func checksumVectors() {
        let digits = Array("123456789".utf8)
        #expect(CRC32.castagnoli.checksum(digits) == 0xE306_9283)
        #expect(CRC32.ieee.checksum(digits) == 0xCBF4_3926)
        // Slicing-by-8 must agree with byte-at-a-time on every length and alignment.
        let long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        for n in [0, 1, 7, 8, 9, 15, 16, 17, 999] {
            let whole = CRC32.castagnoli.checksum(Array(long[0..<n]))
            var crc: UInt32 = 0
            for b in long[0..<n] { crc = CRC32.castagnoli.checksum([b], continuing: crc) }
            #expect(whole == crc)
        }
        #expect(CRC32.mask(CRC32.castagnoli.checksum([0x18, 0, 0, 0, 0, 0, 0, 0])) == 0x224B_7FA3)
    }

    @Test func workedExampleDecodes() throws {
        let record: [UInt8] = [0x1a, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x9b, 0xd8, 0x2d,
                               0x09, 0x00, 0x00, 0x20, 0x40, 0xfc, 0x54, 0xd9, 0x41, 0x10, 0x01, 0x2a, 0x0d, 0x0a, 0x0b,
                               0x0a, 0x04, 0x6c, 0x6f, 0x73, 0x73, 0x15, 0x00, 0x00, 0x00, 0x3f,
                               0x34, 0xc2, 0x79, 0x3e]
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("events.out.tfevents.1.test")
        try Data(record).write(to: url)
        var events: [TBEvent] = []
        var tags = StringInterner()
        let end = TFRecordReader(url: url).forEachRecord { data, _ in
            if let e = try? EventDecoder.decode(data, tags: &tags) { events.append(e) }
        }
        #expect(end == .complete)
        #expect(events.count == 1)
        #expect(events.first?.wallTime == 1_700_000_000.5)
        #expect(events.first?.step == 1)
        if case .simpleValue(let v)? = events.first?.values.first?.payload { #expect(v == 0.5) } else { Issue.record("no simple value") }
    }
}

extension TensorBoardReaderTests {
    @Test func singleRunDirectoryAsInput() {
        let (runs, _) = BinarySummaryComparison.read(BinarySummaryComparison.fixture("tensorboard/tf2/logs/keras-fit/train"))
        #expect(runs.map(\.id) == ["train"])
        #expect(runs.first?.project == "train" && runs.first?.name == "train")
        #expect(runs.first?.metric("epoch_loss")?.count == 6)
    }
}
