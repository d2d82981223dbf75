/// A comma-separated list of table columns, as `:columns:`, `:sort:` and `--columns` take it:
///
///     run:name, param:optimizer.lr, metric:val/loss:min, metric:test/acc@best(val/loss:min)
///
/// `run:FIELD` (name, status, user, start, duration, tags, source, project); `param:KEY`;
/// `metric:NAME[:AGG]` (AGG last, min, max, first, mean; default last); and
/// `metric:NAME@best(OTHER[:AGG])`, NAME's value at the step where OTHER reached AGG (default: its
/// best for the metric's direction). Names with spaces, `,`, `:`, `@` or parentheses are
/// double-quoted. In `:sort:`, a leading `-` sorts that column descending.
struct ColumnSpec {
    /// One parsed item: the column, whether it had a `-` prefix, and where it starts.
    struct Item {
        var column: TableColumn
        var descending = false
        var offset: Int
        /// The metric names the item refers to, with their offsets, to check against the runs.
        var metrics: [MetricRef] = []
    }

    var items: [Item] = []
    var columns: [TableColumn] { items.map(\.column) }

    /// Parses a column list.
    /// - Parameter options: decides the default aggregate of `@best(OTHER)`.
    static func parse(_ text: String, options: SiteOptions) throws(SpecError) -> ColumnSpec {
        var scanner = SpecScanner(text)
        var spec = ColumnSpec()
        scanner.skipSpaces()
        while !scanner.isAtEnd {
            spec.items.append(try readItem(&scanner, options: options))
            scanner.skipSpaces()
            if scanner.isAtEnd { break }
            let at = scanner.offset
            guard scanner.consume(",") else {
                throw SpecError(.malformedColumns("expected ',' between columns, found '\(scanner.rest)'"), at: at)
            }
            scanner.skipSpaces()
        }
        guard !spec.items.isEmpty else { throw SpecError(.malformedColumns("no columns are listed"), at: 0) }
        return spec
    }

    private static let kinds = ["run", "param", "metric"]

    private static func readItem(_ scanner: inout SpecScanner, options: SiteOptions) throws(SpecError) -> Item {
        let start = scanner.offset
        let descending = scanner.consume("-")
        let kindAt = scanner.offset
        let kind = scanner.readWord()
        guard scanner.consume(":"), kinds.contains(kind) else {
            let hint = Suggestion.closest(to: kind, in: kinds).map { "; did you mean '\($0):'?" } ?? ""
            throw SpecError(.malformedColumns("expected 'run:', 'param:' or 'metric:', found '\(scanner.rest.prefix(24))'\(hint)"), at: kindAt)
        }
        let nameAt = scanner.offset
        switch kind {
        case "run":
            let field = scanner.readWord()
            guard let value = TableColumn.RunField(rawValue: field) else {
                let names = TableColumn.RunField.allCases.map(\.rawValue)
                let hint = Suggestion.closest(to: field, in: names).map { "; did you mean '\($0)'?" } ?? ""
                throw SpecError(.malformedColumns("unknown run field '\(field)' (use \(names.joined(separator: ", ")))\(hint)"), at: nameAt)
            }
            return Item(column: .run(value), descending: descending, offset: start)
        case "param":
            guard let key = try scanner.readName(stop: [UInt8(ascii: ",")]) else {
                throw SpecError(.malformedColumns("'param:' needs a key"), at: nameAt)
            }
            return Item(column: .param(key.text), descending: descending, offset: start)
        default:
            return try readMetric(&scanner, descending: descending, start: start, options: options)
        }
    }

    private static func readMetric(_ scanner: inout SpecScanner, descending: Bool, start: Int, options: SiteOptions) throws(SpecError) -> Item {
        let metric = try MetricRef.read(&scanner, stop: [UInt8(ascii: ","), UInt8(ascii: "@")])
        guard scanner.consume("@") else {
            return Item(column: .metric(metric.name, metric.aggregate ?? .last), descending: descending, offset: start, metrics: [metric])
        }
        let at = scanner.offset
        guard scanner.consume("best(") else {
            throw SpecError(.malformedColumns("expected 'best(METRIC:AGG)' after '@'"), at: at)
        }
        let other = try MetricRef.read(&scanner, stop: [UInt8(ascii: ")"), UInt8(ascii: ",")])
        guard scanner.consume(")") else {
            throw SpecError(.malformedColumns("expected ')' to close '@best('"), at: scanner.offset)
        }
        let agg = other.resolvedAggregate(options)
        guard agg != .mean else {
            throw SpecError(.malformedColumns("'@best' needs a step: use min, max, first or last, not mean"), at: other.offset)
        }
        if metric.aggregate != nil {
            throw SpecError(.malformedColumns("'metric:NAME@best(…)' takes no aggregate on NAME"), at: metric.offset)
        }
        return Item(column: .metricAtBest(metric.name, other: other.name, agg), descending: descending, offset: start, metrics: [metric, other])
    }
}
