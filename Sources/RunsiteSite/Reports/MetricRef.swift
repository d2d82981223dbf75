/// A metric and an aggregate, as written in selectors and column specs: `val/loss:min`,
/// `"val loss":min`, or `val/loss` (no aggregate; the caller picks a default).
struct MetricRef: Hashable {
    var name: String
    var aggregate: TableColumn.Aggregate?
    /// Where the name starts in the spec text (UTF-8 offset), for diagnostics.
    var offset: Int = 0

    /// The spec text that reads back as this reference.
    var spec: String {
        SpecQuoting.name(name, extraUnsafe: ":") + (aggregate.map { ":" + $0.rawValue } ?? "")
    }

    /// The aggregate, or the best one for the metric's direction (`min` for losses, `max` otherwise).
    func resolvedAggregate(_ options: SiteOptions) -> TableColumn.Aggregate {
        aggregate ?? (MetricDirection.of(name, minimize: options.minimize, maximize: options.maximize) == .minimize ? .min : .max)
    }

    /// Reads `NAME[:AGG]`. A bare name ends at whitespace or a `stop` byte; its last `:suffix`
    /// is the aggregate when the suffix names one (so `a:b` is the metric `a:b`, `a:min` is `a` at min).
    static func read(_ scanner: inout SpecScanner, stop: Set<UInt8>) throws(SpecError) -> MetricRef {
        let start = scanner.offset
        guard let name = try scanner.readName(stop: stop) else {
            throw SpecError(.malformedSpec("expected a metric name, found '\(scanner.rest)'"), at: start)
        }
        if name.quoted {
            guard scanner.consume(":") else { return MetricRef(name: name.text, aggregate: nil, offset: start) }
            let at = scanner.offset
            let word = scanner.readWord()
            guard let agg = TableColumn.Aggregate(rawValue: word) else { throw unknownAggregate(word, at: at) }
            return MetricRef(name: name.text, aggregate: agg, offset: start)
        }
        if let colon = name.text.lastIndex(of: ":") {
            let suffix = String(name.text[name.text.index(after: colon)...])
            if let agg = TableColumn.Aggregate(rawValue: suffix) {
                return MetricRef(name: String(name.text[..<colon]), aggregate: agg, offset: start)
            }
            if !suffix.contains("/"), !suffix.isEmpty, Suggestion.closest(to: suffix, in: aggregateNames) != nil {
                throw unknownAggregate(suffix, at: start + name.text[..<colon].utf8.count + 1)
            }
        }
        return MetricRef(name: name.text, aggregate: nil, offset: start)
    }

    static let aggregateNames = TableColumn.Aggregate.allCases.map(\.rawValue)

    static func unknownAggregate(_ word: String, at offset: Int) -> SpecError {
        let hint = Suggestion.closest(to: word, in: aggregateNames).map { "; did you mean '\($0)'?" } ?? ""
        return SpecError(.unknownAggregate(word, names: aggregateNames, hint: hint), at: offset)
    }
}
