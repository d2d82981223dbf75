import Foundation
import RunsiteBuild
import RunsiteCore
import Testing

/// A digest is as untrusted as the run it came from: one whose parts disagree is a warning when
/// read, never a trap later.
@Suite struct MalformedDigestTests {
    /// The digests of the basic fixture, with `change` applied to the first run's JSON.
    func digests(_ change: (inout [String: Any]) -> Void) throws -> URL {
        let folder = TestSite.temporaryDirectory().appendingPathComponent("digests")
        let projects = try Pipeline.readProjects([TestSite.fixtures.appendingPathComponent("runsite/basic")], format: nil,
                                                 options: .init(), log: DiagnosticLog(), compact: true)
        try DigestStore.write(projects, to: folder)
        let file = folder.appendingPathComponent(try #require(FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first))
        var digest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var run = try #require(digest["run"] as? [String: Any])
        change(&run)
        digest["run"] = run
        try JSONSerialization.data(withJSONObject: digest).write(to: file)
        return folder
    }

    func expectWarning(_ folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let log = DiagnosticLog()
        #expect(DigestStore.read([folder], log: log).flatMap(\.runs).count == 2, sourceLocation: sourceLocation)
        #expect(log.sorted.map(\.id) == ["digest.malformed"], sourceLocation: sourceLocation)
        let (_, buildLog) = try TestSite.build([]) { $0.digests = [folder] }
        #expect(buildLog.count(of: .error) == 0, sourceLocation: sourceLocation)
    }

    @Test func paramKeyWithoutValue() throws {
        try expectWarning(try digests { run in
            var params = run["params"] as? [String: Any] ?? [:]
            params["keys"] = (params["keys"] as? [String] ?? []) + ["ghost"]
            run["params"] = params
        })
    }

    @Test func confusionMatrixThatIsNotSquare() throws {
        try expectWarning(try digests { run in
            run["confusionMatrices"] = [["name": "val", "labels": ["a", "b", "c"], "counts": [[1, 2], [3]]]]
        })
    }
}
