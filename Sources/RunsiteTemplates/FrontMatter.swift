import RunsiteCore

/// The optional `---` block of `key: value` lines at the top of a template.
///
///     ---                       →  [("title", "Runs"), ("layout", "index")]
///     title: "Runs"
///     layout: index
///     ---
///
/// Only simple scalars are read: a value is the text after the first `:`, trimmed, with one pair of
/// matching quotes removed. Blank lines and `#` comments are skipped; any other line is skipped with a warning.
struct FrontMatter {
    var entries: [(key: String, value: String)] = []
    /// The Markdown to hand to cmark: the front matter lines are replaced by empty lines, so that
    /// cmark's line numbers are the original file's line numbers.
    var markdown: String
    var diagnostics: [Diagnostic] = []

    init(splitting text: String, file: String) {
        markdown = text
        let lines = SourceLines(text).lines
        guard let first = lines.first, Self.isDelimiter(first, opening: true) else { return }
        guard let close = lines.indices.dropFirst().first(where: { Self.isDelimiter(lines[$0], opening: false) }) else {
            // An unclosed block is more likely a thematic break than metadata: keep it as Markdown.
            diagnostics.append(.warning(.frontMatterUnclosed, at: SourceLocation(file: file, line: 1, column: 1)))
            return
        }
        for index in 1..<close {
            readEntry(lines[index], location: SourceLocation(file: file, line: index + 1, column: 1))
        }
        let rest = close + 1 < lines.count ? text[lines[close + 1].startIndex...] : ""
        markdown = String(repeating: "\n", count: close + 1) + rest
    }

    private mutating func readEntry(_ line: Substring, location: SourceLocation) {
        let trimmed = line.trimmingWhitespace()
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
        guard let colon = line.firstIndex(of: ":"), line.first.map({ !$0.isWhitespace }) ?? false else {
            diagnostics.append(.warning(.frontMatterMalformedLine(line), at: location))
            return
        }
        let key = line[..<colon].trimmingWhitespace()
        guard !key.isEmpty else {
            diagnostics.append(.warning(.frontMatterMalformedLine(line), at: location))
            return
        }
        entries.append((key: String(key), value: Self.unquoted(line[line.index(after: colon)...].trimmingWhitespace())))
    }

    private static func isDelimiter(_ line: Substring, opening: Bool) -> Bool {
        var content = line.trimmingWhitespace()
        if opening, content.first == "\u{FEFF}" { content = content.dropFirst() }
        return content == "---" || (!opening && content == "...")
    }

    /// Removes one pair of matching single or double quotes.
    static func unquoted(_ value: Substring) -> String {
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return String(value)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
