import RunsiteBuild
import Testing

/// The bins held per series for overviews: a power of two that a few more runs do not change
/// (a change re-renders every project page), 64 for M's 600 units, never below 8.
@Suite struct OverviewBinsTests {
    @Test func binsArePowersOfTwoThatShrinkStepwise() {
        var previous = Thinning.overviewBins(units: 0)
        #expect(previous == 64)
        for units in 1...20_000 {
            let bins = Thinning.overviewBins(units: units)
            #expect(bins >= 8 && bins <= previous && bins & (bins - 1) == 0, "\(units) units: \(bins) bins")
            previous = bins
        }
        #expect(Thinning.overviewBins(units: 600) == 64 && Thinning.overviewBins(units: 610) == 64)
        #expect(Thinning.overviewBins(units: 3_000) == 16)
    }
}
