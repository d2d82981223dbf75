import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteTestSupport
import Testing

@Suite struct SacredReaderTests {
    let fixture = SummaryComparison.fixture("sacred")

    @Test func matchesPythonJSON() throws {
        let (runs, log) = SummaryComparison.read(fixture)
        SummaryComparison.compare(runs, with: try SummaryComparison.expected(fixture.appendingPathComponent("expected-summary.json")))
        #expect(log.sorted.map(\.formatted) == [])
    }

    @Test func runDetails() throws {
        let (runs, _) = SummaryComparison.read(fixture)
        let failed = try #require(runs.first { $0.id == "my_runs/4" })
        #expect(failed.status == .failed)
        #expect(failed.texts.first { $0.name == "fail_trace" }?.text.hasSuffix("ValueError: loss exploded at epoch 2\n") == true)
        // "2026-11-29T11:25:53.028235" is UTC without a zone.
        let start = try #require(failed.start)
        #expect(abs(start - 1795951553.028235) < 1e-6)
        #expect(failed.host == "vm" && failed.labels["command"] == "train")
        #expect(runs.first { $0.id == "my_runs/3" }?.notes == "wide net")
        let first = try #require(runs.first { $0.id == "my_runs/1" })
        #expect(Set(first.artifacts.map(\.path)) == ["confusion_matrix.json", "cout.txt", "model.pt"])
        #expect(first.texts.contains { $0.name == "cout.txt" && $0.text.contains("mnist_mlp") })
        #expect(first.confusionMatrices.map(\.name) == ["confusion_matrix"] && first.confusionMatrices.first?.counts == [[50, 2, 1], [3, 47, 0], [1, 4, 45]])
        let loss = try #require(first.metric("training.loss"))
        #expect(loss.times.allSatisfy { $0.isFinite })
        let edge = try #require(runs.first { $0.id == "my_runs/5" })
        #expect(edge.status == .killed && edge.end == 1795951810.5)
        #expect(edge.metric("loss")?.values[1].isNaN == true && edge.metric("loss")?.values[2] == .infinity)
        #expect(edge.params["shape"] == .string("[28,28]") && edge.params["scale"] == .double(0.5))
    }

    // MARK: damaged input

    private func makeBase() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runsite-sacred-\(UUID().uuidString)")
        let run = root.appendingPathComponent("runs/1")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("runs/_sources"), withIntermediateDirectories: true)
        try Data(#"{"status": "RUNNING", "start_time": "2026-01-05T10:00:00", "experiment": {"name": "exp"}}"#.utf8)
            .write(to: run.appendingPathComponent("run.json"))
        try Data(#"{"lr": 0.5, "seed": 1}"#.utf8).write(to: run.appendingPathComponent("config.json"))
        return root
    }

    @Test func bareNaNAndNonNumericValues() throws {
        let root = try makeBase()
        defer { try? FileManager.default.removeItem(at: root) }
        let metrics = #"{"acc": {"steps": [0, 1, 2, 3], "timestamps": ["2026-01-05T10:00:01.5", "2026-01-05T10:00:09", "x", "2026-01-05T10:00:10"], "values": [0.81, NaN, "high", -Infinity]}}"#
        try Data(metrics.utf8).write(to: root.appendingPathComponent("runs/1/metrics.json"))
        let (runs, log) = SummaryComparison.read(root)
        let acc = try #require(runs.first?.metric("acc"))
        #expect(acc.steps == [0, 1, 3])
        #expect(acc.values[0] == 0.81 && acc.values[1].isNaN && acc.values[2] == -.infinity)
        #expect(acc.times[0] == 1767607201.5)
        #expect(SummaryComparison.hasWarning(log, id: "reader.sacred.non-numeric-value", file: "runs/1/metrics.json"))
        #expect(runs.first?.name == "exp #1" && runs.first?.project == "runs")
    }

    @Test func truncatedAndEmptyJSON() throws {
        let root = try makeBase()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = root.appendingPathComponent("runs/1")
        let metrics = MarkedText("{\n  \"acc\": {\n    \"steps\": [0, 1],\n    \"values\": [0.5,1️⃣")
        let config = MarkedText("{\"lr\": 0.5, \"seed\": 1️⃣}")
        try Data(metrics.text.utf8).write(to: run.appendingPathComponent("metrics.json"))
        try Data().write(to: run.appendingPathComponent("run.json"))
        try Data(config.text.utf8).write(to: run.appendingPathComponent("config.json"))
        let (runs, log) = SummaryComparison.read(root)
        #expect(runs.count == 1 && runs.first?.metrics.isEmpty == true && runs.first?.status == .unknown)
        #expect(SummaryComparison.hasWarning(log, id: "reader.sacred.malformed-json", file: "runs/1/metrics.json", line: metrics["1️⃣"].line))
        #expect(SummaryComparison.hasWarning(log, id: "reader.sacred.malformed-json", file: "runs/1/config.json", line: config["1️⃣"].line))
        #expect(SummaryComparison.hasWarning(log, id: "reader.sacred.empty-file", file: "runs/1/run.json"))
    }

    @Test func runWithoutRunJSON() throws {
        let root = try makeBase()
        defer { try? FileManager.default.removeItem(at: root) }
        let second = root.appendingPathComponent("runs/2")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try Data(#"{"lr": 0.25}"#.utf8).write(to: second.appendingPathComponent("config.json"))
        let (runs, log) = SummaryComparison.read(root)
        #expect(runs.map(\.id) == ["runs/1", "runs/2"])
        #expect(runs.last?.params["lr"] == .double(0.25))
        #expect(SummaryComparison.hasWarning(log, id: "reader.sacred.missing-run-json", file: "runs/2"))
    }
}

extension SacredReaderTests {
    @Test func singleRunFolderAsInput() throws {
        let (runs, log) = SummaryComparison.read(fixture.appendingPathComponent("my_runs/2"))
        #expect(runs.map(\.id) == ["2"] && runs.first?.project == "my_runs" && runs.first?.name == "mnist_mlp #2")
        #expect(log.count == 0)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SummaryComparison.sharedCorpus("sacred").path)))
    func sharedCorpusReadsLikeTheFixture() throws {
        let (runs, log) = SummaryComparison.read(SummaryComparison.sharedCorpus("sacred"))
        let expected = try SummaryComparison.expected(fixture.appendingPathComponent("expected-summary.json"))
        let original = JSONValue.object([("runs", .array((expected["runs"]?.array ?? []).filter { $0["id"]?.string != "my_runs/5" }))])
        SummaryComparison.compare(runs, with: original)
        #expect(log.count == 0)
    }
}

extension SacredReaderTests {
    @Test func everyFileDamaged() throws { try SummaryComparison.survivesDamage(fixture) }
}
