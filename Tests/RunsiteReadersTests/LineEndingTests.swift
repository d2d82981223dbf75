import Foundation
import Testing
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders

/// Text logs read the same whatever wrote their line ends: LF, CRLF, CR CR LF, a lone CR, and a
/// UTF-8 byte-order mark before the header, as pandas reads them.
@Suite struct LineEndingTests {
    static let kerasLines = ["epoch,accuracy,loss,val_accuracy,val_loss", "0,0.81,0.50,0.84,0.43", "1,0.86,0.40,0.85,0.41"]

    func readKeras(_ text: String) throws -> (run: Run, log: DiagnosticLog) {
        let tree = TempTree()
        tree.write("exp/training.log", text)
        let (runs, log) = tree.read()
        return (try #require(runs.first), log)
    }

    @Test(arguments: ["\n", "\r\n", "\r\r\n", "\r"])
    func kerasLogKeepsEveryColumn(ending: String) throws {
        let (run, log) = try readKeras(Self.kerasLines.joined(separator: ending) + ending)
        #expect(run.metric("val_loss")?.values == [0.43, 0.41])
        #expect(run.metric("accuracy")?.steps == [0, 1])
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstColumn() throws {
        let (run, log) = try readKeras("\u{FEFF}" + Self.kerasLines.joined(separator: "\r\n") + "\r\n")
        #expect(run.metric("accuracy")?.values == [0.81, 0.86])
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    @Test func runsiteMetricsWithAByteOrderMarkAndCRs() throws {
        let tree = TempTree()
        tree.write("r/runsite.json", "{}")
        tree.write("r/metrics.jsonl", "\u{FEFF}{\"step\": 0, \"loss\": 1}\r\r\n{\"step\": 1, \"loss\": 0.5}\r")
        tree.write("s/runsite.json", "{}")
        tree.write("s/metrics.csv", "\u{FEFF}step,loss\r0,2\r1,1.5\r")
        let (runs, log) = tree.read()
        #expect(runs.first { $0.name == "r" }?.metric("loss")?.values == [1, 0.5])
        #expect(runs.first { $0.name == "s" }?.metric("loss")?.values == [2, 1.5])
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    @Test func aLineNumberCountsLinesEndedByLoneCRs() {
        let tree = TempTree()
        tree.write("r/runsite.json", "{}")
        tree.write("r/metrics.jsonl", "{\"step\": 0, \"loss\": 1}\r{oops}\r")
        let (_, log) = tree.read()
        #expect(log.sorted.contains { $0.location?.file.hasSuffix("metrics.jsonl") == true && $0.location?.line == 2 }, "\(log.summaryText)")
    }
}

/// A metric file that yields no series says so, naming the file.
@Suite struct NoSeriesWarningTests {
    @Test func headerOnlyAndEmptyMetricFilesAreWarned() throws {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "epoch,step,loss\n")
        tree.write("lightning_logs/version_0/hparams.yaml", "lr: 0.1\n")
        tree.write("keras/training.log", "epoch,loss\n")
        tree.write("rs/run1/runsite.json", "{}")
        tree.write("rs/run1/metrics.csv", "step,loss\n")
        tree.write("rs/run2/runsite.json", "{}")
        tree.write("rs/run2/metrics.jsonl", "{\"step\": 1, \"note\": \"x\"}\n")
        tree.write("mlruns/0/meta.yaml", "experiment_id: '0'\nname: Default\nartifact_location: x\nlifecycle_stage: active\n")
        tree.write("mlruns/0/0123456789abcdef0123456789abcdef/meta.yaml", "run_id: 0123456789abcdef0123456789abcdef\nexperiment_id: '0'\nstatus: 3\nlifecycle_stage: active\n")
        tree.write("mlruns/0/0123456789abcdef0123456789abcdef/metrics/acc", "")
        let (_, log) = tree.read()
        #expect(log.warnings("reader.lightning-csv.no-values", file: "version_0/metrics.csv").count == 1, "\(log.summaryText)")
        #expect(log.warnings("reader.keras-csv.no-values", file: "keras/training.log").count == 1)
        #expect(log.warnings("reader.runsite.no-values", file: "run1/metrics.csv").count == 1)
        #expect(log.warnings("reader.runsite.no-values", file: "run2/metrics.jsonl").count == 1)
        #expect(log.warnings("reader.mlflow.empty-metric", file: "metrics/acc").count == 1)
    }
}
