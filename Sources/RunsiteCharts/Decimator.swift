/// Reduces a long series to what its plot can show: per pixel column, the first, last, lowest and
/// highest point, in their original order (the M4 idea). Every spike therefore survives at its
/// true height, the global first/last/min/max are kept because they are a column's extremes, and
/// the number of vertices follows the plot's width, not the data's length.
///
/// Points that cannot be placed (non-finite, or ≤ 0 on a log axis) end the current run, so the
/// line breaks there instead of bridging the gap. The result is a pure function of its input.
struct Decimator {
    /// Columns holding at least this many points get a min/max envelope band.
    static let bandThreshold = 4

    var xScale: Scale
    var yScale: Scale
    /// The plot's left edge and width in pixels; column *c* covers `[left + c, left + c + 1)`.
    var left: Double
    var columns: Int
    /// Pixels per decimation column: 1 normally; wider when many series share a chart, so that the
    /// chart's total vertex count stays within `LineChartOptions.vertexBudget`.
    var pixelsPerColumn: Double = 1

    /// The kept points of one series.
    func decimate(xs: [Double], ys: [Double]) -> DecimatedLine {
        var result = DecimatedLine()
        var run: [Int] = []
        var stretch: [ColumnBand] = []
        // The open pixel column; none while `isOpen` is false. Held as one value rather than an
        // optional: this loop runs for every point of every chart.
        var bucket = Bucket(column: 0, first: 0, y: 0)
        var isOpen = false

        func closeBucket() {
            guard isOpen else { return }
            let b = bucket
            b.appendKeptIndices(to: &run)
            if b.count >= Decimator.bandThreshold {
                // A band only spans neighbouring columns; across a jump in x it would invent data.
                if let previous = stretch.last, previous.column + 1 != b.column { closeStretch() }
                stretch.append(ColumnBand(column: b.column, low: b.minY, high: b.maxY))
            } else {
                closeStretch()
            }
            isOpen = false
        }
        func closeStretch() {
            if stretch.count >= 2 { result.bands.append(stretch) }
            stretch = []
        }
        func closeRun() {
            closeBucket()
            closeStretch()
            if !run.isEmpty { result.runs.append(run) }
            run = []
        }

        xs.withUnsafeBufferPointer { xs in
            ys.withUnsafeBufferPointer { ys in
                for i in 0..<min(xs.count, ys.count) {
                    let x = xs[i], y = ys[i]
                    guard xScale.accepts(x), yScale.accepts(y) else { closeRun(); continue }
                    let column = self.column(of: x)
                    if isOpen, bucket.column == column {
                        bucket.add(i, y)
                    } else {
                        closeBucket()
                        bucket = Bucket(column: column, first: i, y: y)
                        isOpen = true
                    }
                }
            }
        }
        closeRun()
        return result
    }

    /// The pixel column of a placeable x, clamped to the plot.
    func column(of x: Double) -> Int {
        let position = (xScale(x) - left) / pixelsPerColumn
        guard position.isFinite else { return 0 }
        // Clamped to be non-negative, so truncation is the floor (without a call to libm).
        return Int(min(max(position, 0), Double(max(columns - 1, 0))))
    }

    /// The points of one pixel column seen so far.
    private struct Bucket {
        var column: Int
        var first: Int
        var last: Int
        var minIndex: Int
        var maxIndex: Int
        var minY: Double
        var maxY: Double
        var count = 1

        init(column: Int, first: Int, y: Double) {
            self.column = column
            self.first = first
            last = first
            minIndex = first
            maxIndex = first
            minY = y
            maxY = y
        }

        mutating func add(_ i: Int, _ y: Double) {
            last = i
            count += 1
            // Strict comparisons keep the earliest of equal extremes, so output is deterministic.
            if y < minY { minY = y; minIndex = i }
            if y > maxY { maxY = y; maxIndex = i }
        }

        /// Appends first, min, max and last in index order, without repeats. Sorted by hand: an
        /// array per pixel column would be most of the decimator's time.
        func appendKeptIndices(to run: inout [Int]) {
            // first ≤ min, max ≤ last always; only min and max can be in either order.
            let low = Swift.min(minIndex, maxIndex), high = Swift.max(minIndex, maxIndex)
            // Indices ascend across a run's buckets, so comparing with the run's last index drops exactly the repeats.
            func add(_ i: Int) { if run.last != i { run.append(i) } }
            add(first); add(low); add(high); add(last)
        }
    }
}
