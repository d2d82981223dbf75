import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteBuild
@testable import RunsiteSite

/// Large builds hold runs without their columns between reading and rendering; pages that draw or
/// tabulate runs load them again from the overview digests.
@Suite struct HeldRunsTests {
    @Test func largeBuildsHoldRunsStrippedAndLoadThemPerPage() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("big")
        let count = Pipeline.overviewThreshold + 3
        for i in 0..<count {
            try TestSite.writeRun(in: root, i, header: "step,loss,acc",
                                  rows: (0..<400).map { "\($0),\(1.0 / Double($0 + 1 + i)),\(Double($0) / 400)" })
        }
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let request = TestSite.request(inputs: [root], output: out)
        let staging = try SiteWriter(output: out).stage()
        defer { staging.abandon() }
        let cache = BuildCache(previousSite: out, staging: staging, version: "test", incremental: true)
        let projects: [Project] = try Pipeline.readIncrementally(request, cache: cache, log: DiagnosticLog(), progress: nil)
        let runs: [Run] = projects.flatMap { $0.runs }
        #expect(runs.count == count)
        #expect(runs.allSatisfy { $0.holdsNoPoints }, "held without columns")
        let first = try #require(runs.first { $0.name == "run-000" })
        let keys: [String] = first.metrics.map { $0.key }.sorted()
        #expect(keys == ["acc", "loss"])
        let heldLoss: MetricSeries = try #require(first.metrics.first { $0.key == "loss" })
        #expect(heldLoss.summary.count == 400, "exact summaries kept")
        let loaded: Run = try #require(cache.overviewRun(of: first))
        #expect(!loaded.holdsNoPoints)
        let loadedLoss: MetricSeries = try #require(loaded.metrics.first { $0.key == "loss" })
        #expect(loadedLoss.summary == heldLoss.summary)
        #expect(loadedLoss.count > 0)
        #expect(loaded.summarised() == first, "the held run is the loaded one without its columns")
    }

    @Test func siteWidePagesLoadColumnsOnlyForDirectivesThatMayReadThem() {
        #expect(!PageSet.mayReadColumns("## Projects\n\n```{project-list}\n```\n\n```{running-runs}\n```\n```{report-list}\n```\n"))
        #expect(PageSet.mayReadColumns("```{charts}\n:metrics: all\n```\n"))
        #expect(PageSet.mayReadColumns("> ~~~~{runs-table}\n> ~~~~\n"))
        #expect(PageSet.mayReadColumns("- item\n\n  ```{chart} loss\n  ```\n"))
        #expect(!PageSet.mayReadColumns("```python\nprint('{charts}')\n```\n"))
    }
}
