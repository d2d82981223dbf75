/// The cells a heatmap draws: the matrix itself, or, past `blockLimit` classes, blocks of
/// adjacent classes with their counts summed, so that a figure stays a bounded size whatever the
/// number of classes.
struct HeatmapGrid: Sendable {
    /// The most rows (and columns) a heatmap draws.
    static let blockLimit = 256
    /// Past this many rows, cells are drawn as one path per shade, without per-cell text or tooltip.
    static let detailLimit = 50

    /// One label per drawn row: a class, or `first … last` for a block.
    let labels: [String]
    let counts: [[Double]]
    /// Classes per block; 1 when every class has its own row.
    let groupSize: Int

    init(labels: [String], counts: [[Double]], limit: Int = blockLimit) {
        let n = labels.count
        guard n > limit else {
            self.labels = labels
            self.counts = counts
            groupSize = 1
            return
        }
        let k = (n + limit - 1) / limit
        let m = (n + k - 1) / k
        var blocks = Array(repeating: Array(repeating: 0.0, count: m), count: m)
        for i in 0..<n {
            let row = counts[i]
            blocks[i / k].withUnsafeMutableBufferPointer { out in
                for j in 0..<n { out[j / k] += row[j] }
            }
        }
        self.labels = (0..<m).map { b in
            let first = b * k, last = min(n, first + k) - 1
            return first == last ? labels[first] : labels[first] + " … " + labels[last]
        }
        self.counts = blocks
        groupSize = k
    }

    /// Whether cells are drawn without per-cell text and tooltips.
    var isCompact: Bool { labels.count > Self.detailLimit }
}
