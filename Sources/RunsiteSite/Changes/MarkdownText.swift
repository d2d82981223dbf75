/// Text from run data inside generated Markdown (a CI summary, a pull-request comment): names,
/// params and metric keys are untrusted, so none of their characters may become markup.
enum MarkdownText {
    /// The characters that start markup anywhere in a line: emphasis, code, links and images
    /// (their brackets; a parenthesis is markup only after one),
    /// HTML and entities, table cell breaks, strikethrough, GitHub's math, `@` mentions, `#`
    /// references and `:emoji:`. Those that matter only at the start of a line or list item (`-`,
    /// `+`, `=`, the `.` or `)` of `1.`) are escaped there only.
    private static let special = Set("\\`*_[]<>|~&@#!$:".unicodeScalars)

    /// `text` with each markup character backslash-escaped (CommonMark makes every escaped ASCII
    /// punctuation character literal), and control characters and line breaks as spaces, so that
    /// it stays on its line and in its table cell.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var leading = true   // still in the digits that could start an ordered list (`1. `)
        for (i, scalar) in scalars.enumerated() {
            let v = scalar.value
            let atStart = i == 0 && "-+=".unicodeScalars.contains(scalar)
            let listNumber = leading && i > 0 && (scalar == "." || scalar == ")") && (i + 1 == scalars.count || scalars[i + 1] == " " || scalars[i + 1] == "\t")
            leading = leading && ("0"..."9").contains(scalar)
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                out.append(" ")
            } else if special.contains(scalar) || atStart || listNumber {
                out.append("\\")
                out.append(scalar)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
