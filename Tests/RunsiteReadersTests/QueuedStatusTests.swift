import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteReaders

/// Runs that were created but never started are `queued`, not `running`, in every format that says so.
@Suite struct QueuedStatusTests {
    @Test func sacredQueuedRun() throws {
        let tree = TempTree()
        tree.write("exp/1/run.json", #"{"status": "QUEUED", "experiment": {"name": "exp"}, "queue_time": "2024-01-01T00:00:00.000000"}"#)
        tree.write("exp/1/config.json", #"{"lr": 0.1}"#)
        tree.write("exp/1/metrics.json", "{}")
        let (runs, log) = tree.read()
        #expect(try #require(runs.first).status == .queued, "\(log.summaryText)")
    }

    @Test func mlflowScheduledRun() throws {
        let tree = TempTree()
        tree.write("mlruns/0/meta.yaml", "experiment_id: '0'\nlifecycle_stage: active\nname: Default\n")
        tree.write("mlruns/0/abc/meta.yaml", "experiment_id: '0'\nlifecycle_stage: active\nrun_id: abc\nrun_name: r\nstart_time: 1700000000000\nstatus: 2\n")
        let (runs, log) = tree.read()
        #expect(try #require(runs.first).status == .queued, "\(log.summaryText)")
        #expect(MLflowRunFields.status(.string("SCHEDULED")) == .queued)
        #expect(MLflowRunFields.status(.int(1)) == .running)
    }

    @Test func looseSpellings() {
        #expect(RunStatus(loose: "queued") == .queued && RunStatus(loose: "Pending") == .queued)
        #expect(RunStatus(loose: "started") == .running)
    }
}
