import RunsiteCharts
import RunsiteModel
import Testing
@testable import RunsiteSite

/// Grouped chart lines: means, bands and how runs that log at different x values are aligned.
@Suite struct ChartGroupsTests {
    @Test func meanAndSampleStandardDeviationAtSharedSteps() {
        let a = (xs: [0.0, 1, 2], ys: [1.0, 2, 3]), b = (xs: [0.0, 1, 2], ys: [3.0, 4, .nan])
        let g = ChartGroups.aggregate([a, b], band: .std)
        #expect(g.xs == [0, 1, 2])
        #expect(g.mean == [2, 3, 3])
        #expect(abs(g.high[0] - (2 + 2.squareRoot())) < 1e-12, "sample std of 1 and 3 is √2")
        #expect(g.low[2].isNaN && g.high[2].isNaN, "one value: no band")
        #expect(!g.binned)
    }

    @Test func runsLoggedAtDifferentStepsAreInterpolatedInsideTheirOwnRange() {
        let a = (xs: [0.0, 10], ys: [0.0, 10]), b = (xs: [5.0, 15], ys: [5.0, 5])
        let g = ChartGroups.aggregate([a, b], band: .minmax)
        #expect(g.xs == [0, 5, 10, 15])
        #expect(g.mean == [0, 5, 7.5, 5], "a at 5 is 5 (interpolated), b at 10 is 5; outside its range a run is absent")
        #expect(g.low == [0, 5, 5, 5] && g.high == [0, 5, 10, 5])
    }

    @Test func manyDistinctXValuesAreResampledOnEvenBins() {
        let xs = (0..<3000).map(Double.init)
        let g = ChartGroups.aggregate([(xs: xs, ys: xs), (xs: xs.map { $0 + 0.5 }, ys: xs)], band: .std)
        #expect(g.binned)
        #expect(g.xs.count == ChartGroups.bins)
    }

    @Test func aStatisticSetsTheLineAndTheBand() {
        let parts = [(xs: [0.0, 1], ys: [1.0, 10]), (xs: [0.0, 1], ys: [2.0, 20]), (xs: [0.0, 1], ys: [4.0, 30]), (xs: [0.0, 1], ys: [9.0, 40])]
        let median = ChartGroups.aggregate(parts, band: .std, statistic: .medianIQR, ids: ["a", "b", "c", "d"])
        #expect(median.mean == [3, 25], "the median, not the mean")
        #expect(median.low == [1.75, 17.5] && median.high == [5.25, 32.5], "NumPy's linear quartiles")
        let sem = ChartGroups.aggregate(parts, band: .minmax, statistic: .meanSem, ids: ["a", "b", "c", "d"])
        #expect(sem.mean == [4, 25] && abs(sem.high[1] - (25 + (500.0 / 3).squareRoot() / 2)) < 1e-12)
        let iqm = ChartGroups.aggregate(parts, band: .std, statistic: .iqmCI, ids: ["a", "b", "c", "d"])
        #expect(iqm.mean == [3, 25], "the IQM of four values is the mean of the middle two")
        #expect(zip(iqm.low, iqm.high).allSatisfy { $0 <= $1 })
        #expect(ChartGroups.aggregate(parts, band: .std, statistic: .iqmCI, ids: ["a", "b", "c", "d"]).low == iqm.low, "seeded: the same band")
    }

    @Test func theLegendAndCaptionSayWhichBandIsDrawn() throws {
        var runs: [Run] = []
        for (i, (optimizer, loss)) in [("adam", 0.5), ("adam", 0.4), ("sgd", 0.9), ("sgd", 0.8)].enumerated() {
            var run = Run(id: RunID("r\(i)"), source: "runsite", project: "p", name: "r\(i)", directory: "/r\(i)")
            run.params["optimizer"] = .string(optimizer)
            run.metrics = [MetricSeries(key: "loss", steps: [0, 1], values: [1, loss])]
            runs.append(run)
        }
        let template = "```{chart}\n:metrics: loss\n:group-by: optimizer\n:stats: median-iqr\n```\n"
        let page = try #require(ChartDirectiveTests.site(project: template, runs: runs).files["p/index.html"])
        #expect(page.contains("optimizer=adam (n=2; median [IQR])"), "legend")
        #expect(page.contains("each line is the group&#39;s median") || page.contains("each line is the group's median"))
        #expect(page.contains("band from the first to the third quartile"))
    }

    @Test func seedAgnosticGroupsIgnoreSeedsAndNameOnlyWhatDiffers() {
        func run(_ name: String, lr: String, seed: Int) -> Run {
            var r = Run(id: RunID(name), source: "runsite", project: "p", name: name, directory: name)
            r.params["optimizer.lr"] = .string(lr)
            r.params["train.seed"] = .int(Int64(seed))
            r.params["batch"] = .int(32)
            return r
        }
        let runs = [run("a", lr: "0.1", seed: 1), run("b", lr: "0.1", seed: 2), run("c", lr: "0.01", seed: 1)]
        #expect(ChartGroups(key: .seedAgnostic, band: .std).labels(runs) == ["optimizer.lr=0.1", "optimizer.lr=0.1", "optimizer.lr=0.01"])
        #expect(ChartGroups(key: .param("train.seed"), band: .std).labels(runs) == ["train.seed=1", "train.seed=2", "train.seed=1"])
    }

    @Test func extraFilesNeverShareAPath() {
        let files = ExtraFiles()
        #expect(files.add(OutputFile("a/figures/chart.svg", .text("1"))) == "a/figures/chart.svg")
        #expect(files.add(OutputFile("a/figures/chart.svg", .text("2"))) == "a/figures/chart-2.svg")
        #expect(files.add(OutputFile("a/figures/chart.svg", .text("3"))) == "a/figures/chart-3.svg")
        #expect(ExtraFiles.numbered("a.b/figures/readme", 2) == "a.b/figures/readme-2")
        #expect(files.files.count == 3)
    }
}
