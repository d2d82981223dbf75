import Foundation
import RunsiteModel

/// A table computed from runs and columns, one row per run or one per group, with best values
/// marked. `{runs-table}` renders grouped tables from it, and every export (CSV, Markdown,
/// LaTeX) writes it, so a paper's table and the site's are the same numbers.
struct TableModel {
    struct Row {
        /// The group label of a grouped row; nil for a run row.
        var group: String?
        /// The number of runs in a grouped row.
        var size: Int?
        var cells: [TableCell]
    }

    var columns: [TableColumn]
    /// The group column's header when rows are groups.
    var groupTitle: String?
    var rows: [Row] = []
    /// How grouped cells summarise their runs, and the group other groups are tested against.
    var statistic = SeedStatistic.meanStd
    var baseline: String?
    /// What grouped cells show, for the table's caption; nil for a table of runs.
    var caption: String?

    /// One row per run, in the given order.
    init(runs: [Run], columns: [TableColumn]) {
        self.columns = columns
        rows = runs.map { run in
            Row(cells: columns.map { column in
                TableCell(text: column.text(for: run), number: Self.number(column, run), step: column.step(for: run))
            })
        }
    }

    /// One row per group: numeric columns show `statistic` over the group's runs (`mean ± std` by
    /// default), rounded as papers print them; a text column shows its value when the group agrees
    /// on it, else `—`. Run fields other than names are left out. With `baseline` (a group label),
    /// every other group's metric cells carry a p-value against it (`StatisticalTest`).
    init(runs: [Run], columns: [TableColumn], groupBy key: GroupKey, statistic: SeedStatistic = .meanStd, baseline: String? = nil,
         strata: GroupKey? = nil) {
        self.columns = columns.filter { if case .run = $0 { return false } else { return true } }
        self.statistic = statistic
        self.baseline = baseline
        groupTitle = key.title
        rows = key.groups(runs).map { group in
            let members = group.members.map { runs[$0] }
            return Row(group: group.label, size: members.count, cells: self.columns.map { Self.groupCell($0, members, statistic, strata) })
        }
        caption = "Each number cell: " + statistic.label + " over the group's runs" + (strata.map { statistic == .iqmCI ? ", resampled within each \($0.title)" : "" } ?? "")
            + "; n is the group's size, and a count in parentheses the runs that logged the value."
        if let baseline, let base = rows.firstIndex(where: { $0.group == baseline }) {
            for c in self.columns.indices where self.columns[c].metricKey != nil {
                let reference = rows[base].cells[c]
                for r in rows.indices where r != base && !rows[r].cells[c].values.isEmpty && !reference.values.isEmpty {
                    guard let p = StatisticalTest.p(rows[r].cells[c], against: reference, statistic: statistic) else { continue }
                    rows[r].cells[c].pValue = p
                    if p < 0.05 { rows[r].cells[c].text += " †" }
                }
            }
            caption! += " † marks p < 0.05 against \(baseline) (" + StatisticalTest.name(for: statistic) + ")."
        }
    }

    /// A cell's number; booleans stay text (`true`, not `1`).
    private static func number(_ column: TableColumn, _ run: Run) -> Double? {
        if case .param(let key) = column, case .bool? = run.params[key] { return nil }
        return column.number(for: run)
    }

    private static func groupCell(_ column: TableColumn, _ runs: [Run], _ statistic: SeedStatistic, _ strata: GroupKey?) -> TableCell {
        let scored = runs.compactMap { run in column.number(for: run).flatMap { $0.isFinite ? (run, $0) : nil } }
        let values = scored.map(\.1)
        let labels = strata.map { key in scored.map { key.label(of: $0.0) } }
        if column.metricKey != nil || (!values.isEmpty && values.count == runs.count) {
            guard !values.isEmpty else { return TableCell(text: "") }
            // One value has no spread: it shows alone rather than as "± 0".
            let summary = statistic.summarise(values, ids: scored.map(\.0.id.path), strata: labels)
            var text = PaperRounding.text(summary)
            if values.count != runs.count { text += " (\(values.count))" }
            var cell = TableCell(text: text, number: summary.center, std: SampleStatistics.std(values), count: values.count)
            cell.summary = summary
            cell.values = values
            cell.ids = scored.map(\.0.id.path)
            return cell
        }
        let texts = Set(runs.map { column.text(for: $0) })
        return TableCell(text: texts.count == 1 ? texts.first! : "—")
    }

    /// Marks the best value of every metric column bold and, with `second`, the runner-up
    /// underlined; best is the minimum for minimised metrics, the maximum for maximised ones, and
    /// metrics that are no objective (`MetricDirection.objective`) are not marked.
    mutating func markBest(options: SiteOptions, second: Bool) {
        guard rows.count > 1 else { return }
        for (c, column) in columns.enumerated() {
            guard let key = column.metricKey,
                  let direction = MetricDirection.objective(key, minimize: options.minimize, maximize: options.maximize) else { continue }
            let ranks = BestValues.ranks(rows.map { $0.cells[c].number }, direction: direction)
            for r in rows.indices {
                if ranks.best == rows[r].cells[c].number { rows[r].cells[c].mark = .best }
                else if second, ranks.second != nil, ranks.second == rows[r].cells[c].number { rows[r].cells[c].mark = .second }
            }
        }
    }

    /// Whether each of `columns` holds numbers: metrics and numeric run fields, and params whose
    /// every non-empty cell is a number.
    var numericColumns: [Bool] {
        columns.indices.map { c in
            if columns[c].isNumeric { return true }
            let filled = rows.map { $0.cells[c] }.filter { !$0.text.isEmpty }
            return !filled.isEmpty && filled.allSatisfy { $0.number != nil }
        }
    }

    /// Header texts: `val/loss (min)`, `optimizer.lr`, `Run`; the group column and `n` first when grouped.
    var headers: [String] {
        let own = columns.map { column -> String in
            switch column {
            case .metric, .metricAtBest: return column.title + " (" + (column.subtitle ?? "") + ")"
            default: return column.title
            }
        }
        return groupTitle.map { [$0, "n"] + own } ?? own
    }

    /// Each row's texts, lined up with `headers`.
    func texts(_ row: Row) -> [String] {
        let own = row.cells.map { cell in cell.step.map { cell.text + " (step \($0))" } ?? cell.text }
        return row.group.map { [$0, String(row.size ?? 0)] + own } ?? own
    }
}
