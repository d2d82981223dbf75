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
        // Only the best `limit` cells are kept while scanning, so a matrix of many classes is not copied.
        let limit = max(0, limit)
        var cells: [(i: Int, j: Int, count: Double)] = []
        for i in counts.indices {
            for j in counts[i].indices where i != j && counts[i][j] > 0 {
                let count = counts[i][j]
                guard cells.count < limit || count > cells[cells.count - 1].count else { continue }
                let at = cells.firstIndex { count > $0.count } ?? cells.count
                cells.insert((i, j, count), at: at)
                if cells.count > limit { cells.removeLast() }
            }
        }
        return cells.map { cell in
            let row = counts[cell.i].reduce(0, +)
            return Confusion(trueLabel: labels[cell.i], predictedLabel: labels[cell.j], count: cell.count,
                             shareOfTrue: row > 0 ? cell.count / row : nil)
        }
    }
}
