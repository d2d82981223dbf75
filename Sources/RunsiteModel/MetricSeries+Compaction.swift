extension MetricSeries {
    /// The series thinned for drawing, with the summary of every logged point kept.
    ///
    /// The step range is cut into `buckets` equal bins; each bin keeps its first, last, minimum and
    /// maximum finite points, so a chart drawn from the result has the same min/max envelope (no spike
    /// is lost) as one drawn from every point, at any width up to `buckets` pixels. Non-finite points
    /// are all kept (up to `buckets` of them; past that one per bin and kind) so that charts can mark
    /// them. Memory then follows what is drawn (≤ 4 × buckets points), not what was logged.
    ///
    /// Points at `landmarks` (steps) are kept too: a run keeps, in every series, the steps where any
    /// of its metrics is first, last, lowest or highest, so "value of A where B was best" stays exact.
    public func compacted(buckets: Int = 1024, keeping landmarks: Set<Int64> = []) -> MetricSeries {
        let logged = summary
        guard count > 4 * buckets else {
            var same = self
            same.loggedSummary = logged
            return same
        }
        let sorted = sortedByStep()
        let keep = sorted.keptIndices(buckets: buckets, landmarks: landmarks.sorted())
        var out = MetricSeries(key: key)
        // Exact capacities: thinned runs are what large builds hold in memory, and arrays grown by
        // appending would carry up to twice the room they need.
        out.steps = keep.map { sorted.steps[$0] }
        out.values = keep.map { sorted.values[$0] }
        out.times = keep.map { $0 < sorted.times.count ? sorted.times[$0] : .nan }
        if sorted.epochs.count == sorted.count { out.epochs = keep.map { sorted.epochs[$0] } }
        out.loggedSummary = logged
        return out
    }
}

extension MetricSeries {
    /// A step up to which every step after `step` is still in bin `b`: the first step of the next
    /// bin, estimated and then moved down until the step before it is in bin `b` (so never past the
    /// true edge), or `step + 1` if that takes long. `Int64.max` in the last bin.
    private static func edge(after step: Int64, in b: Int, buckets: Int, lo: Double, width: Double,
                             bin: (Int64) -> Int) -> Int64 {
        guard b < buckets - 1 else { return .max }
        var s = Swift.max(Int64(lo + Double(b + 1) * width) + 1, step + 1)
        var tries = 0
        while s - 1 > step, bin(s - 1) > b {
            s -= 1; tries += 1
            if tries > 16 { return step + 1 }
        }
        return s
    }

    /// The indices `compacted` keeps, ascending, of a series in step order. It walks the columns'
    /// buffers and holds each bin's extremes as values: it runs once per point of every series a
    /// build reads.
    fileprivate func keptIndices(buckets: Int, landmarks marks: [Int64]) -> [Int] {
        let n = count
        var keep = [Bool](repeating: false, count: n)
        steps.withUnsafeBufferPointer { steps in
            values.withUnsafeBufferPointer { values in
                keep.withUnsafeMutableBufferPointer { keep in
                    let lo = Double(steps[0]), hi = Double(steps[n - 1])
                    let width = max((hi - lo) / Double(buckets), .leastNonzeroMagnitude)
                    var bin = -1, first = 0, last = 0, minI = -1, maxI = -1
                    var minV = Double.infinity, maxV = -Double.infinity
                    var nonFiniteKept = 0
                    // The landmarks are met in step order too: one pointer through them instead of
                    // a hash lookup per point.
                    var nextMark = 0
                    var seenKinds: (nan: Int, pos: Int, neg: Int) = (-1, -1, -1)
                    func binOf(_ step: Int64) -> Int { Swift.min(buckets - 1, Int((Double(step) - lo) / width)) }
                    // The bin never decreases as the step grows, so the division runs about once per
                    // bin: no step below `edge` is in a later bin than the last one computed. Steps
                    // past 2⁵² are not all exact doubles, and take the division at every point.
                    let exact = steps[0] > -(1 << 52) && steps[n - 1] < 1 << 52
                    var edge = Int64.min
                    for i in 0..<n {
                        let step = steps[i]
                        if step >= edge {
                            let b = binOf(step)
                            edge = exact ? Self.edge(after: step, in: b, buckets: buckets, lo: lo, width: width, bin: binOf) : .min
                            if b != bin {
                                if bin >= 0 {
                                    keep[first] = true; keep[last] = true
                                    if minI >= 0 { keep[minI] = true }
                                    if maxI >= 0 { keep[maxI] = true }
                                }
                                bin = b; first = i; minI = -1; maxI = -1
                                minV = .infinity; maxV = -.infinity
                            }
                        }
                        let b = bin
                        last = i
                        while nextMark < marks.count, marks[nextMark] < step { nextMark += 1 }
                        if nextMark < marks.count, marks[nextMark] == step { keep[i] = true }
                        let v = values[i]
                        if v.isFinite {
                            if v < minV { minV = v; minI = i }
                            if v > maxV { maxV = v; maxI = i }
                        } else if nonFiniteKept < buckets {
                            keep[i] = true; nonFiniteKept += 1
                        } else {
                            // Past the budget: one marker per bin and kind still shows where they are.
                            if v.isNaN, seenKinds.nan != b { keep[i] = true; seenKinds.nan = b }
                            if v == .infinity, seenKinds.pos != b { keep[i] = true; seenKinds.pos = b }
                            if v == -.infinity, seenKinds.neg != b { keep[i] = true; seenKinds.neg = b }
                        }
                    }
                    if bin >= 0 {
                        keep[first] = true; keep[last] = true
                        if minI >= 0 { keep[minI] = true }
                        if maxI >= 0 { keep[maxI] = true }
                    }
                }
            }
        }
        var kept: [Int] = []
        kept.reserveCapacity(Swift.min(n, 4 * buckets + marks.count))
        for i in 0..<n where keep[i] { kept.append(i) }
        return kept
    }
}

extension Run {
    /// The run with every metric compacted for drawing (see `MetricSeries.compacted(buckets:)`).
    public func compacted(buckets: Int = 1024) -> Run {
        // Summaries first (one pass each, kept), then the landmark steps of every metric.
        let summarised = metrics.map { series -> MetricSeries in
            var series = series
            series.loggedSummary = series.summary
            return series
        }
        var landmarks = Set<Int64>()
        for series in summarised {
            let s = series.summary
            for step in [s.firstStep, s.lastStep, s.minStep, s.maxStep] { if let step { landmarks.insert(step.value) } }
        }
        var run = self
        run.metrics = summarised.map { $0.compacted(buckets: buckets, keeping: landmarks) }
        return run
    }
}

extension Run {
    /// The run with only the summary of each metric kept, no points: what `export summary` needs,
    /// and what a large build holds of each run between reading and rendering while the columns
    /// wait on disk for the pages that draw them (see `RunStore`), so that memory
    /// does not grow with the number of points logged.
    public func summarised() -> Run {
        var run = self
        run.metrics = metrics.map { series in
            var only = MetricSeries(key: series.key)
            only.loggedSummary = series.summary
            return only
        }
        return run
    }
}

extension Run {
    /// Whether the run holds no metric points (held by `summarised()`, or nothing was logged).
    public var holdsNoPoints: Bool { metrics.allSatisfy { $0.count == 0 } }
}
