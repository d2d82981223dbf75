/// All points logged for one metric of one run, in logged order, stored column-wise to stay compact.
///
/// `times` holds Unix seconds, or NaN where the format logged no time; `epochs` is empty when no
/// epoch was logged.
public struct MetricSeries: Sendable, Hashable {
    public var key: MetricKey
    public var steps: [Int64]
    public var values: [Double]
    public var times: [Double]
    public var epochs: [Double]
    /// The summary of every logged point, kept when the points were thinned by `compacted(buckets:)`.
    public var loggedSummary: MetricSummary?

    public init(key: MetricKey, steps: [Int64] = [], values: [Double] = [], times: [Double] = [], epochs: [Double] = []) {
        self.key = key
        self.steps = steps
        self.values = values
        self.times = times
        self.epochs = epochs
    }

    public var count: Int { values.count }

    /// Room for `count` points in the step, value and time columns, when a reader can tell how many
    /// are coming (from a file's size): the columns then grow once instead of doubling a dozen times.
    public mutating func reserveCapacity(_ count: Int, epochs withEpochs: Bool = false) {
        steps.reserveCapacity(count)
        values.reserveCapacity(count)
        times.reserveCapacity(count)
        if withEpochs { epochs.reserveCapacity(count) }
    }

    public mutating func append(step: Int64, value: Double, time: Double = .nan, epoch: Double? = nil) {
        steps.append(step)
        values.append(value)
        times.append(time)
        if let epoch {
            while epochs.count < values.count - 1 { epochs.append(.nan) }
            epochs.append(epoch)
        }
    }

    /// The series reordered by ascending step, keeping logged order among equal steps.
    public func sortedByStep() -> MetricSeries {
        let isSorted = steps.withUnsafeBufferPointer { steps in
            for i in steps.indices.dropFirst() where steps[i] < steps[i - 1] { return false }
            return true
        }
        if isSorted { return self }
        let order = steps.indices.sorted { steps[$0] != steps[$1] ? steps[$0] < steps[$1] : $0 < $1 }
        var out = MetricSeries(key: key)
        out.steps = order.map { steps[$0] }
        out.values = order.map { values[$0] }
        out.times = order.map { times[$0] }
        out.epochs = epochs.count == values.count ? order.map { epochs[$0] } : epochs
        return out
    }

    /// count / first / last / min / max / last step, as the summary contract defines them —
    /// always of every logged point, also after `compacted(buckets:)`.
    public var summary: MetricSummary { loggedSummary ?? MetricSummary(of: self) }

    /// Whether points were dropped by `compacted(buckets:)`.
    public var isCompacted: Bool { loggedSummary.map { $0.count != count } ?? false }
}

/// The numbers of `runs.json`: `count` counts every point (NaN too), `min`/`max` only finite values,
/// and `first`/`last` follow logged order with steps ascending.
public struct MetricSummary: Sendable, Hashable, Codable {
    public var count: Int
    public var first: Double?
    public var last: Double?
    public var min: Double?
    public var max: Double?
    public var lastStep: Step?
    public var firstStep: Step?
    /// The step at which `min` and `max` were first reached.
    public var minStep: Step?
    public var maxStep: Step?
    public var mean: Double?
    public var nonFinite: Int

    public init(of series: MetricSeries) {
        let sorted = series.sortedByStep()
        count = sorted.count
        first = sorted.values.first
        last = sorted.values.last
        firstStep = sorted.steps.first.map { Step($0) }
        lastStep = sorted.steps.last.map { Step($0) }
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0, n = 0, nonFinite = 0
        var minAt = -1, maxAt = -1
        // Over the buffers, with the extremes' indices: this runs once per point of every series.
        sorted.values.withUnsafeBufferPointer { values in
            for i in 0..<values.count {
                let v = values[i]
                guard v.isFinite else { nonFinite += 1; continue }
                if v < lo { lo = v; minAt = i }
                if v > hi { hi = v; maxAt = i }
                sum += v; n += 1
            }
        }
        self.nonFinite = nonFinite
        if minAt >= 0 { minStep = Step(sorted.steps[minAt]) }
        if maxAt >= 0 { maxStep = Step(sorted.steps[maxAt]) }
        min = n > 0 ? lo : nil
        max = n > 0 ? hi : nil
        mean = n > 0 ? sum / Double(n) : nil
    }
}
