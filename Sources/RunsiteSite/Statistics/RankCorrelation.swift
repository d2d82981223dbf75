/// Effect sizes between a param and a metric, computed as the textbooks (and SciPy) define them.
enum EffectSize {
    /// Ranks 1…n, ties given the mean of the ranks they span (SciPy's `rankdata(method="average")`).
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Pearson's r; nil when either side is constant or there are fewer than 2 pairs.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }

    /// Spearman's ρ: Pearson's r of the ranks (SciPy's `spearmanr`).
    static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(ranks(x), ranks(y))
    }

    /// The correlation ratio η = √(SS between groups / SS total) of `y` grouped by `labels`; nil
    /// when `y` is constant or there is one group.
    static func correlationRatio(labels: [String], _ y: [Double]) -> Double? {
        guard labels.count == y.count, y.count >= 2 else { return nil }
        let mean = y.reduce(0, +) / Double(y.count)
        var sums: [String: (sum: Double, count: Int)] = [:]
        for (label, value) in zip(labels, y) { sums[label, default: (0, 0)].sum += value; sums[label]!.count += 1 }
        guard sums.count >= 2 else { return nil }
        let total = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        guard total > 0 else { return nil }
        // Summed in key order, so that the result does not depend on the dictionary's order.
        let between = sums.keys.sorted().reduce(0.0) { acc, key in
            let group = sums[key]!
            let groupMean = group.sum / Double(group.count)
            return acc + Double(group.count) * (groupMean - mean) * (groupMean - mean)
        }
        return min(1, (between / total).squareRoot())
    }
}
