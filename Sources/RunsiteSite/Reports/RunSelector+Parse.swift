extension RunSelector {
    static let termKinds = ["all", "tag", "name", "status", "source", "project", "param", "top", "best"]
    private static let operatorBytes: Set<UInt8> = Set("<>=!".utf8)

    /// Parses a selector such as `tag:baseline and top 3 by "val loss":min`.
    /// - Throws: `SpecError` with the offset of the first thing that cannot be read.
    static func parse(_ text: String) throws(SpecError) -> RunSelector {
        var scanner = SpecScanner(text)
        var selector = RunSelector()
        scanner.skipSpaces()
        while !scanner.isAtEnd {
            if !selector.terms.isEmpty || selector.ranking != nil {
                let at = scanner.offset
                if selector.ranking != nil {
                    throw SpecError(.malformedSelector("nothing may follow the ranking, found '\(scanner.rest)'"), at: at)
                }
                let rankingFollows = scanner.consumeKeyword("top") || scanner.consumeKeyword("best")
                scanner.offset = at
                guard rankingFollows || scanner.consumeKeyword("and") else {
                    throw SpecError(.malformedSelector("expected 'and' between terms, found '\(scanner.rest)'"), at: at)
                }
                scanner.skipSpaces()
            }
            let at = scanner.offset
            if scanner.consumeKeyword("top") || scanner.consumeKeyword("best") {
                scanner.offset = at
                selector.ranking = try readRanking(&scanner)
            } else {
                selector.terms.append(PlacedTerm(term: try readTerm(&scanner), offset: at))
            }
            scanner.skipSpaces()
        }
        return selector
    }

    private static func readTerm(_ scanner: inout SpecScanner) throws(SpecError) -> Term {
        let start = scanner.offset
        let kind = scanner.readWord()
        if kind == "all" { return .all }
        guard scanner.consume(":") else {
            let hint = Suggestion.closest(to: kind, in: termKinds).map { "; did you mean '\($0)'?" } ?? ""
            let found = kind.isEmpty ? scanner.rest : kind
            throw SpecError(.malformedSelector("expected a term such as 'tag:NAME' or 'param:KEY<VALUE', found '\(found)'\(hint)"), at: start)
        }
        if kind == "param" { return try readParam(&scanner) }
        let valueAt = scanner.offset
        guard let value = try scanner.readName(stop: []) else {
            throw SpecError(.malformedSelector("'\(kind):' needs a value"), at: valueAt)
        }
        switch kind {
        case "tag": return .tag(value.text)
        case "name": return .name(value.text)
        case "status": return .status(value.text)
        case "source": return .source(value.text)
        case "project": return .project(value.text)
        default:
            let hint = Suggestion.closest(to: kind, in: termKinds).map { "; did you mean '\($0)'?" } ?? ""
            throw SpecError(.malformedSelector("unknown selector term '\(kind):'\(hint)"), at: start)
        }
    }

    private static func readParam(_ scanner: inout SpecScanner) throws(SpecError) -> Term {
        let keyAt = scanner.offset
        guard let key = try scanner.readName(stop: operatorBytes) else {
            throw SpecError(.malformedSelector("'param:' needs a key, as in 'param:optimizer.lr<0.01'"), at: keyAt)
        }
        scanner.skipSpaces()
        let opAt = scanner.offset
        guard let op = Comparison.spellings.first(where: { scanner.consume($0.rawValue) }) else {
            throw SpecError(.malformedSelector("expected one of < <= > >= = != after 'param:\(key.text)'"), at: opAt)
        }
        if op == .equal { _ = scanner.consume("=") }
        scanner.skipSpaces()
        let valueAt = scanner.offset
        guard let value = try scanner.readName(stop: []) else {
            throw SpecError(.malformedSelector("'param:\(key.text)\(op.rawValue)' needs a value"), at: valueAt)
        }
        return .param(key: key.text, op: op, value: value.text)
    }

    private static func readRanking(_ scanner: inout SpecScanner) throws(SpecError) -> Ranking {
        let word = scanner.readWord()
        scanner.skipSpaces()
        var k = 1
        if word == "top" {
            let at = scanner.offset
            guard let n = Int(scanner.readWord()), n > 0 else {
                throw SpecError(.malformedSelector("'top' needs a positive count, as in 'top 3 by val/acc:max'"), at: at)
            }
            k = n
            scanner.skipSpaces()
        }
        let byAt = scanner.offset
        guard scanner.consumeKeyword("by") else {
            throw SpecError(.malformedSelector("expected 'by METRIC:AGG' after '\(word)'"), at: byAt)
        }
        scanner.skipSpaces()
        let metric = try MetricRef.read(&scanner, stop: [])
        return word == "top" ? .top(k, metric) : .best(metric)
    }
}
