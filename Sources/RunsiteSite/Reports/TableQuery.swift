import RunsiteModel

/// The options of a `{runs-table}` or `runsite export table`: which columns, in which row order,
/// grouped or not, which values marked, and whether constant columns are hidden.
struct TableQuery {
    /// `:columns:`; nil for the default columns (`ColumnPlan`).
    var columns: ColumnSpec?
    /// `:sort:` keys, most significant first; `-` sorts descending.
    var sort: ColumnSpec?
    var groupBy: GroupKey?
    /// `:best:` marks the runner-up too (the best value is always marked).
    var markSecond = false
    /// `:diff-only:` hides columns whose value is the same in every row.
    var diffOnly = false
    /// `:stats:` and `:baseline:` of a grouped table.
    var statistic = SeedStatistic.meanStd
    var baseline: String?
    /// `:strata:`: the task (a param, or `project`) within which `iqm-ci` resamples.
    var strata: GroupKey?

    /// The columns for these runs: the spec's, else every column of the default plan with the
    /// visible ones flagged; `:diff-only:` then drops the constant ones.
    func plan(_ runs: [Run], options: SiteOptions) -> (columns: [TableColumn], visible: Set<TableColumn>) {
        var columns: [TableColumn]
        var visible: Set<TableColumn>
        if let spec = self.columns {
            columns = spec.columns
            visible = Set(columns)
        } else {
            let plan = ColumnPlan(runs: runs, options: options)
            columns = plan.columns
            visible = plan.visible
        }
        if diffOnly && runs.count > 1 {
            columns = columns.filter { column in
                column == .run(.name) || Set(runs.map { column.text(for: $0) + "|" + (column.step(for: $0).map(String.init) ?? "") }).count > 1
            }
        }
        return (columns, visible.intersection(columns))
    }

    /// The runs' indices in `:sort:` order (stable; missing values last whatever the direction).
    func order(_ runs: [Run]) -> [Int] {
        guard let keys = sort?.items, !keys.isEmpty else { return Array(runs.indices) }
        return runs.indices.sorted { a, b in
            for key in keys {
                let result = Self.compare(key.column, runs[a], runs[b])
                if result != 0 { return key.descending ? result > 0 : result < 0 }
            }
            return a < b
        }
        .sortedMissingLast(keys.first!.column, runs)
    }

    /// -1, 0 or 1; a missing value sorts after any value.
    static func compare(_ column: TableColumn, _ x: Run, _ y: Run) -> Int {
        if column.isNumeric || column.number(for: x) != nil || column.number(for: y) != nil {
            switch (column.number(for: x), column.number(for: y)) {
            case (nil, nil): return 0
            case (nil, _): return 1
            case (_, nil): return -1
            case let (a?, b?): return a < b ? -1 : a > b ? 1 : 0
            }
        }
        let a = column.text(for: x), b = column.text(for: y)
        return a < b ? -1 : a > b ? 1 : 0
    }

    /// Fails on a param or metric that no run has ("did you mean …?").
    static func check(_ spec: ColumnSpec, _ runs: [Run]) throws(SpecError) {
        let params = Set(runs.flatMap(\.params.keys))
        for item in spec.items {
            if case .param(let key) = item.column {
                try RunSelector.known(key, in: params, kind: .param, at: item.offset + (item.descending ? 7 : 6))
            }
            for metric in item.metrics { try RunSelector.checkMetric(metric, runs) }
        }
    }
}

private extension Array where Element == Int {
    /// Keeps runs without a value for the primary key at the end even when sorting descending.
    func sortedMissingLast(_ column: TableColumn, _ runs: [Run]) -> [Int] {
        guard column.isNumeric else { return self }
        let present = filter { column.number(for: runs[$0]) != nil }
        return present + filter { column.number(for: runs[$0]) == nil }
    }
}
