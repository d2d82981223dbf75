import RunsiteModel
@testable import RunsiteSite
import RunsiteTestSupport
import Testing

@Suite struct TableTests {
    let options = SiteOptions()
    let runs = SampleRuns.all

    func model(_ columns: String, groupBy: GroupKey? = nil) throws -> TableModel {
        let spec = try ColumnSpec.parse(columns, options: options)
        var model = groupBy.map { TableModel(runs: runs, columns: spec.columns, groupBy: $0) } ?? TableModel(runs: runs, columns: spec.columns)
        model.markBest(options: options, second: true)
        return model
    }

    @Test func csvCellsThatSpreadsheetsWouldRunAsFormulasAreDefused() throws {
        var hostile = SampleRuns.all[0]
        hostile.name = "=HYPERLINK(\"http://x\",\"y\")"
        hostile.params["note"] = .string("@SUM(A1)")
        hostile.params["offset"] = .double(-0.5)
        let spec = try ColumnSpec.parse("run:name, param:note, param:offset", options: options)
        let csv = TableExport.csv(TableModel(runs: [hostile], columns: spec.columns))
        let row = csv.split(separator: "\n")[1]
        #expect(row.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), "\(row)")
        #expect(row.contains(",'@SUM(A1),"))
        #expect(row.hasSuffix(",-0.5"))   // numbers stay exact
        #expect(CSVText.spreadsheetSafe("-0.5") == "-0.5" && CSVText.spreadsheetSafe("-x") == "'-x")
    }

    @Test func markdownEscapesInOnePassAsBefore() throws {
        var odd = SampleRuns.all[0]
        odd.name = "a|b*c_d<e\\f\r\ng"
        let spec = try ColumnSpec.parse("run:name", options: options)
        let markdown = TableExport.markdown(TableModel(runs: [odd], columns: spec.columns))
        #expect(markdown.contains("| a\\|b\\*c\\_d\\<e\\\\f\r g |"), "\(markdown)")
    }

    @Test func bestIsBoldAndSecondUnderlinedByDirection() throws {
        let table = try model("run:name, metric:val/loss:min, metric:test/acc:max")
        #expect(table.rows.map { $0.cells[1].mark } == [.second, .best, nil, nil])
        #expect(table.rows.map { $0.cells[2].mark } == [.second, .best, nil, nil])
    }

    @Test func groupsShowMeanAndStd() throws {
        let table = try model("run:name, param:optimizer.lr, metric:val/loss:min", groupBy: .param("optimizer.name"))
        #expect(table.headers == ["optimizer.name", "n", "optimizer.lr", "val/loss (min)"])
        #expect(table.rows.map(\.group) == ["adam", "sgd"])
        #expect(table.rows[0].cells[1].text == "0.450 ± 0.071")
        #expect(table.rows[1].cells[0].text == "0.075 ± 0.035")
        #expect(table.rows[0].cells[1].mark == .best)
    }

    @Test func sortPutsMissingValuesLast() throws {
        var query = TableQuery()
        query.sort = try ColumnSpec.parse("-metric:test/acc:last", options: options)
        #expect(SampleRuns.names(query.order(runs)) == ["adam-2", "sgd-2", "adam-1", "sgd-1"])
        query.sort = try ColumnSpec.parse("param:optimizer.name, -param:seed", options: options)
        #expect(SampleRuns.names(query.order(runs)) == ["adam-2", "adam-1", "sgd-2", "sgd-1"])
    }

    @Test func diffOnlyDropsConstantColumns() throws {
        var query = TableQuery()
        query.columns = try ColumnSpec.parse("run:name, run:source, param:seed, metric:val/loss:first", options: options)
        query.diffOnly = true
        #expect(query.plan(runs, options: options).columns == [.run(.name), .param("seed"), .metric("val/loss", .first)])
    }

    @Test func latexEscapesAndMarks() throws {
        #expect(TableExport.latexEscape("a_b 5% & #1 $x$ {y} ~ ^ \\") == "a\\_b 5\\% \\& \\#1 \\$x\\$ \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}")
        let table = try model("run:name, param:optimizer.lr, metric:val/loss:min", groupBy: .param("optimizer.name"))
        let latex = TableExport.render(table, as: .latex)
        #expect(latex.contains("\\toprule") && latex.contains("\\midrule") && latex.contains("\\bottomrule"))
        #expect(latex.contains("\\textbf{0.450 $\\pm$ 0.071}"))
        #expect(latex.contains("\\underline{0.78 $\\pm$ 0.18}"))
    }

    @Test func exportsMatchGoldens() throws {
        let perRun = try model("run:name, param:optimizer.name, metric:val/loss:min, metric:test/acc@best(val/loss:min)")
        let grouped = try model("param:optimizer.lr, metric:val/loss:min, metric:test/acc:max", groupBy: .tag)
        for format in TableExportFormat.allCases {
            for (name, table) in [("per-run", perRun), ("grouped", grouped)] {
                let mismatch = Golden.check(TableExport.render(table, as: format), named: "table-\(name).\(format.fileExtension)")
                #expect(mismatch == nil, "\(mismatch ?? "")")
            }
        }
    }
}
