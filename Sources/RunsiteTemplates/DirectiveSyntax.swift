import RunsiteCore

/// Reads directives out of fenced code blocks: the `{name} argument` info string, then the
/// option lines and the body from the block's content.
enum DirectiveSyntax {
    enum Info: Equatable {
        /// An ordinary code block (``` ```swift ```): rendered as code.
        case code
        /// ```` ```{name} argument ````.
        case directive(name: String, argument: String)
        /// Starts with `{` but is no valid `{name}`: rendered as code, with a warning.
        case malformed
    }

    /// Classifies a fence's info string.
    static func classify(info: String) -> Info {
        guard info.first == "{" else { return .code }
        guard let close = info.firstIndex(of: "}") else { return .malformed }
        let name = String(info[info.index(after: info.startIndex)..<close])
        guard isName(name) else { return .malformed }
        let argument = info[info.index(after: close)...].trimmingWhitespace()
        return .directive(name: name, argument: String(argument))
    }

    /// MyST names: a letter, then letters, digits and `-_.:+`.
    static func isName<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:+".unicodeScalars.contains($0)) }
    }

    /// Builds the directive from a fence classified as `.directive`.
    ///
    /// Options come either as `:key: value` lines or, as MyST also allows, as a `---` block of
    /// `key: value` lines; the body is what follows, without surrounding blank lines.
    /// - Parameters:
    ///   - content: the code block's literal content, as cmark gives it.
    ///   - location: the fence line.
    ///   - source: the original lines, to point each option at its own column.
    static func directive(name: String, argument: String, content: String, location: SourceLocation, source: SourceLines) -> Directive {
        var lines = SourceLines(content).lines[...]
        if lines.last == "" { lines.removeLast() }
        let firstLine = (location.line ?? 0) + 1
        var options: [DirectiveOption] = []
        func addOption(_ key: String, _ value: String, atOffset offset: Int, pattern: String) {
            let line = firstLine + offset
            let column = source.columns(of: pattern, onLine: line).first ?? location.column
            options.append(DirectiveOption(key: key, value: value, location: SourceLocation(file: location.file, line: line, column: column)))
        }
        if let (entries, end) = yamlBlock(lines) {
            for (offset, key, value) in entries { addOption(key, value, atOffset: offset, pattern: key + ":") }
            lines = lines.dropFirst(end)
        } else {
            while let line = lines.first, let (key, value) = option(in: line) {
                addOption(key, value, atOffset: lines.startIndex, pattern: ":\(key):")
                lines.removeFirst()
            }
        }
        while let first = lines.first, first.trimmingWhitespace().isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingWhitespace().isEmpty { lines.removeLast() }
        return Directive(name: name, argument: argument, options: options, body: lines.joined(separator: "\n"), location: location)
    }

    /// A leading `---` … `---` block: its `key: value` entries with their line offsets, and the
    /// number of lines it spans. Nil without a closed block; lines that are no `key: value` are skipped.
    static func yamlBlock(_ lines: ArraySlice<Substring>) -> (entries: [(Int, String, String)], end: Int)? {
        guard let first = lines.first, first.trimmingWhitespace() == "---",
              let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace() == "---" }) else { return nil }
        var entries: [(Int, String, String)] = []
        for offset in (lines.startIndex + 1)..<close {
            let line = lines[offset]
            guard let colon = line.firstIndex(of: ":"), line.first.map({ !$0.isWhitespace && $0 != "#" }) ?? false else { continue }
            let key = line[..<colon].trimmingWhitespace()
            if key.isEmpty { continue }
            entries.append((offset, String(key), FrontMatter.unquoted(line[line.index(after: colon)...].trimmingWhitespace())))
        }
        return (entries, close + 1 - lines.startIndex)
    }

    /// `:key: value` → `(key, value)`; the value may be empty.
    static func option(in line: Substring) -> (String, String)? {
        guard line.first == ":" else { return nil }
        let rest = line.dropFirst()
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let key = rest[..<colon]
        guard !key.isEmpty, !key.contains(where: \.isWhitespace) else { return nil }
        return (String(key), String(rest[rest.index(after: colon)...].trimmingWhitespace()))
    }
}
