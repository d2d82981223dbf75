import RunsiteModel

/// Collects points for many metrics, keeping the order in which metric keys first appear.
public struct MetricAccumulator {
    private var index: [String: Int] = [:]
    public private(set) var series: [MetricSeries] = []
    /// The latest wall time seen (Unix seconds), for a run's last activity.
    public private(set) var lastTime: Double?
    /// Every point appended, over all series.
    public private(set) var pointCount = 0

    public init() {}

    public mutating func append(_ key: String, step: Int64, value: Double, time: Double = .nan, epoch: Double? = nil) {
        pointCount += 1
        let i: Int
        if let existing = index[key] { i = existing } else {
            i = series.count
            index[key] = i
            series.append(MetricSeries(key: MetricKey(key)))
        }
        series[i].append(step: step, value: value, time: time, epoch: epoch)
        if time.isFinite, time > (lastTime ?? -.infinity) { lastTime = time }
    }
}
