import Foundation
import RunsiteModel
import Testing

@Suite struct CompactionTests {
    @Test func thinningKeepsSummariesSpikesAndLandmarkSteps() {
        var loss = MetricSeries(key: "loss"), acc = MetricSeries(key: "acc")
        for step in 0..<100_000 {
            loss.append(step: Int64(step), value: step == 77_777 ? 50 : 1 / Double(step + 1))
            acc.append(step: Int64(step), value: step == 31_415 ? 0.99 : 0.5 + Double(step % 7) / 100)
        }
        var run = Run(id: "r", source: "runsite", project: "p", name: "r", directory: "/")
        run.metrics = [loss, acc]
        let thin = run.compacted(buckets: 256)
        #expect(thin.metrics.allSatisfy { $0.count <= 4 * 256 + 16 })
        #expect(thin.metric("loss")?.summary == loss.summary, "summary of every logged point is kept")
        #expect(thin.metric("loss")?.values.contains(50) == true, "the spike survives")
        let at = thin.metric("loss").flatMap { s in s.steps.firstIndex(of: 31_415).map { s.values[$0] } }
        #expect(at == 1 / 31_416.0, "loss at the step where acc was best is kept exactly")
    }

    /// Every step pattern keeps exactly the points that binning each point on its own keeps: the
    /// thinning computes a bin once per bin rather than once per point.
    @Test(arguments: ["consecutive", "sparse", "repeated", "negative", "unsorted", "huge", "one step"])
    func thinningKeepsWhatPerPointBinningKeeps(pattern: String) {
        let steps = Self.steps(pattern)
        var series = MetricSeries(key: "m")
        for (i, step) in steps.enumerated() {
            let value = i % 97 == 0 ? Double.nan : sin(Double(i) * 0.37) * Double(i % 13)
            series.append(step: step, value: value)
        }
        let landmarks: Set<Int64> = [steps[steps.count / 3], steps[steps.count / 2]]
        for buckets in [16, 250, 512] {
            let thin = series.compacted(buckets: buckets, keeping: landmarks)
            let reference = Self.referenceKept(series.sortedByStep(), buckets: buckets, landmarks: landmarks)
            let same = { (i: Int) in thin.steps[i] == reference.steps[i] && thin.values[i].bitPattern == reference.values[i].bitPattern }
            let differing = (0..<min(thin.count, reference.count)).first { !same($0) }
            #expect(thin.count == reference.count, "\(pattern), \(buckets) bins: \(thin.count) points kept, \(reference.count) expected")
            #expect(differing == nil, "\(pattern), \(buckets) bins: kept points differ from index \(differing ?? -1)")
        }
    }

    private static func steps(_ pattern: String) -> [Int64] {
        switch pattern {
        case "consecutive": return (0..<10_000).map { Int64($0) }
        case "sparse": return (0..<6_000).map { i -> Int64 in Int64(i * i % 7_919 + i * 13) }.sorted()
        case "repeated": return (0..<9_000).map { Int64($0 / 7) }
        case "negative": return (0..<8_000).map { Int64($0) * 3 - 20_000 }
        case "unsorted": return (0..<7_000).map { Int64(($0 * 7_207) % 7_000) }
        case "huge": return (0..<5_000).map { i -> Int64 in (1 << 60) + Int64(i) * 1_000_003 }
        default: return [Int64](repeating: 42, count: 3_000)
        }
    }

    /// The thinning's definition, one bin computed per point.
    private static func referenceKept(_ sorted: MetricSeries, buckets: Int, landmarks: Set<Int64>) -> MetricSeries {
        guard sorted.count > 4 * buckets else { return sorted }
        let lo = Double(sorted.steps.first!), hi = Double(sorted.steps.last!)
        let width = max((hi - lo) / Double(buckets), .leastNonzeroMagnitude)
        var keep = [Bool](repeating: false, count: sorted.count)
        var bins: [Int: (first: Int, last: Int, min: Int?, max: Int?)] = [:]
        var nonFinite = 0
        var seen = Set<Int>()
        for i in 0..<sorted.count {
            let b = min(buckets - 1, Int((Double(sorted.steps[i]) - lo) / width))
            var entry = bins[b] ?? (i, i, nil, nil)
            entry.last = i
            let v = sorted.values[i]
            if v.isFinite {
                if entry.min.map({ v < sorted.values[$0] }) ?? true { entry.min = i }
                if entry.max.map({ v > sorted.values[$0] }) ?? true { entry.max = i }
            } else if nonFinite < buckets {
                keep[i] = true; nonFinite += 1
            } else if !seen.contains(b) {
                keep[i] = true; seen.insert(b)  // the patterns log NaN only
            }
            bins[b] = entry
            if landmarks.contains(sorted.steps[i]) { keep[i] = true }
        }
        for entry in bins.values {
            for i in [entry.first, entry.last, entry.min, entry.max].compactMap({ $0 }) { keep[i] = true }
        }
        var out = MetricSeries(key: sorted.key)
        for i in 0..<sorted.count where keep[i] { out.append(step: sorted.steps[i], value: sorted.values[i]) }
        return out
    }
}
