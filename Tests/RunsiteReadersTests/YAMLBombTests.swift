import Foundation
import Testing
@testable import RunsiteReaders

/// "Billion laughs": nine levels of nine aliases each, about a kilobyte, that would expand to
/// 9⁹ nodes. Every YAML file a reader parses stops at `InputLimits.yamlAliasNodes` with a warning.
@Suite struct YAMLBombTests {
    static func bomb(key: String = "bomb") -> String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("\(key): *a8")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func parseStopsAtTheBudget() {
        let start = Date()
        #expect(throws: YAMLLimitExceeded.self) { try JSONValue.parseYAML(Self.bomb()) }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// An alias used as a mapping key: composing alone hashes the key, so the events are counted first.
    @Test func aliasAsKeyIsCountedBeforeComposing() {
        let text = Self.bomb().replacingOccurrences(of: "bomb: *a8", with: "bomb: {? *a8 : 1}")
        #expect(throws: YAMLLimitExceeded.self) { try JSONValue.parseYAML(text) }
    }

    @Test func ordinaryAliasesStillExpand() throws {
        let value = try JSONValue.parseYAML("base: &b {lr: 0.1, depth: 4}\nrun: *b\nlist: [*b, *b]\n")
        #expect(value["run"]?["lr"] == .double(0.1))
        #expect(value["list"]?.array?.count == 2)
    }

    @Test func lightningHParamsBombIsAWarning() {
        let tree = TempTree()
        tree.write("lightning_logs/version_0/metrics.csv", "epoch,step,loss\n0,0,1\n")
        tree.write("lightning_logs/version_0/hparams.yaml", Self.bomb())
        let (runs, log) = tree.read()
        #expect(runs.count == 1 && runs[0].params.isEmpty)
        #expect(log.warnings("reader.lightning-csv.malformed-yaml", file: "hparams.yaml").first?.message.contains("aliases expand past") == true,
                "\(log.summaryText)")
    }

    @Test func dvcliveParamsBombIsAWarning() {
        let tree = TempTree()
        tree.write("dvclive/metrics.json", "{\"loss\": 1}\n")
        tree.write("dvclive/params.yaml", Self.bomb())
        let (runs, log) = tree.read()
        #expect(runs.count == 1)
        #expect(log.warnings("reader.dvclive.malformed-yaml", file: "params.yaml").count == 1, "\(log.summaryText)")
    }

    @Test func hydraConfigBombIsAWarning() throws {
        let tree = TempTree()
        let job = tree.root.appendingPathComponent("outputs/2026-11-29/11-25-32")
        try FileManager.default.createDirectory(at: job.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SummaryComparison.fixture("hydra/outputs/2026-11-29/11-25-32"), to: job)
        tree.write("outputs/2026-11-29/11-25-32/.hydra/config.yaml", Self.bomb())
        let (runs, log) = tree.read()
        #expect(runs.count == 1)
        #expect(log.warnings("reader.hydra.malformed-yaml", file: "config.yaml").count == 1, "\(log.summaryText)")
    }

    @Test func mlflowMetaBombIsAWarning() throws {
        let root = try TemporaryStore.make()
        defer { TemporaryStore.remove(root) }
        let run = try TemporaryStore.run(in: root)
        try Data(Self.bomb(key: "tags").utf8).write(to: run.appendingPathComponent("meta.yaml"))
        let (_, log) = SummaryComparison.read(root)
        #expect(log.warnings("reader.mlflow.malformed-meta", file: "meta.yaml").first?.message.contains("aliases expand past") == true,
                "\(log.summaryText)")
    }
}
