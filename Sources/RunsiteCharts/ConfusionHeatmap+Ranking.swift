extension ConfusionHeatmap {
    /// One off-diagonal cell: how often `trueLabel` was predicted as `predictedLabel`.
    public struct Confusion: Sendable, Hashable {
        public var trueLabel: String
        public var predictedLabel: String
        public var count: Double
        /// The count as a share of the true class's samples (its row), nil for an empty row.
        public var shareOfTrue: Double?

        /// `cat → dog: 12 (8% of true cat)`
        public var text: String {
            let share = shareOfTrue.map { " (" + ConfusionHeatmap.percentText($0) + " of true " + trueLabel + ")" } ?? ""
            return trueLabel + " \u{2192} " + predictedLabel + ": " + ConfusionHeatmap.countText(count) + share
        }
    }

    /// The largest off-diagonal cells, largest first (ties in row, then column order); zero cells are left out.
    public func largestConfusions(limit: Int = 5) -> [Confusion] {
        var cells: [(i: Int, j: Int, count: Double)] = []
        for i in counts.indices {
            for j in counts[i].indices where i != j && counts[i][j] > 0 { cells.append((i, j, counts[i][j])) }
        }
        cells.sort { $0.count != $1.count ? $0.count > $1.count : ($0.i, $0.j) < ($1.i, $1.j) }
        return cells.prefix(max(0, limit)).map { cell in
            let row = counts[cell.i].reduce(0, +)
            return Confusion(trueLabel: labels[cell.i], predictedLabel: labels[cell.j], count: cell.count,
                             shareOfTrue: row > 0 ? cell.count / row : nil)
        }
    }
}
