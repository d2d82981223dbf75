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
        let lo = Double(sorted.steps.first!), hi = Double(sorted.steps.last!)
        let width = max((hi - lo) / Double(buckets), .leastNonzeroMagnitude)
        var keep = [Bool](repeating: false, count: count)
        var bin = -1, first = 0, last = 0, minI = -1, maxI = -1
        var nonFiniteKept = 0
        // The series is in step order, so the landmarks are met in order too: one pointer through
        // them instead of a hash lookup per point.
        let marks = landmarks.sorted()
        var nextMark = 0
        var seenKinds: (nan: Int, pos: Int, neg: Int) = (-1, -1, -1)
        func flush() {
            guard bin >= 0 else { return }
            keep[first] = true; keep[last] = true
            if minI >= 0 { keep[minI] = true }
            if maxI >= 0 { keep[maxI] = true }
        }
        for i in 0..<sorted.count {
            let b = min(buckets - 1, Int((Double(sorted.steps[i]) - lo) / width))
            if b != bin {
                flush()
                bin = b; first = i; minI = -1; maxI = -1
            }
            last = i
            while nextMark < marks.count, marks[nextMark] < sorted.steps[i] { nextMark += 1 }
            if nextMark < marks.count, marks[nextMark] == sorted.steps[i] { keep[i] = true }
            let v = sorted.values[i]
            if v.isFinite {
                if minI < 0 || v < sorted.values[minI] { minI = i }
                if maxI < 0 || v > sorted.values[maxI] { maxI = i }
            } else if nonFiniteKept < buckets {
                keep[i] = true; nonFiniteKept += 1
            } else {
                // Past the budget: one marker per bin and kind still shows where they are.
                if v.isNaN, seenKinds.nan != b { keep[i] = true; seenKinds.nan = b }
                if v == .infinity, seenKinds.pos != b { keep[i] = true; seenKinds.pos = b }
                if v == -.infinity, seenKinds.neg != b { keep[i] = true; seenKinds.neg = b }
            }
        }
        flush()
        var out = MetricSeries(key: key)
        let hasEpochs = sorted.epochs.count == sorted.count
        // Exact capacities: thinned runs are what large builds hold in memory, and arrays grown by
        // appending would carry up to twice the room they need.
        let kept = keep.reduce(0) { $0 + ($1 ? 1 : 0) }
        out.reserveCapacity(kept, epochs: hasEpochs)
        for i in 0..<sorted.count where keep[i] {
            out.steps.append(sorted.steps[i])
            out.values.append(sorted.values[i])
            out.times.append(i < sorted.times.count ? sorted.times[i] : .nan)
            if hasEpochs { out.epochs.append(sorted.epochs[i]) }
        }
        out.loggedSummary = logged
        return out
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
