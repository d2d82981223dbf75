import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteReaders

/// A list or map param is one value written as compact JSON text, which parses back to what was
/// logged, and an empty map is kept rather than dropped.
@Suite struct ListParamTests {
    @Test func listsAndMapsAreCompactJSON() throws {
        let tree = TempTree()
        tree.write("r/runsite.json", "{}")
        tree.write("r/params.json", #"{"names": ["a", "b", "ç"], "files": [{"path": "a.bin", "weight": 0.7}], "odd": ["x, y", "q\"r"], "empty": {}, "nan": [NaN]}"#)
        let (runs, log) = tree.read()
        let params = try #require(runs.first).params
        #expect(params["names"] == .string(#"["a","b","ç"]"#))
        #expect(params["files"] == .string(#"[{"path":"a.bin","weight":0.7}]"#))
        #expect(params["odd"] == .string(#"["x, y","q\"r"]"#), "an item holding a comma or a quote stays one item")
        #expect(params["empty"] == .string("{}"))
        #expect(params["nan"] == .string("[NaN]"))
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
        let parsed = try JSONSerialization.jsonObject(with: Data(params["odd"]!.text.utf8)) as? [String]
        #expect(parsed == ["x, y", "q\"r"])
    }

    @Test func emptyMapsInYAMLAreKept() throws {
        let tree = TempTree()
        tree.write("logs/lightning_logs/version_0/metrics.csv", "epoch,step,loss\n0,0,1\n")
        tree.write("logs/lightning_logs/version_0/hparams.yaml", "lr: 0.1\nmetrics: {}\nlayers: [1, 2]\n")
        let (runs, _) = tree.read()
        let params = try #require(runs.first).params
        #expect(params["metrics"] == .string("{}"))
        #expect(params["layers"] == .string("[1,2]"))
    }
}
