/// Summary statistics of a small sample (the seeds of one group), as NumPy and SciPy define them.
enum SampleStatistics {
    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    /// The sample standard deviation (ddof = 1); nil for fewer than 2 values.
    static func std(_ x: [Double]) -> Double? {
        guard x.count > 1 else { return nil }
        let m = mean(x)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }

    /// The standard error of the mean, std / √n.
    static func sem(_ x: [Double]) -> Double? { std(x).map { $0 / Double(x.count).squareRoot() } }

    /// NumPy's default percentile (`method="linear"`): position q·(n−1) in the sorted sample,
    /// interpolated between its neighbours. `q` in [0, 1].
    static func percentile(sorted x: [Double], _ q: Double) -> Double {
        let position = q * Double(x.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, x.count - 1)
        let fraction = position - Double(lower)
        return x[lower] + (x[upper] - x[lower]) * fraction
    }

    /// The interquartile mean as `rliable` computes it (`scipy.stats.trim_mean(x, 0.25)`): the
    /// mean of the sorted sample without ⌊n/4⌋ values at each end.
    static func interquartileMean(sorted x: [Double]) -> Double {
        let cut = x.count / 4
        return mean(Array(x[cut..<(x.count - cut)]))
    }
}
