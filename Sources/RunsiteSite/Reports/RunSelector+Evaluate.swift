import RunsiteModel

extension RunSelector {
    /// The indices into `runs` of the selected runs: in input order, or best first when the
    /// selector ranks. Names the selector uses that no run has are errors (with a suggestion),
    /// and so is a selector that matches nothing.
    func select(_ runs: [Run], options: SiteOptions) throws(SpecError) -> [Int] {
        for placed in terms { try check(placed, runs) }
        var chosen = runs.indices.filter { i in terms.allSatisfy { Self.matches($0.term, runs[i]) } }
        if let ranking {
            let metric = ranking.metric
            try Self.checkMetric(metric, runs)
            let column = TableColumn.metric(metric.name, metric.resolvedAggregate(options))
            let lower = MetricDirection.of(metric.name, minimize: options.minimize, maximize: options.maximize) == .minimize
            let scored = chosen.compactMap { i -> (Int, Double)? in
                guard let v = column.number(for: runs[i]), v.isFinite else { return nil }
                return (i, v)
            }
            let ranked = scored.enumerated().sorted { a, b in
                a.element.1 != b.element.1 ? (lower ? a.element.1 < b.element.1 : a.element.1 > b.element.1) : a.offset < b.offset
            }
            chosen = ranked.prefix(ranking.limit).map(\.element.0)
        }
        guard !chosen.isEmpty else {
            throw SpecError(.noMatch(hint: Self.nameHint(terms, runs)))
        }
        return chosen
    }

    static func matches(_ term: Term, _ run: Run) -> Bool {
        switch term {
        case .all: return true
        case .tag(let tag): return run.tags.contains(tag)
        case .name(let glob): return Glob.matches(glob, run.name)
        case .status(let status): return run.status.rawValue == status
        case .source(let source): return run.source == source
        case .project(let project): return run.project == project
        case .param(let key, let op, let value):
            guard let actual = run.params[key] else { return false }
            return op.holds(actual.text, value, actualNumber: actual.number)
        }
    }

    private func check(_ placed: PlacedTerm, _ runs: [Run]) throws(SpecError) {
        switch placed.term {
        case .all, .name: return
        case .tag(let tag):
            try Self.known(tag, in: Set(runs.flatMap(\.tags)), kind: .tag, at: placed.offset + 4)
        case .status(let status):
            try Self.known(status, in: Set(RunStatus.allCases.map(\.rawValue)), kind: .status, at: placed.offset + 7)
        case .source(let source):
            try Self.known(source, in: Set(runs.map(\.source)), kind: .source, at: placed.offset + 7)
        case .project(let project):
            try Self.known(project, in: Set(runs.map(\.project)), kind: .project, at: placed.offset + 8)
        case .param(let key, _, _):
            try Self.known(key, in: Set(runs.flatMap(\.params.keys)), kind: .param, at: placed.offset + 6)
        }
    }

    /// Fails with "unknown param 'x'; did you mean 'y'?" when `name` is not among `known`.
    static func known(_ name: String, in known: Set<String>, kind: SpecName, at offset: Int) throws(SpecError) {
        guard !known.contains(name) else { return }
        throw SpecError(.unknownName(kind, name, hint: hint(name, known)), at: offset)
    }

    static func checkMetric(_ metric: MetricRef, _ runs: [Run]) throws(SpecError) {
        try known(metric.name, in: Set(runs.flatMap { $0.metrics.map(\.key.name) }), kind: .metric, at: metric.offset)
    }

    static func hint(_ name: String, _ candidates: Set<String>) -> String {
        Suggestion.closest(to: name, in: candidates.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    }

    private static func nameHint(_ terms: [PlacedTerm], _ runs: [Run]) -> String {
        for placed in terms {
            if case .name(let glob) = placed.term, !glob.contains("*"), !glob.contains("?") {
                return hint(glob, Set(runs.map(\.name)))
            }
        }
        return ""
    }
}
