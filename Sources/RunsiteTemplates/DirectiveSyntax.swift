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
    /// - Parameters:
    ///   - content: the code block's literal content, as cmark gives it.
    ///   - location: the fence line.
    ///   - source: the original lines, to point each option at its own column.
    static func directive(name: String, argument: String, content: String, location: SourceLocation, source: SourceLines) -> Directive {
        var lines = SourceLines(content).lines
        if lines.last == "" { lines.removeLast() }
        var options: [DirectiveOption] = []
        var index = 0
        while index < lines.count, let (key, value) = option(in: lines[index]) {
            let line = (location.line ?? 0) + 1 + index
            let column = source.columns(of: ":\(key):", onLine: line).first ?? location.column
            options.append(DirectiveOption(key: key, value: value, location: SourceLocation(file: location.file, line: line, column: column)))
            index += 1
        }
        while index < lines.count, lines[index].trimmingWhitespace().isEmpty { index += 1 }
        let body = lines[index...].joined(separator: "\n")
        return Directive(name: name, argument: argument, options: options, body: body, location: location)
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
