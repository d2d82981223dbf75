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

    @Test func seedAgnosticGroupsIgnoreSeedsAndNameOnlyWhatDiffers() {
        func run(_ name: String, lr: String, seed: Int) -> Run {
            var r = Run(id: name, source: "runsite", project: "p", name: name, directory: name)
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
