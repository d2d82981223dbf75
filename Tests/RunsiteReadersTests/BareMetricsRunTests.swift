import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteReaders

/// A folder of runsite-layout metric files without `runsite.json` is a run named after its folder.
@Suite struct BareMetricsRunTests {
    @Test func hydraJobWithoutItsHydraFolder() throws {
        let tree = TempTree()
        tree.write("outputs/2024-01-01/12-00-00/train.log", "[2024-01-01 12:00:00] starting\n")
        tree.write("outputs/2024-01-01/12-00-00/metrics.jsonl", "{\"step\": 0, \"loss\": 1.5}\n{\"step\": 1, \"loss\": 1.0}\n")
        let (runs, log) = tree.read()
        let run = try #require(runs.first)
        #expect(runs.count == 1 && run.source == "runsite" && run.name == "12-00-00")
        #expect(run.metric("loss")?.values == [1.5, 1.0])
        #expect(log.count(of: .warning) == 0, "no warning about the user's own files: \(log.summaryText)")
    }

    @Test func handRolledCSVLogger() throws {
        let tree = TempTree()
        tree.write("exp/baseline/metrics.csv", "step,train/loss,val/acc\n0,2.0,\n10,1.0,0.5\n")
        let (runs, _) = tree.read()
        let run = try #require(runs.first)
        #expect(run.name == "baseline" && run.metric("val/acc")?.steps == [10])
    }

    @Test func otherFilesNamedLikeMetricsAreNotRuns() {
        let tree = TempTree()
        tree.write("data/metrics.csv", "name,value\na,0.5\n")
        tree.write("notes/metrics.jsonl", "not json\n")
        #expect(tree.read().runs.isEmpty)
    }
}
