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

    /// The text is allocated once: its estimated size is enough, and not far above, for an index
    /// of the shape a large build writes.
    @Test func theEstimatedSizeHoldsTheText() throws {
        var index = BuildCache.Index(version: "0.1.0/12")
        for r in 0..<300 {
            let run = String(format: "%032x", r)
            index.units["mlflow\tmlruns/1\t" + run] = BuildCache.UnitEntry(
                signature: String(repeating: "ab", count: 16),
                digests: [.init(name: run + "-9f86d081884c7d65.digest.json", hash: String(repeating: "c", count: 16))],
                diagnostics: [],
                files: (0..<12).map { .init(path: "mlruns/1/\(run)/metrics/metric-\($0)", size: 400_000, sha256: String(repeating: "e", count: 64)) })
            index.pages["mlruns/1/\(run)/index.html"] = BuildCache.PageEntry(
                fingerprint: String(repeating: "f", count: 16),
                files: ["mlruns/1/\(run)/index.html"] + (0..<8).map { "mlruns/1/\(run)/figures/chart-metric-\($0).svg" })
        }
        let length = try index.json().utf8.count
        #expect(index.estimatedSize >= length)
        #expect(index.estimatedSize < length + length / 4)
    }
}
