import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteTestSupport
import Testing

@Suite struct MLflowReaderTests {
    let fileStore = SummaryComparison.fixture("mlflow/filestore")
    let sqlite = SummaryComparison.fixture("mlflow/sqlite")

    @Test func fileStoreMatchesMLflowClient() throws {
        let (runs, log) = SummaryComparison.read(fileStore)
        SummaryComparison.compare(runs, with: try SummaryComparison.expected(fileStore.appendingPathComponent("expected-summary.json")))
        #expect(runs.allSatisfy { $0.source == "mlflow" })
        // The legacy-lines run has a last line without its newline, which MLflow accepts too: no warnings.
        #expect(log.sorted.map(\.formatted) == [])
    }

    @Test func sqliteMatchesMLflowClient() throws {
        let (runs, log) = SummaryComparison.read(sqlite)
        SummaryComparison.compare(runs, with: try SummaryComparison.expected(sqlite.appendingPathComponent("expected-summary.json")))
        #expect(log.sorted.map(\.formatted) == [])
        let nan = try #require(runs.first { $0.name == "nan-and-inf" }?.metric("weird"))
        #expect(nan.values[nan.steps.firstIndex(of: 1)!].isNaN)
    }

    @Test func aDamagedExperimentMetaYAMLIsReportedNotIgnored() throws {
        // One flipped block in mlruns/1/meta.yaml made the whole store invisible, without a word.
        let tree = TempTree()
        tree.write("mlruns/1/meta.yaml", bytes: [0x00, 0x01, 0xFF, 0x7F] + Array("garbage".utf8))
        let run = "mlruns/1/0123456789abcdef0123456789abcdef"
        tree.write(run + "/meta.yaml", "run_id: 0123456789abcdef0123456789abcdef\nexperiment_id: '1'\nrun_name: r\nstatus: 3\nlifecycle_stage: active\nstart_time: 1700000000000\n")
        tree.write(run + "/metrics/loss", "1700000000000 0.5 0\n")
        let (runs, log) = tree.read()
        #expect(runs.map(\.name) == ["r"], "\(log.summaryText)")
        #expect(!log.warnings("reader.mlflow.malformed-meta", file: "mlruns/1/meta.yaml").isEmpty, "\(log.summaryText)")
    }

    @Test func fileStoreRunDetails() throws {
        let (runs, _) = SummaryComparison.read(fileStore)
        let baseline = try #require(runs.first { $0.name == "baseline-adam" })
        #expect(baseline.project == "image-classifier")
        #expect(baseline.notes == "Image classifier, lr=0.01")
        #expect(baseline.labels["mlflow.note.content"] == nil)
        #expect(baseline.labels["mlflow.source.name"] == "_generate.py")
        #expect(baseline.user == "root")
        #expect(baseline.start == 1795951621.953 && baseline.end == 1795951622.016)
        // artifact_uri names a machine that is gone: artifacts come from the run's own folder.
        #expect(baseline.artifacts.map(\.path).contains("checkpoints/model.pt"))
        #expect(baseline.artifacts.first { $0.path == "checkpoints/model.pt" }?.size == 3004)
        #expect(Set(baseline.images.map(\.name)) == ["plots/confusion_matrix.png", "samples/input_grid.png"])
        let matrix = try #require(baseline.confusionMatrices.first)
        #expect(matrix.name == "plots/confusion_matrix" && matrix.labels == ["cat", "dog", "bird"])
        #expect(matrix.counts == [[32, 3, 4], [5, 30, 0], [4, 5, 31]])
        let train = try #require(baseline.metric("train_loss"))
        #expect(train.times.first == 1700003600)
        let parent = try #require(runs.first { $0.name == "cv-parent" })
        let folds = runs.filter { $0.name.hasPrefix("fold-") }
        #expect(folds.count == 2 && folds.allSatisfy { $0.parentID == parent.id })
        #expect(runs.first { $0.name == "broken-features" }?.status == .failed)
        #expect(!runs.contains { $0.name == "deleted-run" || $0.name == "in-trash" })
    }

    @Test func sqliteRunDetails() throws {
        let (runs, _) = SummaryComparison.read(sqlite)
        let ensemble = try #require(runs.first { $0.name == "ensemble" })
        #expect(runs.first { $0.name == "member-a" }?.parentID == ensemble.id)
        #expect(ensemble.id.path.hasPrefix("mlflow.db/1/"))
        let bilstm = try #require(runs.first { $0.name == "bilstm-0" })
        #expect(bilstm.labels["owner"] == "nlp-team" && bilstm.tags == ["owner=nlp-team"])
        #expect(Set(bilstm.artifacts.map(\.path)) == ["checkpoints/model.pt", "eval/confusion_matrix.json", "eval/confusion_matrix.png", "notes.txt"])
        #expect(bilstm.confusionMatrices.first?.counts.count == 2)
        #expect(bilstm.images.map(\.name) == ["eval/confusion_matrix.png"])
        // No run of the SQLite store's artifact folder is read as a second store.
        #expect(runs.count == 6)
    }

    @Test func deletedItemsOnRequest() {
        var options = ReaderOptions()
        options.includeDeleted = true
        let files = SummaryComparison.read(fileStore, options: options).runs
        #expect(files.contains { $0.name == "deleted-run" })
        let trashed = files.first { $0.name == "in-trash" }
        #expect(trashed?.project == "deleted-experiment" && trashed?.id.path.hasPrefix("mlruns/.trash/") == true)
        let rows = SummaryComparison.read(sqlite, options: options).runs
        #expect(rows.contains { $0.name == "deleted-run" } && rows.contains { $0.name == "in-trash" })
    }

    // MARK: damaged input

    @Test func malformedMetricLinesAreSkippedWithTheirLine() throws {
        let root = try TemporaryStore.make()
        defer { TemporaryStore.remove(root) }
        let run = try TemporaryStore.run(in: root)
        let lines = MarkedText("1000 0.5 0\n1️⃣1001 0.4 1 extra\n2️⃣1002 abc 2\n3️⃣1003 0.3 x\n4️⃣\n1004 0.2 3\n5️⃣1005 0.1 4 ds digest extra\n6️⃣1006")
        try Data(lines.text.utf8).write(to: run.appendingPathComponent("metrics/loss"))
        let (runs, log) = SummaryComparison.read(root)
        let loss = try #require(runs.first?.metric("loss"))
        #expect(loss.values == [0.5, 0.2] && loss.steps == [0, 3])
        #expect(loss.times == [1, 1.004])
        let file = "metrics/loss"
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.metric-field-count", file: file, line: lines["1️⃣"].line))
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.non-numeric-value", file: file, line: lines["2️⃣"].line))
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.bad-metric-step", file: file, line: lines["3️⃣"].line))
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.metric-field-count", file: file, line: lines["4️⃣"].line))
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.metric-field-count", file: file, line: lines["5️⃣"].line))
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.metric-field-count", file: file, line: lines["6️⃣"].line))
    }

    @Test func missingAndEmptyMetaYAML() throws {
        let root = try TemporaryStore.make()
        defer { TemporaryStore.remove(root) }
        let run = try TemporaryStore.run(in: root)
        let experiment = run.deletingLastPathComponent()
        // A second run whose meta.yaml is gone and a third whose meta.yaml was caught empty mid-rewrite.
        let orphan = experiment.appendingPathComponent("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
        try FileManager.default.createDirectory(at: orphan.appendingPathComponent("metrics"), withIntermediateDirectories: true)
        try Data("1000 1.5 0\n".utf8).write(to: orphan.appendingPathComponent("metrics/acc"))
        try FileManager.default.createDirectory(at: orphan.appendingPathComponent("tags"), withIntermediateDirectories: true)
        try Data("orphan-run".utf8).write(to: orphan.appendingPathComponent("tags/mlflow.runName"))
        let empty = experiment.appendingPathComponent("cccccccccccccccccccccccccccccccc")
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("params"), withIntermediateDirectories: true)
        try Data().write(to: empty.appendingPathComponent("meta.yaml"))
        try Data("7".utf8).write(to: empty.appendingPathComponent("params/k"))
        try FileManager.default.removeItem(at: experiment.appendingPathComponent("meta.yaml"))
        let (runs, log) = SummaryComparison.read(root)
        #expect(runs.count == 3)
        #expect(runs.allSatisfy { $0.project == "11" })
        #expect(runs.first { $0.name == "orphan-run" }?.metric("acc")?.values == [1.5])
        #expect(runs.first { $0.id.path.hasSuffix("cccccccccccccccccccccccccccccccc") }?.params["k"] == .int(7))
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.missing-meta", file: "mlruns/11"))
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.missing-meta", file: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.empty-meta", file: "cccccccccccccccccccccccccccccccc/meta.yaml"))
    }

    @Test func corruptSQLiteWarnsInsteadOfCrashing() throws {
        let root = try TemporaryStore.make()
        defer { TemporaryStore.remove(root) }
        let db = root.appendingPathComponent("mlflow.db")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: db)
        var (runs, log) = SummaryComparison.read(root)
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.not-sqlite", file: "mlflow.db"))
        // A real header followed by garbage, and a database cut in half.
        var bytes = Array("SQLite format 3\0".utf8)
        bytes += (0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 17) }
        try Data(bytes).write(to: db)
        (runs, log) = SummaryComparison.read(root)
        #expect(runs.isEmpty && SummaryComparison.hasWarning(log, id: "reader.mlflow.sqlite-error", file: "mlflow.db"))
        let good = try #require(ByteReading.contents(of: sqlite.appendingPathComponent("mlflow.db")))
        try Data(good.prefix(good.count / 2)).write(to: db)
        (runs, log) = SummaryComparison.read(root)
        #expect(log.sorted.contains { $0.id.hasPrefix("reader.mlflow.sqlite") } || runs.count == 6)
        #expect(log.sorted.allSatisfy { $0.location?.file.hasSuffix("mlflow.db") ?? false })
    }

    @Test func sqliteFileIsNotModified() throws {
        let url = sqlite.appendingPathComponent("mlflow.db")
        let before = try #require(ByteReading.contents(of: url))
        _ = SummaryComparison.read(sqlite)
        #expect(ByteReading.contents(of: url) == before)
        #expect(!FileManager.default.fileExists(atPath: url.path + "-journal") && !FileManager.default.fileExists(atPath: url.path + "-wal"))
    }
}

/// A minimal file store in a temporary folder: `mlruns/11/meta.yaml` and one run `aaaa…/`.
enum TemporaryStore {
    static func make() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-mlflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    static func remove(_ root: URL) { try? FileManager.default.removeItem(at: root) }

    static func run(in root: URL) throws -> URL {
        let experiment = root.appendingPathComponent("mlruns/11")
        let run = experiment.appendingPathComponent("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("metrics"), withIntermediateDirectories: true)
        try Data("artifact_location: file:///nowhere/11\nexperiment_id: '11'\nlifecycle_stage: active\nname: damaged\n".utf8)
            .write(to: experiment.appendingPathComponent("meta.yaml"))
        try Data("""
            artifact_uri: file:///nowhere/11/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/artifacts
            end_time: null
            experiment_id: '11'
            lifecycle_stage: active
            run_id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            run_name: damaged-run
            start_time: 1000
            status: 1
            user_id: me

            """.utf8).write(to: run.appendingPathComponent("meta.yaml"))
        return run
    }
}

extension MLflowReaderTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SummaryComparison.sharedCorpus("mlflow-sqlite").path)))
    func sharedCorporaReadLikeTheFixtures() throws {
        for (corpus, fixture) in [("mlflow", fileStore), ("mlflow-sqlite", sqlite)] {
            let (runs, log) = SummaryComparison.read(SummaryComparison.sharedCorpus(corpus))
            let expected = try SummaryComparison.expected(fixture.appendingPathComponent("expected-summary.json"))
            let original = (expected["runs"]?.array ?? []).filter { $0["project"]?.string != "edge-cases" }
            SummaryComparison.compare(runs, with: .object([("runs", .array(original))]))
            #expect(log.count == 0)
        }
    }

    /// `log_image(key=, step=)` files are shown under their key and step; thumbnails are skipped.
    @Test func loggedImagesByKeyAndStep() throws {
        let root = try TemporaryStore.make()
        defer { TemporaryStore.remove(root) }
        let run = try TemporaryStore.run(in: root)
        let images = run.appendingPathComponent("artifacts/images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        for name in ["val~samples+step+3+timestamp+1700000000000+0a1b.png", "val~samples+step+3+timestamp+1700000000000+0a1b+compressed.webp",
                     "old%step%7%timestamp%1%ff.png"] {
            try Data([0x89, 0x50]).write(to: images.appendingPathComponent(name))
        }
        let (runs, _) = SummaryComparison.read(root)
        let shown = try #require(runs.first).images.map { "\($0.name)@\($0.step.map(String.init) ?? "-")" }.sorted()
        #expect(shown == ["old@7", "val/samples@3"])
        #expect(runs.first?.artifacts.count == 3)
    }
}

extension MLflowReaderTests {
    /// `mlflow.db` sits in a project folder: other runs beside it are still found, and a symlink back to
    /// the folder does not make the reader loop.
    @Test func projectFolderWithDatabase() throws {
        let root = try TemporaryStore.make()
        defer { TemporaryStore.remove(root) }
        let project = root.appendingPathComponent("project")
        try FileManager.default.copyItem(at: sqlite, to: project)
        try FileManager.default.copyItem(at: SummaryComparison.fixture("sacred/my_runs"), to: project.appendingPathComponent("experiments/my_runs"))
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("loop").path, withDestinationPath: project.path)
        let (runs, _) = SummaryComparison.read(root)
        #expect(runs.filter { $0.source == "mlflow" }.count == 6)
        #expect(runs.filter { $0.source == "sacred" }.map(\.id).first == "project/experiments/my_runs/1")
        #expect(runs.count == 11)
    }
}

extension MLflowReaderTests {
    /// A WAL-mode database is read without creating `-wal`/`-shm` files beside it.
    @Test func walDatabaseLeavesNoSidecarFiles() throws {
        let root = try TemporaryStore.make()
        defer { TemporaryStore.remove(root) }
        let db = root.appendingPathComponent("mlflow.db")
        var bytes = try #require(ByteReading.contents(of: sqlite.appendingPathComponent("mlflow.db")))
        bytes[18] = 2
        bytes[19] = 2
        try Data(bytes).write(to: db)
        let (runs, log) = SummaryComparison.read(root)
        #expect(runs.count == 6 && log.count == 0)
        #expect(FilePaths.entries(of: root) == ["mlflow.db"])
    }
}

extension MLflowReaderTests {
    @Test func everyFileDamaged() throws {
        try SummaryComparison.survivesDamage(fileStore)
        try SummaryComparison.survivesDamage(sqlite)
    }
}

extension MLflowReaderTests {
    /// `artifact_uri` comes from the input: a folder outside the input is never read (nor copied into a site).
    @Test func artifactLocationOutsideInputIsNotFollowed() throws {
        let outside = try TemporaryStore.make()
        let root = try TemporaryStore.make()
        defer { TemporaryStore.remove(root); TemporaryStore.remove(outside) }
        try Data("secret".utf8).write(to: outside.appendingPathComponent("id_rsa"))
        let run = try TemporaryStore.run(in: root)
        let meta = run.appendingPathComponent("meta.yaml")
        let text = try String(contentsOf: meta, encoding: .utf8)
            .replacingOccurrences(of: "file:///nowhere/11/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/artifacts", with: outside.absoluteString)
        try Data(text.utf8).write(to: meta)
        let (runs, log) = SummaryComparison.read(root)
        #expect(runs.first?.artifacts.isEmpty == true)
        #expect(SummaryComparison.hasWarning(log, id: "reader.mlflow.artifacts-outside-input", file: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/meta.yaml"))
    }
}
