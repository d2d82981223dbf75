import Foundation
import RunsiteTestSupport
import Testing
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders

@Suite struct KerasCSVReaderTests {
    /// `Tests/Fixtures/keras-csv/keras3/training.log` (written by Keras 3.15.1) against pandas.
    @Test func matchesPandasOnFixture() throws {
        let fixture = SummaryComparison.fixture("keras-csv")
        let (runs, log) = SummaryComparison.read(fixture)
        SummaryComparison.compare(runs, with: try SummaryComparison.expected(fixture.appendingPathComponent("expected-summary.json")))
        #expect(runs.count == 1)
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    /// The real public files in ../shared/corpora/keras-csv (Keras 2 names, 17-digit and 12-digit floats).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SummaryComparison.sharedCorpus("keras-csv").path)))
    func matchesPandasOnPublicCorpus() throws {
        let corpus = SummaryComparison.sharedCorpus("keras-csv")
        let (runs, log) = SummaryComparison.read(corpus)
        let expected = SummaryComparison.fixture("keras-csv/expected-public-summary.json")
        SummaryComparison.compare(runs, with: try SummaryComparison.expected(expected))
        #expect(runs.count == 4)
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    @Test func naIsNotLoggedButNanIs() throws {
        let tree = TempTree()
        tree.write("exp/training.log", "epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.81,0.50,0.84,0.43\r\n1,0.86,nan,NA,NA\r\n2,0.9,inf,,0.3\r\n")
        let (runs, log) = tree.read()
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.id == "exp/training.log")
        #expect(run.project == "exp")
        #expect(run.name == "training.log")
        #expect(run.metric("epoch") == nil)
        #expect(run.metric("val_accuracy")?.steps == [0])
        #expect(run.metric("val_loss")?.steps == [0, 2])
        #expect(run.metric("loss")?.count == 3)
        #expect(run.metric("loss")?.summary.max == 0.5)
        #expect(run.metric("accuracy")?.epochs == [0, 1, 2])
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    @Test func otherSeparatorsAndQuotedListCells() {
        let tree = TempTree()
        tree.write("a/history.csv", "epoch;loss;val_loss\r\n0;0.5;0.6\r\n1;0.4;0.5\r\n")
        let csv = MarkedText("epoch,loss,lr\r\n1️⃣0,0.5,\"\"\"[1, 2]\"\"\"\r\n")
        tree.write("b/log.csv", csv.text)
        let (runs, log) = tree.read()
        #expect(runs.map(\.id) == ["a/history.csv", "b/log.csv"])
        #expect(runs.first?.metric("val_loss")?.values == [0.6, 0.5])
        #expect(runs.last?.metric("lr") == nil)
        #expect(log.warnings("reader.keras-csv.non-numeric-value", file: "b/log.csv", line: csv["1️⃣"].line).count == 1, "\(log.summaryText)")
    }

    @Test func resumedTrainingRepeatsEpochs() {
        let tree = TempTree()
        tree.write("r/training.log", "epoch,loss\r\n0,0.9\r\n1,0.8\r\n1,0.7\r\n2,0.6\r\n")
        let (runs, _) = tree.read()
        let summary = runs.first?.metric("loss")?.summary
        #expect(summary?.count == 4)
        #expect(summary?.last == 0.6 && summary?.lastStep == 2)
    }

    @Test func halfWrittenLineEmptyAndHeaderOnly() {
        let tree = TempTree()
        let log3 = MarkedText("epoch,acc,loss\r\n0,0.5,0.9\r\n1️⃣1,0.6")
        tree.write("x/training.log", log3.text)
        tree.write("y/training.log", "epoch,loss,val_loss\r\n")
        let (runs, log) = tree.read()
        #expect(runs.first { $0.id == "x/training.log" }?.metric("acc")?.values == [0.5])
        #expect(runs.first { $0.id == "y/training.log" }?.metrics.isEmpty == true)
        #expect(log.warnings("reader.keras-csv.half-written-line", file: "x/training.log", line: log3["1️⃣"].line).count == 1, "\(log.summaryText)")
    }

    @Test func nonNumericEpochIsSkipped() {
        let tree = TempTree()
        let csv = MarkedText("epoch,loss\n0,0.9\n1️⃣abc,0.8\n2,0.7\n")
        tree.write("x/training.log", csv.text)
        let (runs, log) = tree.read()
        #expect(runs.first?.metric("loss")?.steps == [0, 2])
        #expect(log.warnings("reader.keras-csv.bad-step", file: "training.log", line: csv["1️⃣"].line).count == 1)
    }

    /// Claiming the folder of `training.log` must not hide TensorBoard or other runs in its subfolders.
    @Test func subfoldersOfAClaimedFolderAreStillSearched() {
        let tree = TempTree()
        tree.write("proj/training.log", "epoch,loss\n0,0.9\n")
        tree.write("proj/lightning_logs/version_0/metrics.csv", "epoch,step,loss\n0,0,1\n")
        tree.write("proj/other/results.csv", "epoch,val_loss\n0,0.2\n")
        let (runs, _) = tree.read()
        #expect(runs.map(\.id).sorted() == ["proj/lightning_logs/version_0", "proj/other/results.csv", "proj/training.log"])
    }

    /// A Hydra job's own `metrics.csv` is Hydra's to read, even when Hydra asks the other readers.
    @Test func otherFormatsFoldersAreNotClaimed() {
        let tree = TempTree()
        tree.write("job/.hydra/config.yaml", "lr: 0.1\n")
        tree.write("job/metrics.csv", "epoch,loss\n0,0.5\n")
        tree.write("sacred/1/run.json", "{}")
        tree.write("sacred/1/history.csv", "epoch,loss\n0,0.5\n")
        let reader = KerasCSVReader()
        for path in ["job", "sacred/1"] {
            let url = tree.root.appendingPathComponent(path)
            #expect(!reader.claims(url, entries: Set(FilePaths.entries(of: url))), "\(path)")
        }
    }

    @Test func detection() {
        func sep(_ header: String) -> UInt8? {
            let tree = TempTree()
            return KerasHeader.separator(of: tree.write("f.csv", header + "\r\n0,1\r\n"))
        }
        #expect(sep("epoch,acc,loss,val_acc,val_loss") == UInt8(ascii: ","))
        #expect(sep("\u{FEFF}epoch,loss") == UInt8(ascii: ","))
        #expect(sep("epoch\tloss") == 9)
        #expect(sep("epoch,step,loss") == nil)      // Lightning
        #expect(sep("step,epoch,loss") == nil)      // runsite / Lightning
        #expect(sep("epoch,temperature") == nil)    // not a training log
        #expect(sep("") == nil)
    }
}

extension KerasCSVReaderTests {
    @Test func everyFileDamaged() throws { try SummaryComparison.survivesDamage(SummaryComparison.fixture("keras-csv")) }
}
