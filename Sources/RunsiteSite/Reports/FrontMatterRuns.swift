import RunsiteCore
import RunsiteMarkup
import RunsiteModel

/// A report's front matter `runs: SELECTOR`: the runs every directive of the page starts from.
enum FrontMatterRuns {
    /// Restricts the context to the selected runs. On a bad selector, logs the diagnostic at its
    /// column in the front matter, selects no run, and returns the box to show at the top of the page.
    static func apply(_ text: String, file: String, to context: inout PageContext) -> Node? {
        let scoped = context.runsInScope
        do throws(SpecError) {
            let picked = try RunSelector.parse(text).select(scoped.map(\.run), options: context.options)
            context.selection = picked.map { scoped[$0].place }
            return nil
        } catch {
            context.warn(error.problem, at: location(of: error.offset, file: file, lines: context.sourceLines))
            context.selection = []
            return .el("div", [cls("rs-directive-error"), attr("role", "note")], [
                .el("strong", [], text: "runs: "), .text(error.message),
            ])
        }
    }

    /// The `runs:` line of the front matter and the column of `offset` in its value.
    static func location(of offset: Int, file: String, lines: [Substring]) -> SourceLocation {
        for (i, line) in lines.enumerated().prefix(64) where line.hasPrefix("runs:") {
            let bytes = Array(line.utf8)
            var start = 5
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            if start < bytes.count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'"), bytes.last == bytes[start] { start += 1 }
            return SourceLocation(file: file, line: i + 1, column: start + offset + 1)
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}
