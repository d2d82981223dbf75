import RunsiteCore

/// The diagnostics of reading a Markdown template or report: its front matter and directive fences.
extension DiagnosticMessage {
    static let frontMatterUnclosed = DiagnosticMessage(id: "template.front-matter.unclosed",
                                                       "front matter starting with '---' has no closing '---' line; read as Markdown")

    static func frontMatterMalformedLine(_ line: Substring) -> DiagnosticMessage {
        DiagnosticMessage(id: "template.front-matter.malformed-line", "front matter line is not 'key: value': '\(line)'")
    }

    /// A fenced code block whose info string starts with `{` but names no directive.
    static func malformedDirectiveFence(_ info: String) -> DiagnosticMessage {
        DiagnosticMessage(id: "template.malformed-directive", "code block info string starts with '{' but has no valid '{name}': '\(info)'")
    }
}
