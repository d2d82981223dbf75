import RunsiteCharts
import RunsiteCore
import RunsiteMarkup
import RunsiteModel

/// The experiment table: one row per run, readable with JavaScript off. Best values of metric
/// columns are marked; `assets/runsite.js` adds sorting, filtering and a column chooser.
struct RunsTable {
    struct Row {
        var run: Run
        var link: String
        var color: Int
        /// Where the run sits under other runs of the table (`TableNesting`).
        var depth = 0
        var descendants = 0
        var parentID: RunID? = nil
        /// The child whose params this run shows, having logged none itself.
        var paramsFrom: Run? = nil
        /// What tells the run apart from others of the same name in the table.
        var qualifier: String? = nil
    }

    var id: String
    var rows: [Row]
    var columns: [TableColumn]
    var visible: Set<TableColumn>
    var options: SiteOptions
    /// Also mark the second-best value of each metric column (`:best:`).
    var markSecond = false

    /// The most rows one page shows: a project of 10,000 runs keeps its page small (under 2 MB).
    /// The downloads beside the table (CSV, Markdown, LaTeX) always hold every run.
    static let rowLimit = 300
    /// Past this many rows, only the default columns are written (the others would multiply the page).
    static let allColumnsRowLimit = 300

    /// The columns written: all of them, or only the default ones in a table this long.
    private var writtenColumns: [TableColumn] {
        rows.count > Self.allColumnsRowLimit ? columns.filter { visible.contains($0) } : columns
    }

    /// The table; with `overflowPath` (where the page links it, relative to the page) also the script
    /// holding the rows past `rowLimit` as HTML, for `assets/runsite.js` to filter and sort the whole
    /// table (nil when every row is on the page). A script, not JSON, so that it also loads from
    /// `file://`, where pages cannot fetch; it is only loaded when the reader filters or sorts.
    func render(overflowPath: String? = nil) -> (table: Node, overflow: String?) {
        let shown = Array(rows.prefix(Self.rowLimit))
        let columns = writtenColumns
        let hidden = columns.filter { !visible.contains($0) }.count
        let facts = columnFacts(columns)
        let overflow = overflowPath == nil ? nil : overflowScript(columns, facts)
        let more = overflow == nil ? nil : overflowPath
        var children: [Node] = []
        if hidden > 0 {
            children.append(.el("input", [attr("type", "checkbox"), attr("id", id + "-all"), cls("rs-allcols")]))
            children.append(.el("label", [attr("for", id + "-all"), cls("rs-allcols-label")],
                                text: "Show all \(columns.count) columns (\(hidden) hidden)"))
        }
        if rows.count > shown.count || columns.count < self.columns.count {
            var note = rows.count > shown.count
                ? "Showing the first \(shown.count) of \(rows.count) runs" + (more == nil ? ". " : " (with JavaScript, the pages below the table show the others, and the filter and sorting cover all of them). ")
                : ""
            note += "The downloads below the table hold every run" + (columns.count < self.columns.count ? " (the default columns of a table this long)." : ".")
            children.append(.el("p", [cls("rs-table-note rs-muted")], text: note))
        }
        var attributes = [attr("id", id), cls("rs-runs"), attr("data-rows", String(rows.count))]
        if let more { attributes += [attr("data-more", more), attr("data-limit", String(Self.rowLimit))] }
        let table = Node.el("table", attributes, [
            .el("thead", [], [.el("tr", [], columns.map { header($0, facts[$0]) })]),
            .el("tbody", [], Self.rows(shown) { rowNode($0, columns, facts) }),
        ])
        children.append(.el("div", [cls("rs-table-wrap")], [table]))
        return (.el("div", [cls("rs-table"), attr("data-table", id)], children), overflow)
    }

    /// Rows made on every idle core when there are many: a project page is one job of the build,
    /// and its table (a number or date per cell) kept one core busy while the other idled.
    private static func rows<R>(_ rows: [Row], _ make: @escaping (Row) -> R) -> [R] {
        guard rows.count >= 64 else { return rows.map(make) }
        let chunks = stride(from: 0, to: rows.count, by: 32).map { Array(rows[$0..<min(rows.count, $0 + 32)]) }
        return ParallelMap.mapHelped(chunks) { $0.map(make) }.flatMap { $0 }
    }

    private func rowNode(_ row: Row, _ columns: [TableColumn], _ facts: [TableColumn: ColumnFacts]) -> Node {
        var attributes = [attr("data-status", row.run.status.rawValue)]
        // Runs under other runs: `assets/runsite.js` folds them under their parent and keeps them
        // there when sorting; without it they are shown, indented.
        if row.descendants > 0 || row.parentID != nil { attributes.append(attr("data-id", row.run.id.path)) }
        if let parent = row.parentID { attributes += [attr("data-parent", parent.path), cls("rs-child rs-depth-\(min(row.depth, 4))")] }
        return .el("tr", attributes, columns.map { cell($0, row, facts[$0]) })
    }

    /// The rows past `rowLimit` as HTML strings in a script (see `render`); nil when there are none.
    private func overflowScript(_ columns: [TableColumn], _ facts: [TableColumn: ColumnFacts]) -> String? {
        guard rows.count > Self.rowLimit else { return nil }
        var html = Self.rows(Array(rows.dropFirst(Self.rowLimit))) { Serializer.html(rowNode($0, columns, facts)) }
        // Room for every quoted row at once (their quotes escaped: about a fifth more), and each
        // row let go once copied, so that the rows are never held twice while the script grows.
        var out = ""
        out.reserveCapacity(html.reduce(0) { $0 + $1.utf8.count } * 5 / 4 + 256)
        out += "(window.RUNSITE_MORE = window.RUNSITE_MORE || {})["
        JSONWriter.quote(id, into: &out)
        out += "] = [\n"
        for i in html.indices {
            if i > 0 { out += ",\n" }
            JSONWriter.quote(html[i], into: &out)
            html[i] = ""
        }
        out += "\n];\n"
        return out
    }

    private func header(_ column: TableColumn, _ facts: ColumnFacts?) -> Node {
        var attributes = [attr("data-col", column.key), attr("data-type", (facts?.type ?? .text).rawValue), attr("scope", "col")]
        if !visible.contains(column) { attributes.append(cls("rs-opt")) }
        if let key = column.metricKey, let direction = direction(key) {
            attributes.append(attr("data-best", direction.rawValue))
        }
        var content: [Node] = [.el("span", [cls("rs-th-title")], text: column.title)]
        if let sub = column.subtitle { content.append(.el("span", [cls("rs-th-sub")], text: sub)) }
        return .el("th", attributes, content)
    }

    /// The metric's direction; nil for metrics that are no objective, which are not marked.
    private func direction(_ key: String) -> MetricDirection? {
        MetricDirection.objective(key, minimize: options.minimize, maximize: options.maximize)
    }

    /// What every cell of a column shares: how it sorts, for metric columns how their numbers
    /// are shown, and for objective metric columns the best and second-best value (min for
    /// minimised metrics, max for maximised ones).
    struct ColumnFacts {
        var type: SortType = .text
        var precision: ColumnPrecision? = nil
        var best: Double? = nil
        var second: Double? = nil
    }

    /// How `assets/runsite.js` compares a column's cells (the header's `data-type`): numbers
    /// (NaN and ±Infinity included), times (Unix seconds in `data-v`), booleans (false first) or text.
    enum SortType: String { case number, text, time, bool }

    private func columnFacts(_ columns: [TableColumn]) -> [TableColumn: ColumnFacts] {
        var facts: [TableColumn: ColumnFacts] = [:]
        for column in columns {
            var f = ColumnFacts()
            switch column {
            case .run(.start): f.type = .time
            case .run(.duration): f.type = .number
            case .run: f.type = .text
            case .param(let key): f.type = paramType(key)
            case .metric(let key, _), .metricAtBest(let key, _, _):
                f.type = .number
                let values = rows.map { column.number(for: $0.run) }
                f.precision = ColumnPrecision(values.compactMap { $0 })
                if rows.count > 1, let direction = direction(key) {
                    (f.best, f.second) = BestValues.ranks(values, direction: direction)
                }
            }
            facts[column] = f
        }
        return facts
    }

    /// The value a row shows for a param: its own, or the sub-run's it shows them from.
    private func param(_ key: String, _ row: Row) -> ParamValue? {
        row.run.params[key] ?? (row.run.params.isEmpty ? row.paramsFrom?.params[key] : nil)
    }

    /// A param column holds numbers when every value logged is a number, or text that reads as
    /// one (MLflow logs every param as text); booleans likewise; anything else sorts as text.
    /// Runs that logged no value (or `null`) do not count.
    private func paramType(_ key: String) -> SortType {
        var numbers = true, bools = true, any = false
        for row in rows {
            guard let value = param(key, row) else { continue }
            switch value {
            case .null: continue
            case .int, .double: bools = false
            case .bool: numbers = false
            case .string(let text):
                if Self.numberText(text) == nil { numbers = false }
                if text != "true" && text != "false" && text != "True" && text != "False" { bools = false }
            }
            any = true
            if !numbers && !bools { return .text }
        }
        return !any ? .text : numbers ? .number : .bool
    }

    /// The number a param's text spells in decimal (`0.01`, `-3`, `1e-4`, `nan`, `inf`); nil for
    /// anything else, hexadecimal and padded text included.
    static func numberText(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 46 || $0 == 43 || $0 == 45 || $0 == 101 || $0 == 69 })
                || ["nan", "NaN", "inf", "-inf", "Infinity", "-Infinity"].contains(text) else { return nil }
        return Double(text)
    }

    private func cell(_ column: TableColumn, _ row: Row, _ facts: ColumnFacts?) -> Node {
        var attributes: [Attribute] = []
        var classes: [String] = []
        if !visible.contains(column) { classes.append("rs-opt") }
        if column.isNumeric || facts?.type == .number { classes.append("rs-num") }
        var content: [Node]
        switch column {
        case .run(.name):
            content = [
                SeriesColor.swatch(row.color),
                // The column cuts long names with an ellipsis (runsite.css): keep the whole name at hand.
                .el("a", row.run.name.count > 40 ? [attr("href", row.link), attr("title", row.run.name)] : [attr("href", row.link)],
                    text: row.run.name),
            ]
            if let qualifier = row.qualifier { content.append(.el("span", [cls("rs-qualifier")], text: " " + qualifier)) }
            if row.descendants > 0 {
                content.append(.el("span", [cls("rs-kids")], text: " (\(row.descendants) sub-run\(row.descendants == 1 ? "" : "s"))"))
            }
            attributes.append(attr("data-v", row.run.name))
        case .param(let key) where row.run.params.isEmpty && row.paramsFrom?.params[key] != nil:
            // Shown from the child that logged them (TensorBoard's `add_hparams` sub-run), and marked so.
            let child = row.paramsFrom!
            content = [.text(column.text(for: child))]
            classes.append("rs-inherited")
            attributes.append(attr("title", "from sub-run " + child.name))
            if let number = column.number(for: child) { attributes.append(attr("data-v", NumberText.exact(number))) }
        case .run(.status):
            content = [.el("span", [cls("rs-status rs-status-\(row.run.status.rawValue)")], text: row.run.status.rawValue)]
        case .run(.start):
            content = [.text(column.text(for: row.run))]
            if let start = row.run.start { attributes.append(attr("data-v", NumberText.exact(start))) }
        case .run(.duration):
            content = [.text(column.text(for: row.run))]
            if let d = row.run.duration { attributes.append(attr("data-v", NumberText.exact(d))) }
        case .metric, .metricAtBest:
            let value = column.number(for: row.run)
            let shown = value.map { facts?.precision?.text($0) ?? Formatting.cell($0) } ?? ""
            content = [.text(shown)]
            if let value {
                let exact = NumberText.exact(value)
                attributes.append(attr("data-v", exact))
                // The exact value as a tooltip, only where the cell shows it rounded.
                if shown != exact { attributes.append(attr("title", exact)) }
                if let b = facts?.best, value == b {
                    classes.append("rs-best")
                    content.append(.el("span", [cls("rs-best-mark"), attr("role", "img"), attr("aria-label", "best")], text: "★"))
                } else if markSecond, let s = facts?.second, value == s {
                    classes.append("rs-second")
                }
                if let step = column.step(for: row.run) {
                    content.append(.el("span", [cls("rs-step")], text: " @\(step)"))
                }
            }
        case .param(let key) where row.run.params[key] == .null:
            // Logged as null: shown as such, sorted with the empty cells.
            content = [.text(column.text(for: row.run))]
            attributes.append(attr("data-v", ""))
        default:
            content = [.text(column.text(for: row.run))]
        }
        if !classes.isEmpty { attributes.insert(cls(classes.joined(separator: " ")), at: 0) }
        return .el("td", attributes, content)
    }
}

/// The run colour palette as CSS colours; the same indices as the charts' palette.
enum SeriesColor {
    static func css(_ index: Int) -> String { ChartsBridge.color(index) }

    /// The run's colour as a small square, an SVG rather than a styled span (the site's CSP
    /// allows no style attributes). A run whose lines are dashed (runs 10 to 19, …) gets a square
    /// broken in two, so that a reader who cannot tell two colours apart can still match the row
    /// to its line. In the dark theme runsite.css swaps in the palette's dark colours.
    static func swatch(_ index: Int) -> Node {
        let fill = attr("fill", css(index))
        let dashed = Palette.dash(Palette.effectiveDash(colorIndex: index, dashIndex: 0)) != nil
        let shapes: [Node] = dashed
            ? [.el("rect", [attr("width", "4"), attr("height", "10"), attr("rx", "1"), fill]),
               .el("rect", [attr("x", "6"), attr("width", "4"), attr("height", "10"), attr("rx", "1"), fill])]
            : [.el("rect", [attr("width", "10"), attr("height", "10"), attr("rx", "2"), fill])]
        return .el("svg", [cls("rs-swatch"), attr("viewBox", "0 0 10 10"), attr("aria-hidden", "true")], shapes)
    }
}
