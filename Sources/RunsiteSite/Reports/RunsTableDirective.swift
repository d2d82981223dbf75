import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{runs-table}` with its options:
///
///     ```{runs-table}
///     :runs: tag:sweep and status:finished
///     :columns: run:name, param:optimizer.lr, metric:val/loss:min, metric:test/acc@best(val/loss:min)
///     :sort: -metric:test/acc@best(val/loss:min)
///     :group-by: optimizer.name
///     :best:
///     :diff-only:
///     ```
///
/// Without options it is the default experiment table (`ColumnPlan`). Every table also writes its
/// CSV, Markdown and LaTeX next to the page (`tables/<id>.csv`, …) and links them.
enum RunsTableDirective: PageDirective {
    static let name = "runs-table"
    static let options: [OptionSpec] = [
        .selector("runs"), .list("columns", absent: "the default columns"), .list("sort", absent: "the page's order"),
        .text("group-by", absent: "no grouping"), .flag("best"), .flag("diff-only"),
        .choice("stats", SeedStatistic.allCases.map(\.rawValue)), .text("baseline", absent: "none"),
        .text("strata", absent: "none"),
    ]
    static let columns = ColumnNeed.perChart

    static func expand(_ directive: Directive, _ context: PageContext) -> Node {
        let scoped: [PageContext.ScopedRun]
        switch context.selectRuns(directive) {
        case .success(let runs): scoped = runs
        case .failure(let box): return box.node
        }
        guard !scoped.isEmpty else { return .el("p", [cls("rs-empty")], text: "No runs.") }
        let runs = scoped.map(\.run)
        let query: TableQuery
        switch makeQuery(directive, runs, context) {
        case .success(let q): query = q
        case .failure(let box): return box.node
        }
        let plan = query.plan(runs, options: context.options)
        let order = query.order(runs)
        // From the template's file name and the directive's place in it, not its path: the path
        // depends on where runsite is installed and the current folder, and the site must not.
        let place = directive.location
        let id = "runs-" + Slug.hash("\(place.file.split(separator: "/").last ?? ""):\(place.line ?? 0):\(place.column ?? 0)")
        var model: TableModel
        let html: Node
        let exported = plan.columns.filter { plan.visible.contains($0) }
        if let key = query.groupBy {
            model = TableModel(runs: order.map { runs[$0] }, columns: exported, groupBy: key, statistic: query.statistic, baseline: query.baseline,
                               strata: query.strata)
            model.markBest(options: context.options, second: query.markSecond)
            html = GroupTable.render(model, id: id)
        } else {
            let placed = TableNesting.arrange(order, runs: runs)
            let inherited = TableNesting.inheritedParams(placed, runs: runs)
            let qualifiers = TableNesting.qualifiers(runs)
            let rows = placed.map { item in
                let i = item.index
                return RunsTable.Row(run: runs[i], link: context.link(context.map.runPath(scoped[i].place)), color: context.map.color(scoped[i].place),
                                     depth: item.depth, descendants: item.descendants, parentID: item.parentID,
                                     paramsFrom: inherited[i], qualifier: qualifiers[i])
            }
            var table = RunsTable(id: id, rows: rows, columns: plan.columns, visible: plan.visible, options: context.options)
            table.markSecond = query.markSecond
            let more = "tables/" + id + "-rows.js"
            let rendered = table.render(overflowPath: more)
            if let script = rendered.overflow { context.outputs.add(OutputFile(context.pageDirectory + more, .text(script))) }
            html = rendered.table
            model = TableModel(runs: order.map { runs[$0] }, columns: exported)
            model.markBest(options: context.options, second: true)
        }
        return .fragment([html, exportLinks(model, id: id, context)])
    }

    /// Writes the table's exports next to the page and links them.
    private static func exportLinks(_ model: TableModel, id: String, _ context: PageContext) -> Node {
        let base = context.pageDirectory + "tables/" + id
        var links: [Node] = [.text("Download: ")]
        for (i, format) in TableExportFormat.allCases.enumerated() {
            let path = base + "." + format.fileExtension
            context.outputs.add(OutputFile(path, .text(TableExport.render(model, as: format))))
            if i > 0 { links.append(.text(" · ")) }
            let label = ["csv": "CSV", "markdown": "Markdown", "latex": "LaTeX"][format.rawValue]!
            links.append(.el("a", [attr("href", "tables/" + id + "." + format.fileExtension), attr("download", "")], text: label))
        }
        return .el("p", [cls(LinkGroup.tableExports)], links)
    }

    /// Reads `:columns:`, `:sort:`, `:group-by:`, `:best:` and `:diff-only:`, checking every name
    /// against the runs; the first problem is logged at its column and becomes the error box.
    static func makeQuery(_ directive: Directive, _ runs: [Run], _ context: PageContext) -> Result<TableQuery, ErrorBox> {
        var query = TableQuery()
        for option in directive.options {
            do throws(SpecError) {
                switch option.key {
                case "columns":
                    let spec = try ColumnSpec.parse(option.value, options: context.options)
                    try TableQuery.check(spec, runs)
                    query.columns = spec
                case "sort":
                    let spec = try ColumnSpec.parse(option.value, options: context.options)
                    try TableQuery.check(spec, runs)
                    query.sort = spec
                case "group-by":
                    let key = GroupKey(parsing: option.value)
                    if case .param(let name) = key {
                        try RunSelector.known(name, in: Set(runs.flatMap(\.params.keys)), kind: .param,
                                              at: option.value.hasPrefix("param:") ? 6 : 0)
                    }
                    query.groupBy = key
                case "best": query.markSecond = OptionChecker.flag(directive, "best")
                case "diff-only": query.diffOnly = OptionChecker.flag(directive, "diff-only")
                case "stats": query.statistic = SeedStatistic(rawValue: option.value.trimmingCharacters(in: .whitespaces).lowercased()) ?? .meanStd
                case "baseline": query.baseline = option.value.trimmingCharacters(in: .whitespaces)
                case "strata": query.strata = GroupKey(parsing: option.value)
                default: break
                }
            } catch {
                return .failure(ErrorBox(node: context.report(error, in: option, of: directive)))
            }
        }
        return .success(query)
    }
}
