/// What a confusion heatmap's shading is relative to.
public enum HeatmapNormalization: String, Sendable {
    /// Raw counts, shaded from 0 to the largest cell.
    case none
    /// Each cell as a share of its row (its true class): the diagonal then reads as recall.
    case rows
    /// Each cell as a share of its column (its predicted class): the diagonal reads as precision.
    case columns
    /// Each cell as a share of all samples.
    case all

    /// The share of each cell, or nil for `.none`; empty rows or columns give 0, not NaN.
    func shares(_ counts: [[Double]]) -> [[Double]]? {
        let n = counts.count
        switch self {
        case .none:
            return nil
        case .rows:
            return counts.map { row in
                let sum = row.reduce(0, +)
                return row.map { sum > 0 ? $0 / sum : 0 }
            }
        case .columns:
            let sums = (0..<n).map { j in counts.reduce(0) { $0 + $1[j] } }
            return counts.map { row in row.enumerated().map { sums[$0] > 0 ? $1 / sums[$0] : 0 } }
        case .all:
            let total = counts.reduce(0) { $0 + $1.reduce(0, +) }
            return counts.map { row in row.map { total > 0 ? $0 / total : 0 } }
        }
    }

    /// How the caption and legend describe the shading.
    var phrase: String {
        switch self {
        case .none: return "shading by count"
        case .rows: return "shading by share of each true class (row)"
        case .columns: return "shading by share of each predicted class (column)"
        case .all: return "shading by share of all samples"
        }
    }

    /// The colour legend's short title.
    var legendTitle: String {
        switch self {
        case .none: return "count"
        case .rows: return "% of row"
        case .columns: return "% of column"
        case .all: return "% of total"
        }
    }
}
