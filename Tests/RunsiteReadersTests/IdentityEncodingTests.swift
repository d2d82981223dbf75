import Foundation
import RunsiteModel
import Testing

/// Typed identities are written as the bare text they wrap, so digests and the cache keep their bytes.
@Suite struct IdentityEncodingTests {
    @Test func aRunIsEncodedWithItsIDAndParentAsText() throws {
        var run = Run(id: "runs/a b", source: "runsite", project: "p", name: "a", directory: "/in/runs/a b")
        run.parentID = "runs"
        run.metrics = [MetricSeries(key: "val/loss", steps: [0], values: [1])]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(run), as: UTF8.self)
        #expect(text.contains(#""id":"runs\/a b""#) && text.contains(#""parentID":"runs""#) && text.contains(#""key":"val\/loss""#), "\(text)")
        let back = try JSONDecoder().decode(Run.self, from: Data(text.utf8))
        #expect(back == run)
    }

    @Test func identitiesCompareAndPrintAsTheirText() {
        #expect(RunID("a/b") < RunID("a/c") && MetricKey("acc") < MetricKey("loss"))
        #expect("\(RunID("a/b")) \(MetricKey("val/loss"))" == "a/b val/loss")
    }
}
