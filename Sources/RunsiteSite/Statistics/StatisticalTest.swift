import RunsiteCore

/// The test of a group against the `:baseline:` group: Welch's t-test for the statistics built on
/// means and medians, a bootstrap test of the IQM difference for `iqm-ci`.
enum StatisticalTest {
    static func name(for statistic: SeedStatistic) -> String {
        statistic == .iqmCI ? "two-sided bootstrap test of the IQM difference, \(SeedStatistic.resamples) resamples" : "Welch's two-sided t-test"
    }

    static func p(_ cell: TableCell, against baseline: TableCell, statistic: SeedStatistic) -> Double? {
        switch statistic {
        case .iqmCI:
            guard cell.values.count > 1, baseline.values.count > 1 else { return nil }
            return Bootstrap.iqmDifferenceP(cell.values, baseline.values, seed: SeededGenerator.seed(from: cell.ids + baseline.ids))
        default:
            return WelchTest.p(cell.values, baseline.values)
        }
    }
}
