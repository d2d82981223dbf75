import RunsiteModel

/// `runsite export table`: the same table a `{runs-table}` with these options shows, as text.
///
///     runsite export table runs/ --runs "tag:sweep" --columns "run:name, metric:val/loss:min" --format latex
public struct TableExportRequest: Sendable {
    /// A selector (`docs/reports.md`); nil for every run.
    public var runs: String?
    /// A column spec; nil for the default columns.
    public var columns: String?
    /// A sort spec (`-` for descending); nil keeps the runs' order.
    public var sort: String?
    /// A param key or `tag`; nil for one row per run.
    public var groupBy: String?
    public var format: TableExportFormat = .csv
    /// How grouped cells summarise their runs: `mean-std` (nil), `mean-sem`, `median-iqr`, `iqm-ci`.
    public var stats: String?
    /// A group label every other group is tested against.
    public var baseline: String?
    /// A param key (or `project`) within which the `iqm-ci` bootstrap resamples.
    public var strata: String?

    /// The names `stats` takes.
    public static var statisticNames: [String] { SeedStatistic.allCases.map(\.rawValue) }

    public init() {}

    /// A spec that cannot be used: which option, the message, and the 1-based column in its value.
    public struct Failure: Error, CustomStringConvertible {
        public var option: String
        public var message: String
        public var column: Int
        public var id: String
        public var description: String { "--\(option): column \(column): \(message) [\(id)]" }
    }

    /// Renders the table of `runs`, best values marked (bold best, underlined runner-up).
    public func render(_ runs: [Run], options: SiteOptions) throws(Failure) -> String {
        func failing(_ option: String, _ body: () throws(SpecError) -> Void) throws(Failure) {
            do throws(SpecError) { try body() } catch {
                throw Failure(option: option, message: error.message, column: error.offset + 1, id: error.id)
            }
        }
        var chosen = runs
        if let text = self.runs {
            try failing("runs") { () throws(SpecError) in chosen = try RunSelector.parse(text).select(runs, options: options).map { runs[$0] } }
        }
        var query = TableQuery()
        if let text = columns {
            try failing("columns") { () throws(SpecError) in
                let spec = try ColumnSpec.parse(text, options: options)
                try TableQuery.check(spec, chosen)
                query.columns = spec
            }
        }
        if let text = sort {
            try failing("sort") { () throws(SpecError) in
                let spec = try ColumnSpec.parse(text, options: options)
                try TableQuery.check(spec, chosen)
                query.sort = spec
            }
        }
        query.groupBy = groupBy.map(GroupKey.init(parsing:))
        let plan = query.plan(chosen, options: options)
        let columns = plan.columns.filter { plan.visible.contains($0) }
        let ordered = query.order(chosen).map { chosen[$0] }
        let statistic = stats.flatMap { SeedStatistic(rawValue: $0) } ?? .meanStd
        var model = query.groupBy.map { TableModel(runs: ordered, columns: columns, groupBy: $0, statistic: statistic, baseline: baseline,
                                                                   strata: strata.map(GroupKey.init(parsing:))) }
            ?? TableModel(runs: ordered, columns: columns)
        model.markBest(options: options, second: true)
        return TableExport.render(model, as: format)
    }
}
