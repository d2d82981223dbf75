import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteReaders

/// An input that another input already holds (the same folder, a folder inside it, a symlink to
/// it) is read once, through the input that holds it, with a warning naming it and a note at that input.
@Suite struct OverlappingInputsTests {
    let tree = TempTree()

    init() {
        tree.write("runs/a/metrics.jsonl", "{\"step\": 0, \"loss\": 1}\n")
        tree.write("runs/sweep/b/metrics.jsonl", "{\"step\": 0, \"loss\": 2}\n")
    }

    func read(_ paths: [String]) -> (ids: [String], log: DiagnosticLog) {
        let log = DiagnosticLog()
        let projects = Discovery(readers: Readers.all).readProjects(in: paths.map { tree.root.appendingPathComponent($0) }, log: log)
        return (projects.flatMap(\.runs).map(\.id.path).sorted(), log)
    }

    func overlap(_ log: DiagnosticLog) throws -> Diagnostic {
        let found = log.sorted.filter { $0.id == "input.overlap" }
        #expect(found.count == 1, "\(log.summaryText)")
        return try #require(found.first)
    }

    @Test func theSameInputTwiceIsReadOnce() throws {
        let (ids, log) = read(["runs", "runs"])
        #expect(ids == ["a", "sweep/b"])
        let warning = try overlap(log)
        #expect(warning.severity == .warning)
        #expect(warning.message.hasPrefix("input is the same folder as another input"), "\(warning.formatted)")
        #expect(warning.notes.count == 1 && warning.notes.first?.location?.file.hasSuffix("runs") == true, "\(warning.formatted)")
    }

    @Test func anInputInsideAnotherIsReadThroughTheOuterOneInEitherOrder() throws {
        for order in [["runs", "runs/sweep"], ["runs/sweep", "runs"]] {
            let (ids, log) = read(order)
            #expect(ids == ["a", "sweep/b"], "\(order)")
            let warning = try overlap(log)
            #expect(warning.location?.file.hasSuffix("runs/sweep") == true, "\(warning.formatted)")
            #expect(warning.message.hasPrefix("input is inside another input"), "\(warning.formatted)")
            let note = try #require(warning.notes.first)
            #expect(note.location?.file.hasSuffix("/runs") == true && note.text == "the input that holds it", "\(warning.formatted)")
        }
    }

    @Test func aSymlinkToAnotherInputIsThatInput() throws {
        try FileManager.default.createSymbolicLink(at: tree.root.appendingPathComponent("link"),
                                                   withDestinationURL: tree.root.appendingPathComponent("runs"))
        let (ids, log) = read(["runs", "link"])
        #expect(ids == ["a", "sweep/b"])
        let warning = try overlap(log)
        #expect(warning.location?.file.hasSuffix("link") == true, "\(warning.formatted)")
        #expect(warning.formatted.contains("\n") && warning.formatted.split(separator: "\n").last?.hasSuffix("runs: note: the input that holds it") == true,
                "\(warning.formatted)")
    }

    @Test func aPathThroughDotDotIsTheFolderItNames() throws {
        let (ids, log) = read(["runs/sweep/..", "runs"])
        #expect(ids == ["a", "sweep/b"])
        #expect(try overlap(log).message.hasPrefix("input is the same folder as another input"))
    }

    @Test func anInputInAFolderTheWalkSkipsIsStillRead() throws {
        tree.write("runs/.hidden/c/metrics.jsonl", "{\"step\": 0, \"loss\": 3}\n")
        let (ids, log) = read(["runs", "runs/.hidden"])
        #expect(ids == ["a", "c", "sweep/b"])
        #expect(log.sorted.allSatisfy { $0.id != "input.overlap" }, "\(log.summaryText)")
    }
}
