import RunsiteCore

/// How a grouped table cell or a grouped chart band summarises the runs of a group (`:stats:`).
enum SeedStatistic: String, CaseIterable {
    /// Mean ± sample standard deviation.
    case meanStd = "mean-std"
    /// Mean ± standard error of the mean.
    case meanSem = "mean-sem"
    /// Median [first quartile, third quartile].
    case medianIQR = "median-iqr"
    /// Interquartile mean [95 % percentile bootstrap confidence interval].
    case iqmCI = "iqm-ci"

    /// Resamples of the bootstrap.
    static let resamples = 10_000

    /// A group's centre and its spread: `± half` or `[low, high]`; no spread for one value.
    struct Summary: Hashable {
        var center: Double
        var spread: Spread?
        var n: Int
    }

    enum Spread: Hashable {
        case plusMinus(Double)
        case interval(Double, Double)
    }

    /// What the table's caption and a chart's legend call it.
    var label: String {
        switch self {
        case .meanStd: "mean ± std"
        case .meanSem: "mean ± s.e.m."
        case .medianIQR: "median [IQR]"
        case .iqmCI: "IQM [95 % bootstrap CI]"
        }
    }

    /// The statistic of `values` (finite); `ids` seed the bootstrap. With `strata` (one label per
    /// value: the task or environment a run belongs to), the bootstrap resamples within each stratum,
    /// as `rliable` does for scores across several tasks.
    func summarise(_ values: [Double], ids: [String], strata: [String]? = nil) -> Summary {
        let sorted = values.sorted()
        switch self {
        case .meanStd:
            return Summary(center: SampleStatistics.mean(values), spread: SampleStatistics.std(values).map(Spread.plusMinus), n: values.count)
        case .meanSem:
            return Summary(center: SampleStatistics.mean(values), spread: SampleStatistics.sem(values).map(Spread.plusMinus), n: values.count)
        case .medianIQR:
            let spread: Spread? = values.count > 1
                ? .interval(SampleStatistics.percentile(sorted: sorted, 0.25), SampleStatistics.percentile(sorted: sorted, 0.75)) : nil
            return Summary(center: SampleStatistics.percentile(sorted: sorted, 0.5), spread: spread, n: values.count)
        case .iqmCI:
            let center = SampleStatistics.interquartileMean(sorted: sorted)
            guard values.count > 1 else { return Summary(center: center, spread: nil, n: 1) }
            let ci = Bootstrap.interval(values, strata: strata, seed: SeededGenerator.seed(from: ids), statistic: SampleStatistics.interquartileMean)
            return Summary(center: center, spread: .interval(ci.low, ci.high), n: values.count)
        }
    }
}

/// The percentile bootstrap: resample with replacement, compute the statistic, and take the 2.5th
/// and 97.5th percentiles of the results (SciPy's `bootstrap(method="percentile")`).
enum Bootstrap {
    static func interval(_ values: [Double], strata: [String]? = nil, seed: UInt64, resamples: Int = SeedStatistic.resamples,
                         statistic: ([Double]) -> Double) -> (low: Double, high: Double) {
        var generator = SeededGenerator(seed: seed)
        var results: [Double] = []
        results.reserveCapacity(resamples)
        // Each stratum's values, drawn from only among themselves (one stratum without `strata`).
        var groups: [String: [Double]] = [:]
        for (i, value) in values.enumerated() { groups[strata?[i] ?? "", default: []].append(value) }
        let pools = groups.keys.sorted().map { groups[$0]! }
        var sample = [Double](repeating: 0, count: values.count)
        for _ in 0..<resamples {
            var i = 0
            for pool in pools {
                for _ in pool.indices { sample[i] = pool[generator.index(below: pool.count)]; i += 1 }
            }
            sample.sort()
            results.append(statistic(sample))
        }
        results.sort()
        return (SampleStatistics.percentile(sorted: results, 0.025), SampleStatistics.percentile(sorted: results, 0.975))
    }

    /// A two-sided bootstrap test of a difference of IQMs: both groups resampled together; the
    /// p-value is twice the smaller share of differences on either side of zero, at most 1.
    static func iqmDifferenceP(_ a: [Double], _ b: [Double], seed: UInt64, resamples: Int = SeedStatistic.resamples) -> Double {
        var generator = SeededGenerator(seed: seed)
        var below = 0, above = 0
        var x = [Double](repeating: 0, count: a.count), y = [Double](repeating: 0, count: b.count)
        for _ in 0..<resamples {
            for i in x.indices { x[i] = a[generator.index(below: a.count)] }
            for i in y.indices { y[i] = b[generator.index(below: b.count)] }
            x.sort(); y.sort()
            let difference = SampleStatistics.interquartileMean(sorted: x) - SampleStatistics.interquartileMean(sorted: y)
            if difference <= 0 { below += 1 }
            if difference >= 0 { above += 1 }
        }
        return min(1, 2 * Double(min(below, above)) / Double(resamples))
    }
}
