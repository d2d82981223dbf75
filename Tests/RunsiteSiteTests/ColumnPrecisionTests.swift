import RunsiteMarkup
import RunsiteModel
import Testing
@testable import RunsiteSite

/// Metric cells show about four significant digits, one number of decimals per column; the exact
/// value stays in the cell's title and in every export.
@Suite struct ColumnPrecisionTests {
    func texts(_ values: [Double]) -> [String] {
        let precision = ColumnPrecision(values)
        return values.map(precision.text)
    }

    @Test func oneNumberOfDecimalsPerColumn() {
        #expect(texts([0.956865123, 0.371758, 0.5]) == ["0.9569", "0.3718", "0.5000"])
        #expect(texts([1.736459, 0.046836, 0.081669]) == ["1.736", "0.047", "0.082"])
        #expect(texts([1234.5678, 12.25]) == ["1235", "12"])
    }

    @Test func noMoreDecimalsThanAnyValueNeeds() {
        #expect(texts([0.5, 0.25, 0.75]) == ["0.50", "0.25", "0.75"])
        #expect(texts([10, 20, 300]) == ["10", "20", "300"])
        #expect(texts([0.05, 0.1503, 1.9]) == ["0.050", "0.150", "1.900"])
    }

    @Test func float32NoiseShowsAsTheNumberMeant() {
        #expect(texts([0.009999999776482582]) == ["0.01"])
        #expect(texts([0.009999999776482582, 0.019999999552965164]) == ["0.01", "0.02"])
        #expect(texts([0.30000001192092896, 0.699999988079071]) == ["0.3", "0.7"])
    }

    @Test func specialValues() {
        #expect(texts([.nan, .infinity, -.infinity, 0.5]) == ["NaN", "Infinity", "-Infinity", "0.5"])
        #expect(texts([0, 0.00793893]) == ["0", "0.007939"])
        #expect(texts([2.5, 1e-9]) == ["2.5", "1e-9"], "a value the column's decimals would show as 0")
        #expect(texts([3e12, 1]) == ["3e12", "1"])
        #expect(texts([-0.123456, 0.5]) == ["-0.1235", "0.5000"])
    }

    @Test func cellsKeepTheExactValueInTheirTitleAndExports() throws {
        func run(_ name: String, _ value: Double) -> Run {
            var run = Run(id: RunID(name), source: "runsite", project: "p", name: name, directory: name)
            run.metrics = [MetricSeries(key: "val/loss", steps: [0], values: [value])]
            return run
        }
        let runs = [run("a", 0.009999999776482582), run("b", 0.123456789)]
        let columns: [TableColumn] = [.run(.name), .metric("val/loss", .last)]
        let rows = runs.enumerated().map { RunsTable.Row(run: $1, link: "\($0)/", color: $0) }
        let html = Serializer.html(RunsTable(id: "t", rows: rows, columns: columns, visible: Set(columns), options: SiteOptions()).render().table)
        #expect(html.contains(#"data-v="0.009999999776482582" title="0.009999999776482582">0.0100<"#), "\(html)")
        #expect(html.contains(#"data-v="0.123456789" title="0.123456789">0.1235<"#), "\(html)")
        let csv = TableExport.csv(TableModel(runs: runs, columns: columns))
        #expect(csv.contains("a,0.009999999776482582") && csv.contains("b,0.123456789"), "\(csv)")
    }
}
