import RunsiteMarkup
import Testing
@testable import RunsiteCharts

/// Heatmaps of many classes stay a bounded size: no per-cell markup past `HeatmapGrid.detailLimit`
/// rows, and blocks of classes past `HeatmapGrid.blockLimit`.
@Suite struct LargeHeatmapTests {
    static func matrix(_ n: Int) -> (labels: [String], counts: [[Double]]) {
        var counts: [[Double]] = []
        for i in 0..<n {
            let row: [Double] = (0..<n).map { (j: Int) -> Double in i == j ? 50 : Double((i * 7 + j * 3) % 5) }
            counts.append(row)
        }
        return ((0..<n).map { "c\($0)" }, counts)
    }

    @Test func manyClassesAreDrawnAsOnePathPerShadeWithoutPerCellMarkup() {
        let (labels, counts) = Self.matrix(60)
        let map = ConfusionHeatmap(labels: labels, counts: counts)
        let svg = map.svg()
        #expect(svg.elements(withClass: "rs-cell").isEmpty)
        #expect(svg.elements(withClass: "rs-cell-count").isEmpty)
        let paths = svg.elements { $0.name == "path" }
        #expect(!paths.isEmpty && paths.count <= 64)
        #expect(map.caption.contains("too many rows for per-cell counts"))
        #expect(svg.elements(withClass: "rs-class-label").count == 120)
    }

    @Test func pastTheBlockLimitClassesAreSummedInBlocks() {
        let n = HeatmapGrid.blockLimit + 44
        let (labels, counts) = Self.matrix(n)
        let map = ConfusionHeatmap(labels: labels, counts: counts, normalization: .none)
        #expect(map.grid.groupSize == 2 && map.grid.labels.count == 150)
        #expect(map.grid.labels[0] == "c0 … c1")
        #expect(map.grid.counts[0][0] == counts[0][0] + counts[0][1] + counts[1][0] + counts[1][1])
        let total = map.grid.counts.reduce(0) { $0 + $1.reduce(0, +) }
        #expect(total == map.total)
        let svg = map.svg()
        #expect(svg.rootValue("data-classes") == String(n))
        #expect(map.caption.contains("150×150 blocks of 2"))
        #expect(map.caption.hasPrefix("\(n) classes"))
    }

    @Test func largestConfusionsMatchAFullSort() {
        let (labels, counts) = Self.matrix(40)
        let map = ConfusionHeatmap(labels: labels, counts: counts)
        var cells: [(i: Int, j: Int, count: Double)] = []
        for i in 0..<40 { for j in 0..<40 where i != j && counts[i][j] > 0 { cells.append((i, j, counts[i][j])) } }
        cells.sort { $0.count != $1.count ? $0.count > $1.count : ($0.i, $0.j) < ($1.i, $1.j) }
        let expected = cells.prefix(7).map { "\(labels[$0.i])>\(labels[$0.j])" }
        #expect(map.largestConfusions(limit: 7).map { "\($0.trueLabel)>\($0.predictedLabel)" } == expected)
    }

    @Test func differencesOfManyClassesCompareBlocks() {
        let (labels, counts) = Self.matrix(120)
        let diff = ConfusionDifferenceHeatmap(labels: labels, base: counts, other: counts, baseName: "a", otherName: "b")
        #expect(diff.labels.count <= HeatmapGrid.detailLimit)
        #expect(diff.differences.allSatisfy { $0.allSatisfy { $0 == 0 } })
    }
}
