import RunsiteCore
import RunsiteMarkup

/// The HTML of a grouped `{runs-table}` (`:group-by:`): one row per group, each number cell the
/// table's statistic (`mean ± std` by default), with a caption that says which.
enum GroupTable {
    static func render(_ table: TableModel, id: String) -> Node {
        let numeric = TableExport.alignments(table)
        // runsite.js reads `data-col` of every header (sorting, filter, column chooser).
        let keys = ["group", "n"] + table.columns.map(\.key)
        let header = Node.el("tr", [], table.headers.enumerated().map { i, title in
            .el("th", [attr("data-col", keys[i]), attr("data-type", numeric[i] ? "number" : "text"), attr("scope", "col")], text: title)
        })
        let rows: [Node] = table.rows.map { row in
            var cells: [Node] = [.el("th", [attr("scope", "row")], text: row.group ?? ""),
                                 .el("td", [cls("rs-num")], text: String(row.size ?? 0))]
            for (c, cell) in row.cells.enumerated() {
                var classes = numeric[c + 2] ? ["rs-num"] : []
                if cell.mark == .best { classes.append("rs-best") }
                if cell.mark == .second { classes.append("rs-second") }
                var attributes = classes.isEmpty ? [] : [cls(classes.joined(separator: " "))]
                if let number = cell.number { attributes.append(attr("data-v", Formatting.exact(number))) }
                if let p = cell.pValue { attributes.append(attr("title", "p = " + NumberText.exact(p) + " against " + (table.baseline ?? ""))) }
                cells.append(.el("td", attributes, text: cell.text))
            }
            return .el("tr", [], cells)
        }
        return .el("div", [cls("rs-table"), attr("data-table", id)], [
            .el("div", [cls("rs-table-wrap")], [
                .el("table", [attr("id", id), cls("rs-runs rs-grouped"), attr("data-rows", String(table.rows.count))], [
                    table.caption.map { .el("caption", [], text: $0) } ?? .empty,
                    .el("thead", [], [header]), .el("tbody", [], rows),
                ]),
            ]),
        ])
    }
}
