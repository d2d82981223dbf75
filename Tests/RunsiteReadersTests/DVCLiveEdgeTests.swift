import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteReaders

/// DVCLive folders that hold little: a metric named `step`, a run that logged nothing, a TSV without values.
@Suite struct DVCLiveEdgeTests {
    @Test func aMetricNamedStepIsItsOwnSteps() throws {
        let tree = TempTree()
        tree.write("p/dvclive/metrics.json", #"{"step": 2, "loss": 0.5}"#)
        tree.write("p/dvclive/plots/metrics/train/step.tsv", "timestamp\tstep\n1700000000000\t0\n1700000001000\t1\n1700000002000\t2\n")
        tree.write("p/dvclive/plots/metrics/loss.tsv", "timestamp\tstep\tloss\n1700000000000\t0\t1.0\n")
        let (runs, log) = tree.read()
        let run = try #require(runs.first)
        let step = try #require(run.metric("train/step"))
        #expect(step.steps == [0, 1, 2] && step.values == [0, 1, 2])
        #expect(step.times == [1_700_000_000, 1_700_000_001, 1_700_000_002])
        #expect(log.count(of: .warning) == 0, "\(log.summaryText)")
    }

    @Test func anEmptyRunIsARunWithNoMetrics() throws {
        let tree = TempTree()
        tree.write("p/dvclive/metrics.json", "{}")
        let (runs, log) = tree.read()
        #expect(runs.count == 1 && runs.first?.metrics.isEmpty == true, "\(log.summaryText)")
    }

    @Test func aTSVThatYieldsNoSeriesSaysWhy() throws {
        let tree = TempTree()
        tree.write("p/dvclive/metrics.json", #"{"acc": 0.5}"#)
        tree.write("p/dvclive/plots/metrics/acc.tsv", "timestamp\tstep\tacc\n")
        tree.write("p/dvclive/plots/metrics/odd.tsv", "timestamp\tstep\todd\n1700000000000\t0\t\n")
        let (_, log) = tree.read()
        let warnings = log.sorted.filter { $0.id == "reader.dvclive.no-series" }
        #expect(warnings.count == 2, "\(log.summaryText)")
        #expect(warnings.contains { $0.location?.file.hasSuffix("acc.tsv") == true && $0.message.contains("no data rows") })
    }
}
