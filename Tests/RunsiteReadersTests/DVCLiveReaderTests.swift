import Foundation
import RunsiteTestSupport
import Testing
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders

@Suite struct DVCLiveReaderTests {
    static var fixture: URL { SummaryComparison.fixture("dvclive") }

    /// `Tests/Fixtures/dvclive/project` (written by dvclive 3.49.1) against pandas + yaml + json.
    @Test func matchesPandasOnFixture() throws {
        let (runs, log) = SummaryComparison.read(Self.fixture)
        SummaryComparison.compare(runs, with: try SummaryComparison.expected(Self.fixture.appendingPathComponent("expected-summary.json")))
        #expect(runs.map(\.id) == ["project/dvclive", "project/experiments/lr-0.1", "project/experiments/small-batch"])
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    @Test func fixtureExtras() throws {
        let (runs, _) = SummaryComparison.read(Self.fixture)
        let run = try #require(runs.first { $0.id == "project/dvclive" })
        // val/loss was logged with timestamp=True: integer ms become Unix seconds.
        let valLoss = try #require(run.metric("val/loss"))
        #expect(valLoss.times.first == 1795951644.643)
        #expect(run.metric("train/loss")?.times.first?.isNaN == true)
        #expect(run.lastActivity == 1795951644.684)
        #expect(run.images.map(\.name) == ["samples/first_batch.png"])

        // The confusion matrix, counted from the (actual, predicted) pairs with json.
        let matrix = try #require(run.confusionMatrices.first)
        #expect(matrix.name == "confusion_matrix")
        let pairs = try Self.pairs(Self.fixture.appendingPathComponent("project/dvclive/plots/sklearn/confusion_matrix.json"))
        #expect(matrix.labels == Array(Set(pairs.flatMap { [$0.0, $0.1] })).sorted())
        var counts = Array(repeating: Array(repeating: 0.0, count: matrix.labels.count), count: matrix.labels.count)
        for (a, p) in pairs { counts[matrix.labels.firstIndex(of: a)!][matrix.labels.firstIndex(of: p)!] += 1 }
        #expect(matrix.counts == counts)

        // dvc.yaml's artifacts: the shared dvc.yaml lists all three runs, so each run sees all models;
        // `.dvc` pointer files are not artifacts.
        #expect(run.artifacts.map(\.path) == ["models/dvclive.pt", "models/lr-0.1.pt", "models/small-batch.pt"])
        #expect(run.artifacts.first?.size == 2500)
        #expect(run.artifacts.first?.sha256?.count == 64)
        #expect(run.name == "dvclive" && run.project == "project")
    }

    static func pairs(_ url: URL) throws -> [(String, String)] {
        let data = try Data(contentsOf: url)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
        return array.map { ($0["actual"]!, $0["predicted"]!) }
    }

    @Test func summaryOnlyMetricsAndNonFiniteStrings() throws {
        let tree = TempTree()
        tree.write("p/dvc.yaml", "metrics:\n- dvclive/metrics.json\n")
        tree.write("p/dvclive/metrics.json", #"{"train": {"loss": "nan"}, "test": {"acc": 0.9, "note": "text"}, "flag": true, "bare": NaN, "big": "-inf"}"#)
        tree.write("p/dvclive/params.yaml", "lr: .nan\n")
        tree.write("p/dvclive/plots/metrics/train/loss.tsv", "step\tloss\n0\t1.5\n1\tnan\n2\tinf\n2\t-inf\n")
        let (runs, log) = tree.read()
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.metric("train/loss")?.count == 4)          // from the TSV, not metrics.json
        #expect(run.metric("test/acc")?.steps == [0])          // no "step" in metrics.json
        #expect(run.metric("test/acc")?.values == [0.9])
        #expect(run.metric("test/note") == nil && run.metric("flag") == nil)
        #expect(run.metric("bare")?.values.first?.isNaN == true)     // Python's json writes bare NaN for hand-set values
        #expect(run.metric("big")?.values == [-.infinity])
        if case .double(let lr)? = run.params["lr"] { #expect(lr.isNaN) } else { Issue.record("lr is \(String(describing: run.params["lr"]))") }
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    /// Older releases kept the summary beside the folder as `<dir>.json`.
    @Test func summaryBesideTheFolder() {
        let tree = TempTree()
        tree.write("exp/logs.json", #"{"step": 4, "acc": 0.5, "loss": 0.25}"#)
        tree.write("exp/logs/plots/metrics/loss.tsv", "timestamp\tstep\tloss\n1700000000000\t0\t0.5\n")
        let (runs, log) = tree.read()
        #expect(runs.map(\.id) == ["exp/logs"])
        #expect(runs.first?.metric("acc")?.steps == [4])
        #expect(runs.first?.metric("loss")?.values == [0.5])
        #expect(runs.first?.project == "exp")
        #expect(log.count(of: .warning) == 0)
    }

    @Test func damagedTSVs() throws {
        let tree = TempTree()
        tree.write("dvclive/metrics.json", "{\"step\": 3}")
        let a = MarkedText("step\ta\n0\t0.1\n1\t0.2\n1️⃣2")                                    // half-written
        let b = MarkedText("step\tb\n1️⃣0\tgood\n1\t0.5\n")                                   // a string value
        tree.write("dvclive/plots/metrics/a.tsv", a.text)
        tree.write("dvclive/plots/metrics/b.tsv", b.text)
        tree.write("dvclive/plots/metrics/c.tsv", "")                                        // empty
        tree.write("dvclive/plots/metrics/d.tsv", "timestamp\tstep\td\r\n")                  // header only, CRLF
        tree.write("dvclive/plots/metrics/e.tsv", bytes: [0xFF, 0x00, 0x13, 0x37, 10, 0x80]) // garbage
        let (runs, log) = tree.read()
        let run = try #require(runs.first)
        #expect(run.metric("a")?.values == [0.1, 0.2])
        #expect(run.metric("b")?.values == [0.5])
        #expect(run.metric("c") == nil && run.metric("d") == nil)
        #expect(log.warnings("reader.dvclive.half-written-line", file: "plots/metrics/a.tsv", line: a["1️⃣"].line).count == 1, "\(log.summaryText)")
        #expect(log.warnings("reader.dvclive.non-numeric-value", file: "plots/metrics/b.tsv", line: b["1️⃣"].line).count == 1)
        #expect(log.warnings("reader.dvclive.empty-file", file: "plots/metrics/c.tsv").count == 1)
        #expect(log.warnings("reader.dvclive.missing-step-column", file: "plots/metrics/e.tsv").count == 1)
    }

    @Test func damagedJSONAndYAML() throws {
        let tree = TempTree()
        let metrics = MarkedText("{\"loss\": 0.5,1️⃣")
        tree.write("dvclive/metrics.json", metrics.text)
        tree.write("dvclive/params.yaml", "a: [1\n")
        tree.write("dvclive/plots/metrics/loss.tsv", "step\tloss\n0\t0.5\n")
        tree.write("dvclive/plots/sklearn/confusion_matrix.json", "[{\"actual\": \"0\", \"predicted\": \"1\"}, {\"actual\": \"1\"}]")
        tree.write("dvclive/plots/sklearn/roc.json", "{\"roc\": []}")
        let (runs, log) = tree.read()
        let run = try #require(runs.first)
        #expect(run.metric("loss")?.count == 1)
        #expect(run.confusionMatrices.first?.counts == [[0, 1], [0, 0]])
        #expect(log.warnings("reader.dvclive.malformed-json", file: "dvclive/metrics.json", line: metrics["1️⃣"].line).count == 1, "\(log.summaryText)")
        #expect(log.warnings("reader.dvclive.malformed-yaml", file: "dvclive/params.yaml").count == 1)
        #expect(log.warnings("reader.dvclive.confusion-shape", file: "confusion_matrix.json").count == 1)
        #expect(log.warnings("reader.dvclive.confusion-shape", file: "roc.json").isEmpty)
    }

    @Test func artifactsInsideTheRunAndMissingOnes() throws {
        let tree = TempTree()
        tree.write("p/dvc.yaml", """
            metrics:
            - live/metrics.json
            artifacts:
              copied:
                path: live/artifacts/model.pt
              pulled-later:
                path: models/big.pt
              gone:
                path: models/none.pt
            """)
        tree.write("p/live/metrics.json", "{}")
        tree.write("p/live/plots/metrics/x.tsv", "step\tx\n0\t1\n")
        tree.write("p/live/artifacts/model.pt", "weights")
        tree.write("p/models/big.pt.dvc", "outs:\n- md5: 0\n  path: big.pt\n")
        let (runs, log) = tree.read()
        let run = try #require(runs.first)
        #expect(run.id == "p/live" && run.name == "live" && run.project == "p")
        #expect(run.artifacts.map(\.path) == ["artifacts/model.pt"])
        #expect(log.sorted.contains { $0.id == "reader.dvclive.artifact-not-in-workspace" && $0.severity == .note })
        #expect(log.warnings("reader.dvclive.artifact-missing", file: "p/dvc.yaml").count == 1, "\(log.summaryText)")
    }

    @Test func claims() {
        let reader = DVCLiveReader()
        let tree = TempTree()
        tree.write("a/dvclive/metrics.json", "{}")
        tree.write("b/out/params.yaml", "{}")
        tree.write("b/out/plots/metrics/x.tsv", "step\tx\n")
        tree.write("c/params.yaml", "{}")
        tree.write("c/dvc.yaml", "stages: {}\n")
        tree.write("d/run/runsite.json", "{}")
        tree.write("d/run/metrics.json", "{}")
        tree.write("d/run/plots/metrics/x.tsv", "step\tx\n")
        func claims(_ path: String) -> Bool {
            let url = tree.root.appendingPathComponent(path)
            return reader.claims(url, entries: Set(FilePaths.entries(of: url)))
        }
        #expect(claims("a/dvclive"))
        #expect(claims("b/out"))
        #expect(!claims("c"))          // a DVC pipeline's params, not DVCLive
        #expect(!claims("d/run"))
        #expect(!claims("a"))
    }
}

extension DVCLiveReaderTests {
    /// Every file of the fixture cut in half, replaced by garbage, or emptied: no crash, every diagnostic names a file.
    @Test func everyFileDamaged() throws { try SummaryComparison.survivesDamage(Self.fixture) }
}
