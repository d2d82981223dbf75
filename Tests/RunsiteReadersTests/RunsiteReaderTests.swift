import Foundation
import RunsiteCore
import RunsiteModel
import RunsiteReaders
import RunsiteTestSupport
import Testing

@Suite struct RunsiteReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/runsite")

    func read(_ input: URL) -> (projects: [Project], log: DiagnosticLog) {
        let log = DiagnosticLog()
        return (Discovery(readers: Readers.all).readProjects(in: [input], log: log), log)
    }

    @Test func basicProjectSummaryMatchesGolden() {
        let (projects, log) = read(Self.fixtures.appendingPathComponent("basic"))
        #expect(log.count == 0, "\(log.sorted.map(\.formatted))")
        #expect(projects.map(\.name) == ["basic"])
        let mismatch = Golden.check(RunSummaryJSON.encode(projects.flatMap(\.runs)), named: "runsite-basic-summary.json")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func summaryCountsNaNButMinMaxUseFiniteValuesOnly() throws {
        let (projects, _) = read(Self.fixtures.appendingPathComponent("basic"))
        let run = try #require(projects.first?.runs.first { $0.name == "alpha" })
        let loss = try #require(run.metric("train/loss")).summary
        #expect(loss.count == 4)
        #expect(loss.min == 0.25 && loss.max == 1.0)
        #expect(loss.last == 0.25 && loss.lastStep == 30)
        let acc = try #require(run.metric("val/acc")).summary
        #expect(acc.last == .infinity && acc.max == 0.75)
    }

    @Test func csvEmptyCellsAreNotLogged() throws {
        let (projects, _) = read(Self.fixtures.appendingPathComponent("basic"))
        let run = try #require(projects.first?.runs.first { $0.id.path.hasSuffix("/b") })
        #expect(run.metric("train/loss")?.steps == [0, 10, 30])
        #expect(run.metric("val/acc")?.steps == [0, 20, 30])
    }

    @Test func paramsAreFlattenedAndKeepTheirTypes() throws {
        let (projects, _) = read(Self.fixtures.appendingPathComponent("basic"))
        let run = try #require(projects.first?.runs.first { $0.name == "alpha" })
        #expect(run.params["optimizer.lr"] == .double(0.001))
        #expect(run.params["batch_size"] == .int(32))
        #expect(run.params["augment"] == .bool(true))
        #expect(run.params["note"] == .null)
    }

    @Test func symlinkOutsideTheRunIsSkippedWithAWarning() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rs-symlink-\(UUID().uuidString)")
        let run = root.appendingPathComponent("runs/r1")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("artifacts"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        let secret = root.appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: run.appendingPathComponent("artifacts/leak.txt"), withDestinationURL: secret)
        let (projects, log) = read(root.appendingPathComponent("runs"))
        #expect(projects.first?.runs.first?.artifacts.isEmpty == true)
        #expect(log.sorted.contains { $0.id == "reader.symlink-outside-run" && $0.location?.file.hasSuffix("leak.txt") == true })
    }

    @Test func malformedMetadataStillGivesARun() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rs-bad-\(UUID().uuidString)")
        let run = root.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let json = MarkedText("{\"name\": \"x\",\n 1️⃣oops}")
        try Data(json.text.utf8).write(to: run.appendingPathComponent("runsite.json"))
        try Data("not json".utf8).write(to: run.appendingPathComponent("params.json"))
        try Data([0xff, 0xfe, 0x00, 0x01]).write(to: run.appendingPathComponent("metrics.csv"))
        let (projects, log) = read(root)
        #expect(projects.first?.runs.count == 1)
        let metadata = try #require(log.sorted.first { $0.location?.file.hasSuffix("runsite.json") == true })
        #expect(metadata.location?.isAt(json["1️⃣"]) == true, "\(metadata.formatted)")
        #expect(log.sorted.contains { $0.location?.file.hasSuffix("params.json") == true })
    }

    func writeRun(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rs-types-\(UUID().uuidString)")
        let run = root.appendingPathComponent("r")
        for (name, text) in files {
            let url = run.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }
    @Test func metadataFieldsOfTheWrongTypeAreReported() throws {
        let root = try writeRun(["runsite.json": #"{"name": 5, "user": ["ada"], "tags": "baseline", "group": null, "notes": "ok"}"#])
        let (projects, log) = read(root)
        let run = try #require(projects.first?.runs.first)
        #expect(run.name == "r" && run.user == nil && run.tags.isEmpty && run.notes == "ok")
        let found = log.sorted.filter { $0.id == "reader.runsite.field-type" && $0.location?.file.hasSuffix("r/runsite.json") == true }
        #expect(found.count == 3, "\(log.sorted.map(\.formatted))")
        #expect(found.contains { $0.message.contains("'name'") } && found.contains { $0.message.contains("'user'") }
                && found.contains { $0.message.contains("'tags'") })

        let mixed = try writeRun(["runsite.json": #"{"tags": ["a", 1, "b"]}"#])
        let (mixedProjects, mixedLog) = read(mixed)
        #expect(mixedProjects.first?.runs.first?.tags == ["a", "b"])
        #expect(mixedLog.sorted.contains { $0.id == "reader.runsite.field-type" && $0.message.contains("'tags'") })
    }

    @Test func aStepThatIsNotAnIntegerIsReportedWithItsLine() throws {
        let lines = [#"{"step": 10, "loss": 1}"#, #"{"step": 2.5, "loss": 2}"#, #"{"step": "x", "loss": 3}"#,
                     #"{"step": 1e400, "loss": 4}"#, #"{"step": 20.0, "loss": 5}"#, #"{"loss": 6}"#]
        let root = try writeRun(["runsite.json": "{}", "metrics.jsonl": lines.joined(separator: "\n") + "\n"])
        let (projects, log) = read(root)
        let loss = try #require(projects.first?.runs.first?.metric("loss"))
        #expect(loss.values.count == 6)
        let bad = log.sorted.filter { $0.id == "reader.runsite.bad-step" }
        #expect(bad.map { $0.location?.line } == [2, 3, 4], "\(log.sorted.map(\.formatted))")
        #expect(bad.allSatisfy { $0.location?.file.hasSuffix("r/metrics.jsonl") == true })
    }

    @Test func confusionCellsThatAreNotCountsAreReported() throws {
        let root = try writeRun(["runsite.json": "{}",
                                 "confusion/val.json": #"{"labels": ["a", "b"], "matrix": [[-1, 2], ["x", null]]}"#,
                                 "confusion/ok.json": #"{"labels": ["a", "b"], "matrix": [[1, 2], [3, 4]]}"#])
        let (projects, log) = read(root)
        #expect(projects.first?.runs.first?.confusionMatrices.count == 2)
        let found = log.sorted.filter { $0.id == "reader.runsite.confusion-value" }
        #expect(found.count == 1, "\(log.sorted.map(\.formatted))")
        #expect(found.first?.location?.file.hasSuffix("confusion/val.json") == true)
        #expect(found.first?.message.hasPrefix("3 cells") == true)
    }

    @Test func aFIFONamedLikeALogFileDoesNotHangTheBuild() throws {
        let root = try writeRun(["runsite.json": "{}", "artifacts/model.txt": "weights"])
        let run = root.appendingPathComponent("r")
        let fifos = [run.appendingPathComponent("metrics.jsonl"), run.appendingPathComponent("artifacts/pipe.log")]
        for fifo in fifos { #expect(mkfifo(fifo.path, 0o644) == 0) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (projects: [Project], log: DiagnosticLog)?
        Thread.detachNewThread {
            result = read(root)
            done.signal()
        }
        let finished = done.wait(timeout: .now() + 10) == .success
        if !finished {
            // Unblock the reader stuck in open(2) on a FIFO, so the test process can end.
            for fifo in fifos { let fd = open(fifo.path, O_WRONLY | O_NONBLOCK); if fd >= 0 { close(fd) } }
            _ = done.wait(timeout: .now() + 10)
        }
        #expect(finished, "reading a run with a FIFO blocked")
        let run0 = try #require(result?.projects.first?.runs.first)
        #expect(run0.artifacts.map(\.path) == ["model.txt"])
        #expect(result?.log.sorted.contains { $0.location?.file.hasSuffix("r/metrics.jsonl") == true } == true)
    }

    @Test func symlinkLoopsInsideARunAreListedOnceAndDoNotHang() throws {
        let root = try writeRun(["runsite.json": "{}", "artifacts/f.txt": "x", "artifacts/sub/g.txt": "y"])
        let artifacts = root.appendingPathComponent("r/artifacts")
        for (name, target) in [("a", "."), ("b", "."), ("c", "."), ("sub/up", "..")] {
            try FileManager.default.createSymbolicLink(atPath: artifacts.appendingPathComponent(name).path, withDestinationPath: target)
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var artifactPaths: [String]?
        Thread.detachNewThread {
            artifactPaths = read(root).projects.first?.runs.first?.artifacts.map(\.path)
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 10) == .success, "three self-symlinks made the artifact walk exponential")
        #expect(artifactPaths == ["f.txt", "sub/g.txt"])
    }

    @Test func aByteOrderMarkDoesNotCostTheFirstLineOrTheMetadata() throws {
        let bom = "\u{FEFF}"
        let root = try writeRun(["runsite.json": bom + #"{"name": "bom"}"#,
                                 "params.json": bom + #"{"lr": 0.1}"#,
                                 "metrics.jsonl": bom + "{\"step\": 0, \"loss\": 2}\r\n{\"step\": 1, \"loss\": 1}\r\n"])
        let (projects, log) = read(root)
        let run = try #require(projects.first?.runs.first)
        #expect(log.sorted.isEmpty, "\(log.sorted.map(\.formatted))")
        #expect(run.name == "bom" && run.params["lr"] == .double(0.1))
        #expect(run.metric("loss")?.values == [2, 1])
    }
}
