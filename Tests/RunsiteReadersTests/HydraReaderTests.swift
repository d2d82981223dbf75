import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteTestSupport
import Testing

@Suite struct HydraReaderTests {
    let fixture = SummaryComparison.fixture("hydra")

    @Test func matchesOmegaConfAndPandas() throws {
        let (runs, log) = SummaryComparison.read(fixture)
        SummaryComparison.compare(runs, with: try SummaryComparison.expected(fixture.appendingPathComponent("expected-summary.json")))
        #expect(log.sorted.map(\.formatted) == [])
    }

    @Test func runDetails() throws {
        let (runs, _) = SummaryComparison.read(fixture)
        let job = try #require(runs.first { $0.id == "multirun/2026-11-29/11-25-29/0" })
        #expect(job.labels["overrides"] == "lr=0.1 dropout=0.2")
        #expect(job.texts.contains { $0.name == "overrides.yaml" && $0.text == "- lr=0.1\n- dropout=0.2" })
        #expect(job.texts.contains { $0.name == "train.log" })
        #expect(job.group == "2026-11-29/11-25-29" && job.start != nil)
        #expect(Set(job.artifacts.map(\.path)) == ["metrics.csv", "train.log"])
        #expect(Set(runs.map(\.project)) == ["train", "train 2026-11-29/11-25-29"])
    }

    /// A job that ran an MLflow logger inside its output folder: the MLflow run's metrics join the Hydra run.
    @Test func nestedRunsAreMerged() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-hydra-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let job = root.appendingPathComponent("outputs/2026-01-05/10-00-00")
        try FileManager.default.createDirectory(at: job.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("outputs/2026-11-29/11-25-32"), to: job)
        let store = job.appendingPathComponent("mlruns")
        let experiment = SummaryComparison.fixture("mlflow/filestore/mlruns/522777690888906164")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: experiment, to: store.appendingPathComponent("522777690888906164"))
        // Keep one run of the experiment.
        for name in FilePaths.entries(of: store.appendingPathComponent("522777690888906164"))
        where name.count == 32 && name != "3a55b3119290413d83d6c8d85ba34ac0" {
            try FileManager.default.removeItem(at: store.appendingPathComponent("522777690888906164/\(name)"))
        }
        let (runs, log) = SummaryComparison.read(root)
        #expect(log.sorted.map(\.formatted) == [])
        let run = try #require(runs.first)
        #expect(runs.count == 1 && run.source == "hydra" && run.id == "outputs/2026-01-05/10-00-00")
        #expect(Set(run.metrics.map(\.key)) == ["train_loss", "val_loss", "val_acc", "epoch", "test_acc",
                                                 "mlruns/522777690888906164/3a55b3119290413d83d6c8d85ba34ac0/train_loss",
                                                 "mlruns/522777690888906164/3a55b3119290413d83d6c8d85ba34ac0/val_loss",
                                                 "mlruns/522777690888906164/3a55b3119290413d83d6c8d85ba34ac0/val_acc"])
        #expect(run.params["lr"] == .double(0.05) && run.params["optimizer"] == .string("adam"))
        #expect(run.status == .finished && run.notes == "Image classifier, lr=0.01")
        #expect(run.confusionMatrices.count == 1)
    }

    @Test func damagedFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-hydra-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let job = root.appendingPathComponent("outputs/2026-01-05/10-00-00")
        try FileManager.default.createDirectory(at: job.appendingPathComponent(".hydra"), withIntermediateDirectories: true)
        try Data("lr: [0.1\nbad: {".utf8).write(to: job.appendingPathComponent(".hydra/config.yaml"))
        try Data("- lr=0.1\n".utf8).write(to: job.appendingPathComponent(".hydra/overrides.yaml"))
        let csv = MarkedText("epoch,loss\n0,0.5\n1️⃣1,abc\n2️⃣2\n3,0.25\n4,NA\n5,nan\n6,0")
        try Data(csv.text.utf8).write(to: job.appendingPathComponent("metrics.csv"))
        let (runs, log) = SummaryComparison.read(root)
        let run = try #require(runs.first)
        #expect(run.name == "hydra" && run.project == "hydra" && run.params.isEmpty)
        let loss = try #require(run.metric("loss"))
        #expect(loss.steps == [0, 3, 5, 6] && loss.values[1] == 0.25 && loss.values[2].isNaN)
        #expect(SummaryComparison.hasWarning(log, id: "reader.hydra.malformed-yaml", file: ".hydra/config.yaml"))
        #expect(SummaryComparison.hasWarning(log, id: "reader.hydra.non-numeric-value", file: "metrics.csv", line: csv["1️⃣"].line))
        #expect(SummaryComparison.hasWarning(log, id: "reader.hydra.csv-field-count", file: "metrics.csv", line: csv["2️⃣"].line))
    }
}

extension HydraReaderTests {
    @Test func sweepProjectDescribesTheSweep() {
        let log = DiagnosticLog()
        let projects = Discovery(readers: Readers.all).readProjects(in: [fixture], log: log)
        #expect(projects.first { $0.name == "train 2026-11-29/11-25-29" }?.description == "Hydra sweep: lr=0.1,0.01 dropout=0.2,0.4")
        #expect(projects.first { $0.name == "train" }?.description == nil)
    }
}

extension HydraReaderTests {
    @Test func everyFileDamaged() throws { try SummaryComparison.survivesDamage(fixture) }
}
