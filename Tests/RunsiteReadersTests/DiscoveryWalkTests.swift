import Foundation
import RunsiteCore
import RunsiteReaders
import Testing

/// Discovery walks real folders once, follows symlinks that stay inside the input, and skips (with a
/// warning) those that leave it.
@Suite struct DiscoveryWalkTests {
    func run(_ directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("{\"status\": \"finished\"}".utf8).write(to: directory.appendingPathComponent("runsite.json"))
        try Data("step,loss\n0,1\n".utf8).write(to: directory.appendingPathComponent("metrics.csv"))
    }

    @Test func symlinksInsideAreWalkedOnceAndThoseOutsideAreSkipped() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("rs-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: top) }
        let input = top.appendingPathComponent("input"), outside = top.appendingPathComponent("outside")
        try run(input.appendingPathComponent("project/a"))
        try run(input.appendingPathComponent("project/nested/b"))
        try run(outside.appendingPathComponent("c"))
        let fm = FileManager.default
        try fm.createSymbolicLink(at: input.appendingPathComponent("latest"), withDestinationURL: input.appendingPathComponent("project/nested"))
        try fm.createSymbolicLink(at: input.appendingPathComponent("leak"), withDestinationURL: outside)
        try fm.createSymbolicLink(at: input.appendingPathComponent("project/loop"), withDestinationURL: input.appendingPathComponent("project"))
        // The input itself reached through a symlink: real paths are resolved from there.
        let alias = top.appendingPathComponent("alias")
        try fm.createSymbolicLink(at: alias, withDestinationURL: input)

        for root in [input, alias] {
            let log = DiagnosticLog()
            let claims = Discovery(readers: Readers.all).claims(in: root, log: log)
            let names = claims.map(\.directory.lastPathComponent).sorted()
            #expect(names == ["a", "b"], "\(claims.map(\.directory.path))")
            #expect(log.sorted.filter { $0.id == "discovery.symlink-outside-input" }.map { $0.location?.file.hasSuffix("leak") == true } == [true])
        }
    }
}
