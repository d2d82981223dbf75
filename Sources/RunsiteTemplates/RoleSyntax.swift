/// Finds the `{name}` that must end the text right before a code span for it to be a role.
enum RoleSyntax {
    /// The role name if `text` ends with `{name}`; the braces' UTF-8 length is `name.utf8.count + 2`.
    static func trailingName(in text: String) -> String? {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return nil }
        let name = text[text.index(after: open)..<text.index(before: text.endIndex)]
        return DirectiveSyntax.isName(name) ? String(name) : nil
    }

    /// Where `{name}` followed by a backtick sits on `line`, given cmark's estimate of the column.
    ///
    /// cmark's inline columns drift on continuation lines whose indentation it stripped, so the
    /// source line is searched and the occurrence nearest the estimate wins. Nil when no literal
    /// occurrence exists (the brace came from an entity) or the brace is backslash-escaped: then
    /// the text is not a role.
    static func column(of name: String, onLine line: Int, estimate: Int, in source: SourceLines) -> Int? {
        let candidates = source.columns(of: "{\(name)}`", onLine: line)
        guard let nearest = candidates.min(by: { abs($0 - estimate) < abs($1 - estimate) }) else { return nil }
        return escaped(column: nearest, onLine: line, in: source) ? nil : nearest
    }

    /// Whether an odd number of backslashes precedes the column.
    private static func escaped(column: Int, onLine line: Int, in source: SourceLines) -> Bool {
        var count = 0
        var position = column
        while source.byte(before: position, onLine: line) == UInt8(ascii: "\\") {
            count += 1
            position -= 1
        }
        return count % 2 == 1
    }
}
