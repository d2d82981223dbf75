import Foundation
import RunsiteCore
import Testing
@testable import RunsiteBuild

/// The cache index written field by field reads back as the same index `JSONEncoder` would write.
@Suite struct CacheIndexJSONTests {
    @Test func theIndexReadsBackAsWritten() throws {
        var index = BuildCache.Index(version: "0.1.0/6")
        let location = SourceLocation(file: "runs/a \"quoted\"/metrics.csv", line: 3, column: 7)
        index.units["tensorboard\truns/é/ü\trun/1"] = BuildCache.UnitEntry(
            signature: "abc\u{1}def",
            digests: [.init(name: "run-1-ff.json", hash: "12ab"), .init(name: "run-2-00.json", hash: "0")],
            diagnostics: [Diagnostic(.warning, id: "reader.x", "line has 2 fields\n\\", at: location,
                                     notes: [DiagnosticNote("header here", at: SourceLocation(file: "runs/a/metrics.csv", line: 1)), DiagnosticNote("no place")]),
                          Diagnostic(.note, id: "reader.y", "no location")],
            files: [.init(path: "runs/a/b.csv", size: 42, sha256: "00ff"), .init(path: "runs/a/c", size: 0, sha256: nil)])
        index.units["mlflow\tm\tn"] = BuildCache.UnitEntry(signature: "", digests: [], diagnostics: [], files: [])
        index.pages["p/index.html"] = BuildCache.PageEntry(fingerprint: "f1", files: ["p/index.html", "p/figures/a.csv"])
        index.pages["p/r/index.html"] = BuildCache.PageEntry(fingerprint: "f2", files: [])

        let written = try index.json()
        let read = try JSONDecoder().decode(BuildCache.Index.self, from: Data(written.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(read) == encoder.encode(index))
        #expect(try index.json() == written, "deterministic")
        #expect(!written.contains("\n  "), "compact")
    }
}
