import RunsiteCore

/// Writes a `TableModel` as CSV, Markdown or LaTeX: the files a `{runs-table}` links and what
/// `runsite export table` prints.
///
///     Run,val/loss (min)        | Run | val/loss (min) |        \toprule
///     adam-2,0.4                |---|---:|                   Run & val/loss (min) \\ \midrule
///                               | adam-2 | **0.4** |         adam-2 & \textbf{0.4} \\
enum TableExport {
    static func render(_ table: TableModel, as format: TableExportFormat) -> String {
        switch format {
        case .csv: return csv(table)
        case .markdown: return markdown(table)
        case .latex: return latex(table)
        }
    }

    /// Exact numbers (shortest round-trip text), one value per cell: grouped cells add their
    /// spread (`… std`, `… sem`, `… q1`/`… q3` or `… ci_low`/`… ci_high`), `… p` against a
    /// baseline, and `…_text`, the cell as the page prints it; `@best` cells add a `… step` column.
    static func csv(_ table: TableModel) -> String {
        var header: [String] = table.groupTitle.map { [$0, "n"] } ?? []
        let numeric = table.numericColumns
        for (c, column) in table.columns.enumerated() {
            let title = table.headers[c + (table.groupTitle == nil ? 0 : 2)]
            header.append(title)
            if table.groupTitle != nil && numeric[c] {
                header += spreadNames(table.statistic).map { title + " " + $0 }
                if table.baseline != nil && column.metricKey != nil { header.append(title + " p") }
                header.append(title + "_text")
            }
            if case .metricAtBest = column { header.append(title + " step") }
        }
        var lines = [header.map { CSVText.text($0) }.joined(separator: ",")]
        for row in table.rows {
            var fields: [String] = row.group.map { [CSVText.spreadsheetSafe($0), String(row.size ?? 0)] } ?? []
            for (c, column) in table.columns.enumerated() {
                let cell = row.cells[c]
                fields.append(cell.number.map(NumberText.exact) ?? (table.groupTitle != nil && numeric[c] ? "" : CSVText.spreadsheetSafe(cell.text)))
                if table.groupTitle != nil && numeric[c] {
                    fields += spread(cell, table.statistic).map { $0.map(NumberText.exact) ?? "" }
                    if table.baseline != nil && column.metricKey != nil { fields.append(cell.pValue.map(NumberText.exact) ?? "") }
                    fields.append(CSVText.spreadsheetSafe(cell.text))
                }
                if case .metricAtBest = column { fields.append(cell.step.map(String.init) ?? "") }
            }
            lines.append(fields.map(CSVText.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The names of a grouped cell's spread columns.
    static func spreadNames(_ statistic: SeedStatistic) -> [String] {
        switch statistic {
        case .meanStd: ["std"]
        case .meanSem: ["sem"]
        case .medianIQR: ["q1", "q3"]
        case .iqmCI: ["ci_low", "ci_high"]
        }
    }

    /// A grouped cell's spread, lined up with `spreadNames` (empty for a single value).
    static func spread(_ cell: TableCell, _ statistic: SeedStatistic) -> [Double?] {
        switch cell.summary?.spread {
        case .plusMinus(let u)?: [u]
        case .interval(let low, let high)?: [low, high]
        case nil: spreadNames(statistic).map { _ in nil }
        }
    }

    /// A GitHub-flavoured pipe table; best values `**bold**`, runner-up `<u>underlined</u>`.
    static func markdown(_ table: TableModel) -> String {
        func escape(_ text: String) -> String {
            // One pass, by scalar (not by `Character`): a "\r\n" keeps its "\r", and its "\n"
            // becomes a space.
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\", "|", "*", "_", "<": out.append("\\"); out.append(scalar)
                case "\n": out.append(" ")
                default: out.append(scalar)
                }
            }
            return String(out)
        }
        let numeric = alignments(table)
        var lines = ["| " + table.headers.map(escape).joined(separator: " | ") + " |"]
        lines.append("|" + numeric.map { $0 ? "---:|" : "---|" }.joined())
        for row in table.rows {
            let texts = table.texts(row).map(escape)
            let marked = texts.enumerated().map { i, text -> String in
                let c = i - (table.groupTitle == nil ? 0 : 2)
                guard c >= 0, let mark = row.cells[c].mark, !text.isEmpty else { return text }
                return mark == .best ? "**" + text + "**" : "<u>" + text + "</u>"
            }
            lines.append("| " + marked.joined(separator: " | ") + " |")
        }
        if let caption = table.caption { lines += ["", escape(caption)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether each header column holds numbers (right-aligned).
    static func alignments(_ table: TableModel) -> [Bool] {
        (table.groupTitle == nil ? [] : [false, true]) + table.numericColumns
    }
}
