import Foundation
import Testing
@testable import RunsiteReaders

/// A FIFO (or socket, or device) where a run file is expected is never opened for reading, which
/// would block forever; reading finishes with a warning.
@Suite struct SpecialFileTests {
    func fifo(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(url.path, 0o644) == 0)
    }

    @Test func fifoAsMetricsIsAWarning() throws {
        let tree = TempTree()
        tree.write("runs/a/runsite.json", "{\"name\": \"a\"}\n")
        try fifo(tree.root.appendingPathComponent("runs/a/metrics.jsonl"))
        let (runs, log) = tree.read()
        #expect(runs.count == 1 && runs[0].metrics.isEmpty)
        let warnings = log.warnings("reader.unreadable-file", file: "metrics.jsonl")
        #expect(warnings.count == 1 && warnings[0].message.contains("not a regular file"), "\(log.summaryText)")
    }

    @Test func fifoAsParamsYAMLIsAWarning() throws {
        let tree = TempTree()
        tree.write("dvclive/metrics.json", "{\"loss\": 1}\n")
        try fifo(tree.root.appendingPathComponent("dvclive/params.yaml"))
        let (runs, log) = tree.read()
        #expect(runs.count == 1 && runs[0].params.isEmpty)
        let warnings = log.warnings("reader.unreadable-file", file: "params.yaml")
        #expect(warnings.count == 1 && warnings[0].message.contains("not a regular file"), "\(log.summaryText)")
    }

    @Test func fifoAsDVCLiveArtifactIsSkippedWithAWarning() throws {
        let tree = TempTree()
        tree.write("dvc.yaml", "metrics:\n- dvclive/metrics.json\nartifacts:\n  model:\n    path: models/model.pt\n    type: model\n")
        tree.write("dvclive/metrics.json", "{\"loss\": 1}\n")
        try fifo(tree.root.appendingPathComponent("models/model.pt"))
        let (runs, log) = tree.read()
        #expect(runs.count == 1 && runs[0].artifacts.isEmpty)
        #expect(log.warnings("reader.special-file", file: "models/model.pt").count == 1, "\(log.summaryText)")
    }

    @Test func fifoInAnArtifactFolderIsSkippedWithAWarning() throws {
        let tree = TempTree()
        tree.write("runs/a/runsite.json", "{\"name\": \"a\"}\n")
        tree.write("runs/a/artifacts/kept.txt", "kept\n")
        try fifo(tree.root.appendingPathComponent("runs/a/artifacts/pipe.txt"))
        let (runs, log) = tree.read()
        #expect(runs.first?.artifacts.map(\.path) == ["kept.txt"])
        #expect(log.warnings("reader.special-file", file: "artifacts/pipe.txt").count == 1, "\(log.summaryText)")
    }
}
