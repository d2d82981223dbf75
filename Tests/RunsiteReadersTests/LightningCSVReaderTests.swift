import Foundation
import RunsiteTestSupport
import Testing
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders

@Suite struct LightningCSVReaderTests {
    /// The real public Lightning files in ../shared/corpora/lightning-csv, against pandas
    /// (`Tests/Fixtures/lightning-csv/make_expected.py`).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SummaryComparison.sharedCorpus("lightning-csv").path)))
    func matchesPandasOnPublicCorpus() throws {
        let corpus = SummaryComparison.sharedCorpus("lightning-csv")
        let (runs, log) = SummaryComparison.read(corpus)
        let expected = SummaryComparison.fixture("lightning-csv/expected-summary.json")
        SummaryComparison.compare(runs, with: try SummaryComparison.expected(expected))
        #expect(runs.count == 5 && runs.allSatisfy { $0.source == "lightning-csv" })
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    /// The CSV holds no times, so the last activity is the file's modification time, clamped to
    /// SOURCE_DATE_EPOCH (`options.now`) when set: a fresh checkout builds the same site.
    @Test func lastActivityIsTheFileTimeClampedToTheBuildTime() throws {
        let tree = TempTree()
        let csv = tree.write("logs/lightning_logs/version_0/metrics.csv", "epoch,step,loss\n0,1,0.5\n")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_800_000_000)], ofItemAtPath: csv.path)
        #expect(tree.read().runs.first?.lastActivity == 1_800_000_000)
        var before = ReaderOptions(), after = ReaderOptions()
        before.now = 1_700_000_000
        after.now = 1_900_000_000
        #expect(SummaryComparison.read(tree.root, options: before).runs.first?.lastActivity == 1_700_000_000)
        #expect(SummaryComparison.read(tree.root, options: after).runs.first?.lastActivity == 1_800_000_000)
    }

    @Test func epochIsAnAxisAndRowsSharingAStepStayInOrder() throws {
        let tree = TempTree()
        tree.write("logs/lightning_logs/version_0/metrics.csv",
                   "epoch,step,train_loss_epoch,train_loss_step,val_loss\r\n0,49,,0.6812,\r\n0,99,,0.5230,\r\n0,99,,,0.5519\r\n0,99,0.6004,,\r\n1,149,,0.4410,\r\n")
        tree.write("logs/lightning_logs/version_0/hparams.yaml", "lr: 0.001\nmodel:\n  depth: 4\n  widths: !!python/tuple\n  - 32\n  - 64\n")
        let (runs, log) = tree.read()
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.id == "logs/lightning_logs/version_0")
        #expect(run.project == "lightning_logs")
        #expect(run.name == "version_0")
        #expect(run.metric("epoch") == nil && run.metric("step") == nil)
        #expect(run.metric("train_loss_step")?.steps == [49, 99, 149])
        #expect(run.metric("train_loss_step")?.epochs == [0, 0, 1])
        #expect(run.metric("val_loss")?.values == [0.5519])
        #expect(run.params["lr"] == .double(0.001))
        #expect(run.params["model.depth"] == .int(4))
        #expect(run.params["model.widths"] == .string("[32,64]"))
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    /// PyYAML's unsafe `yaml.dump` (Lightning without OmegaConf) writes `!!python/…` tags and `.nan`.
    @Test func hparamsWithPythonTags() {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "epoch,step,loss\r\n0,0,1\r\n")
        tree.write("lightning_logs/version_0/hparams.yaml", """
            args: !!python/object:argparse.Namespace
              lr: 0.1
              layers: !!python/tuple
              - 1
              - 2
            act: !!python/name:torch.nn.modules.activation.ReLU ''
            path: !!python/object/apply:pathlib.PosixPath
            - /data
            - x
            gamma: .nan
            limit: -.inf
            name: run-a
            """)
        let (runs, log) = tree.read()
        let params = runs.first?.params
        #expect(params?["args.lr"] == .double(0.1))
        #expect(params?["args.layers"] == .string("[1,2]"))
        #expect(params?["path"] == .string(#"["/data","x"]"#))
        #expect(params?["act"] != nil)
        #expect(params?["limit"] == .double(-.infinity))
        #expect(params?["gamma"]?.number?.isNaN == true)
        #expect(params?["name"] == .string("run-a"))
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    @Test func olderColumnOrderAndEmptyHparams() {
        let tree = TempTree()
        tree.write("lightning_logs/version_3/metrics.csv", "train_loss,step,epoch\r\n0.0672,49,0\r\n0.0388,99,0\r\n")
        tree.write("lightning_logs/version_3/hparams.yaml", "{}\n")
        let (runs, _) = tree.read()
        #expect(runs.first?.metric("train_loss")?.steps == [49, 99])
        #expect(runs.first?.params.isEmpty == true)
    }

    @Test func loggedNaNIsAPointAndEmptyIsNot() {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "epoch,step,loss,acc\r\n0,0,nan,\r\n0,1,inf,0.5\r\n0,2,-inf,\r\n0,3,0.25,NaN\r\n")
        let (runs, log) = tree.read()
        let loss = runs.first?.metric("loss")
        #expect(loss?.count == 4)
        #expect(loss?.values[0].isNaN == true)
        #expect(loss?.values[1] == .infinity && loss?.values[2] == -.infinity)
        let summary = loss?.summary
        #expect(summary?.min == 0.25 && summary?.max == 0.25)
        #expect(runs.first?.metric("acc")?.count == 2)
        #expect(log.count(of: .warning) == 0)
    }

    @Test func duplicateStepsKeepLoggedOrder() {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "epoch,step,loss\n0,5,1.0\n0,5,2.0\n0,3,3.0\n")
        let (runs, _) = tree.read()
        let summary = runs.first?.metric("loss")?.summary
        #expect(summary?.first == 3.0)
        #expect(summary?.last == 2.0)
        #expect(summary?.lastStep == 5)
    }

    @Test func halfWrittenLastLineIsSkippedWithWarning() {
        let tree = TempTree()
        let csv = MarkedText("epoch,step,loss,acc\r\n0,49,0.5,0.7\r\n0,99,0.4,0.8\r\n1️⃣1,149,0.3")
        tree.write("lightning_logs/version_0/metrics.csv", csv.text)
        let (runs, log) = tree.read()
        #expect(runs.first?.metric("loss")?.values == [0.5, 0.4])
        #expect(log.warnings("reader.lightning-csv.half-written-line", file: "version_0/metrics.csv", line: csv["1️⃣"].line).count == 1,
                "\(log.summaryText)")
    }

    @Test func shortRowInTheMiddleAndNonNumericCells() {
        let tree = TempTree()
        let csv = MarkedText("epoch,step,loss\n0,1,0.5\n1️⃣0,2\n2️⃣0,3,oops\n3️⃣0,x,0.1\n4️⃣0,4,0.2,9\n0,5,0.3\n")
        tree.write("lightning_logs/version_0/metrics.csv", csv.text)
        let (runs, log) = tree.read()
        #expect(runs.first?.metric("loss")?.steps == [1, 5])
        #expect(log.warnings("reader.lightning-csv.field-count", file: "metrics.csv", line: csv["1️⃣"].line).count == 1)
        #expect(log.warnings("reader.lightning-csv.non-numeric-value", file: "metrics.csv", line: csv["2️⃣"].line).count == 1)
        #expect(log.warnings("reader.lightning-csv.bad-step", file: "metrics.csv", line: csv["3️⃣"].line).count == 1)
        #expect(log.warnings("reader.lightning-csv.field-count", file: "metrics.csv", line: csv["4️⃣"].line).count == 1)
        #expect(log.warnings("reader.lightning-csv.half-written-line", file: "metrics.csv").isEmpty)
    }

    @Test func emptyFileAndHeaderOnly() {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "")
        tree.write("lightning_logs/version_0/hparams.yaml", "lr: 0.1\n")
        tree.write("lightning_logs/version_1/metrics.csv", "epoch,step,loss\r\n")
        let (runs, log) = tree.read()
        #expect(runs.map(\.id) == ["lightning_logs/version_0", "lightning_logs/version_1"])
        #expect(runs.allSatisfy { $0.metrics.isEmpty })
        #expect(runs.first?.params["lr"] == .double(0.1))
        #expect(log.warnings("reader.lightning-csv.empty-file", file: "version_0/metrics.csv").count == 1)
        #expect(log.warnings("reader.lightning-csv.empty-file", file: "version_1/metrics.csv").isEmpty)
    }

    @Test func brokenHparamsKeepsMetrics() {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "epoch,step,loss\n0,0,1\n")
        tree.write("lightning_logs/version_0/hparams.yaml", "lr: [0.1\nbatch: 3\n")
        let (runs, log) = tree.read()
        #expect(runs.first?.metric("loss")?.count == 1)
        #expect(log.warnings("reader.lightning-csv.malformed-yaml", file: "hparams.yaml").count == 1, "\(log.summaryText)")
    }

    @Test func claims() {
        let reader = LightningCSVReader()
        let tree = TempTree()
        tree.write("a/version_0/metrics.csv", "epoch,step,loss\n")
        tree.write("b/custom/metrics.csv", "epoch,step,loss\n")
        tree.write("b/custom/hparams.yaml", "{}\n")
        tree.write("c/version_0/metrics.csv", "time,value\n")
        tree.write("d/version_0/metrics.csv", "step,loss\n")
        tree.write("d/version_0/runsite.json", "{}")
        func claims(_ path: String) -> Bool {
            let url = tree.root.appendingPathComponent(path)
            return reader.claims(url, entries: Set(FilePaths.entries(of: url)))
        }
        #expect(claims("a/version_0"))
        #expect(claims("b/custom"))
        #expect(!claims("c/version_0"))
        #expect(!claims("d/version_0"))
        #expect(!claims("a"))
    }
}

extension LightningCSVReaderTests {
    /// The shared corpus is copied before it is damaged; the original is never written.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SummaryComparison.sharedCorpus("lightning-csv").path)))
    func everyFileDamaged() throws { try SummaryComparison.survivesDamage(SummaryComparison.sharedCorpus("lightning-csv")) }
}
