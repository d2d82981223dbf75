import RunsiteCore
import RunsiteMarkup

/// A confusion matrix drawn as an SVG heatmap: true classes as rows, predicted classes as columns,
/// the count in every cell that has room for it, blue shading normalised as asked, per-class
/// recall and precision in the margins, and a colour legend.
///
///     let map = ConfusionHeatmap(labels: ["cat", "dog"], counts: [[8, 2], [1, 9]])
///     map.caption   // "2 classes, 20 samples; accuracy 85%; shading by share of each true class (row)"
///     Serializer.xml(map.svg())
public struct ConfusionHeatmap: Sendable {
    let labels: [String]
    /// Square, finite and non-negative: missing cells are 0, invalid ones 0 and counted in `invalidCells`.
    let counts: [[Double]]
    /// What is drawn: `counts`, or blocks of classes when there are very many.
    let grid: HeatmapGrid
    let normalization: HeatmapNormalization
    let title: String
    /// The shares of the drawn cells under `normalization`, or nil for `.none`.
    let shares: [[Double]]?
    /// Shade positions in `[0, 1]`, relative to `legendMaximum`.
    let shade: [[Double]]
    /// The value (count, or share) that the darkest shade stands for.
    let legendMaximum: Double
    let invalidCells: Int
    /// The largest count or share of this matrix under its normalization: pass the maximum of
    /// several heatmaps' `colorMaximum` as their `sharedMaximum` to give them one colour scale.
    public let colorMaximum: Double
    /// Whether the darkest shade was set by `sharedMaximum`.
    let sharesScale: Bool
    let layout: HeatmapLayout

    /// Prepares the heatmap; `counts` is read as `counts[true][predicted]` and cut or padded to the labels.
    ///
    /// `sharedMaximum` fixes the value of the darkest shade, so that several heatmaps (one matrix
    /// logged at several steps, or several runs) share one colour scale; it is ignored for row and
    /// column shares, whose scale is always 0–100%, and never set below this matrix's own maximum.
    public init(labels: [String], counts: [[Double]], normalization: HeatmapNormalization = .rows, title: String = "",
                sharedMaximum: Double? = nil) {
        let n = labels.count
        var invalid = 0
        var clean = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                let value = i < counts.count && j < counts[i].count ? counts[i][j] : 0
                if value.isFinite && value >= 0 { clean[i][j] = value } else { invalid += 1 }
            }
        }
        self.labels = labels
        self.counts = clean
        self.normalization = normalization
        self.title = title
        invalidCells = invalid
        let grid = HeatmapGrid(labels: labels, counts: clean)
        self.grid = grid
        let shares = normalization.shares(grid.counts)
        self.shares = shares
        let values = shares ?? grid.counts
        let maximum = values.flatMap { $0 }.max() ?? 0
        // Row and column shares keep a fixed 0–100% scale so that charts compare; the others
        // stretch to their largest cell, since a share of all samples is small for every cell.
        colorMaximum = maximum
        let fixed = normalization == .rows || normalization == .columns
        let shared = sharedMaximum.flatMap { $0.isFinite && $0 > 0 ? max($0, maximum) : nil }
        let top = fixed ? 1 : shared ?? maximum
        sharesScale = !fixed && shared != nil
        legendMaximum = top
        shade = values.map { row in row.map { top > 0 ? $0 / top : 0 } }
        layout = HeatmapLayout(labels: grid.labels, title: title, showsShares: shares != nil)
    }

    var total: Double { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    var correct: Double { counts.indices.reduce(0) { $0 + counts[$1][$1] } }

    /// Recall of class `i` (diagonal over row sum), nil for a class with no true samples.
    func recall(_ i: Int) -> Double? {
        let sum = counts[i].reduce(0, +)
        return sum > 0 ? counts[i][i] / sum : nil
    }

    /// Precision of class `j` (diagonal over column sum), nil for a class never predicted.
    func precision(_ j: Int) -> Double? {
        let sum = counts.reduce(0) { $0 + $1[j] }
        return sum > 0 ? counts[j][j] / sum : nil
    }

    /// A sentence for the figure caption: classes, samples, accuracy and what the shading means.
    public var caption: String {
        let n = labels.count
        var parts = ["\(n) \(n == 1 ? "class" : "classes"), \(ConfusionHeatmap.countText(total)) samples"]
        if total > 0 { parts.append("accuracy " + ConfusionHeatmap.percentText(correct / total)) }
        parts.append(normalization.phrase + (sharesScale ? ", colour scale shared with the other matrices shown with it" : ""))
        if grid.groupSize > 1 {
            parts.append("classes drawn in \(grid.labels.count)×\(grid.labels.count) blocks of \(grid.groupSize), counts summed")
        }
        if grid.isCompact {
            parts.append("too many rows for per-cell counts")
        } else if !layout.showsCellText {
            parts.append("counts in each cell's tooltip")
        }
        if invalidCells > 0 {
            parts.append("\(invalidCells) invalid \(invalidCells == 1 ? "cell" : "cells") (negative or not a number) shown as 0")
        }
        return parts.joined(separator: "; ")
    }

    /// A count as text: whole numbers with thousands separators, others compact.
    static func countText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? NumberText.grouped(Int(value)) : NumberText.compact(value, significant: 3)
    }

    /// A share as a percentage with at most one decimal: `0.8734` → `87.3%`.
    static func percentText(_ share: Double) -> String {
        guard share.isFinite else { return "–" }
        return DecimalNumber(Int((share * 1000).rounded()), exponent: -1).plainText() + "%"
    }
}
