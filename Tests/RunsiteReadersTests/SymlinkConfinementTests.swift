import Foundation
import RunsiteCore
import Testing
@testable import RunsiteReaders

/// A symlink inside a run is followed only when its resolved target lies inside the input; any
/// other is skipped with a warning naming the link, whatever file or folder it stands for.
@Suite struct SymlinkConfinementTests {
    /// A secret outside the input, and an input beside it.
    let outside = TempTree()
    let tree = TempTree()

    func link(_ path: String, to target: String) throws {
        let url = tree.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    @Test func runFilesLinkedOutsideAreNotRead() throws {
        outside.write("params.json", "{\"token\": \"SECRET\"}\n")
        outside.write("metrics.jsonl", "{\"step\": 0, \"SECRET\": 1}\n")
        outside.write("confusion/val.json", "{\"labels\": [\"SECRET\", \"b\"], \"matrix\": [[1, 0], [0, 1]]}\n")
        tree.write("runs/a/runsite.json", "{\"name\": \"a\"}\n")
        try link("runs/a/params.json", to: outside.root.appendingPathComponent("params.json").path)
        try link("runs/a/metrics.jsonl", to: outside.root.appendingPathComponent("metrics.jsonl").path)
        try link("runs/a/confusion", to: outside.root.appendingPathComponent("confusion").path)
        let (runs, log) = tree.read()
        let run = try #require(runs.first)
        #expect(run.params.isEmpty && run.metrics.isEmpty && run.confusionMatrices.isEmpty)
        for name in ["params.json", "metrics.jsonl", "confusion"] {
            let warning = log.warnings("reader.symlink-outside-input", file: "runs/a/" + name)
            #expect(warning.count == 1, "\(log.summaryText)")
            #expect(warning.first?.notes.first?.location?.file.hasSuffix(outside.root.lastPathComponent + "/" + name) == true, "\(log.summaryText)")
        }
        #expect(log.warnings("reader.unreadable-file", file: "").isEmpty, "\(log.summaryText)")
    }

    @Test func projectReadmeLinkedToTheEnvironmentIsNotRead() throws {
        tree.write("runs/a/runsite.json", "{\"name\": \"a\"}\n")
        try link("runs/README.md", to: "/proc/self/environ")
        let log = DiagnosticLog()
        let projects = Discovery(readers: Readers.all).readProjects(in: [tree.root], log: log)
        #expect(projects.first?.readme == nil)
        #expect(log.warnings("reader.symlink-outside-input", file: "runs/README.md").count == 1, "\(log.summaryText)")
    }

    @Test func linksInsideTheInputAreFollowed() throws {
        tree.write("shared/params.json", "{\"lr\": 0.1}\n")
        tree.write("runs/a/runsite.json", "{\"name\": \"a\"}\n")
        try link("runs/a/params.json", to: "../../shared/params.json")
        let (runs, log) = tree.read()
        #expect(runs.first?.params["lr"] == .double(0.1))
        #expect(log.count == 0, "\(log.summaryText)")
    }

    /// An artifact folder linked out: nothing below it is listed or hashed, and the link is named once.
    @Test func artifactFolderLinkedOutsideIsNotListed() throws {
        outside.write("id_rsa", "SECRET\n")
        tree.write("runs/a/runsite.json", "{\"name\": \"a\"}\n")
        try link("runs/a/artifacts", to: outside.root.path)
        let (runs, log) = tree.read()
        #expect(runs.first?.artifacts.isEmpty == true)
        #expect(log.warnings("reader.symlink-outside-input", file: "runs/a/artifacts").count == 1, "\(log.summaryText)")
    }

    @Test func walkDoesNotLoopOnLinksBackUp() throws {
        tree.write("runs/a/runsite.json", "{\"name\": \"a\"}\n")
        tree.write("runs/a/artifacts/x.txt", "x\n")
        try link("runs/a/artifacts/up", to: "..")
        try link("runs/a/artifacts/self", to: ".")
        let (runs, _) = tree.read()
        #expect(runs.count == 1)
        #expect(runs[0].artifacts.count < 50)
    }
}

extension SymlinkConfinementTests {
    /// A name from run data that climbs out with `..` is held to the same rule as a symlink.
    @Test func dotDotBelowTheInputIsRefused() throws {
        outside.write("secret.txt", "SECRET\n")
        tree.write("runs/keep.txt", "")
        let climbing = tree.root.path + "/runs/../../" + outside.root.lastPathComponent + "/secret.txt"
        let log = DiagnosticLog()
        let bytes = InputScope.reading(tree.root, log: log) { ByteReading.contents(of: URL(fileURLWithPath: climbing)) }
        #expect(bytes == nil)
        #expect(log.count == 1, "\(log.summaryText)")
    }
}

extension SymlinkConfinementTests {
    /// Readers that read their runs with `ParallelMap` (Sacred, W&B, TensorBoard) are held to the
    /// rule on every worker thread.
    @Test func ruleHoldsOnParallelMapThreads() throws {
        outside.write("secret.txt", "SECRET\n")
        for i in 0..<8 { try link("runs/\(i)/secret.txt", to: outside.root.appendingPathComponent("secret.txt").path) }
        let log = DiagnosticLog()
        let root = tree.root
        let read = InputScope.reading(root, log: log) {
            ParallelMap.map(Array(0..<8)) { i in ByteReading.contents(of: root.appendingPathComponent("runs/\(i)/secret.txt")) }
        }
        #expect(read.allSatisfy { $0 == nil })
        #expect(log.count == 8, "\(log.summaryText)")
    }
}

extension SymlinkConfinementTests {
    /// One warning per trap: a database linked out is reported at the link, and nothing more.
    @Test func mlflowDatabaseLinkedOutsideIsOneWarning() throws {
        try FileManager.default.copyItem(at: SummaryComparison.fixture("mlflow/sqlite/mlflow.db"), to: outside.root.appendingPathComponent("mlflow.db"))
        try link("mlflow.db", to: outside.root.appendingPathComponent("mlflow.db").path)
        let (runs, log) = tree.read()
        #expect(runs.isEmpty)
        #expect(log.sorted.map(\.id) == ["reader.symlink-outside-input"], "\(log.summaryText)")
    }
}

extension SymlinkConfinementTests {
    /// A TensorBoard logdir's run folder linked out of the input is skipped under the id that says so.
    @Test func tensorBoardRunFolderLinkedOutsideIsNamed() throws {
        tree.write("logs/train/events.out.tfevents.1.host", bytes: RunsInsideRunsTests.events("loss", [1]))
        outside.write("val/events.out.tfevents.2.host", bytes: RunsInsideRunsTests.events("loss", [2]))
        try link("logs/val", to: outside.root.appendingPathComponent("val").path)
        let (runs, log) = tree.read()
        #expect(runs.map(\.id) == ["logs/train"], "\(log.summaryText)")
        let warning = log.warnings("reader.symlink-outside-input", file: "logs/val")
        #expect(warning.count == 1, "\(log.summaryText)")
        // A note names where the link leads.
        #expect(warning.first?.notes.first?.location?.file == outside.root.appendingPathComponent("val").resolvingSymlinksInPath().path,
                "\(log.summaryText)")
        #expect(log.warnings("reader.symlink-outside-run", file: "").isEmpty, "\(log.summaryText)")
    }
}
