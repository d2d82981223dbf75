import Foundation
import RunsiteCore

/// Caps the warnings one file can produce for repeated cell-level problems (a metric logged as text on
/// every row would otherwise give one warning per row). After `limit` warnings a single closing
/// warning says that further problems in the file are not reported.
struct WarningBudget {
    var limit = 20
    private(set) var used = 0

    init(limit: Int = 20) { self.limit = limit }

    mutating func warn(_ message: DiagnosticMessage, _ url: URL, line: Int?, context: ReaderContext) {
        used += 1
        if used <= limit {
            context.warn(message, url, line: line)
        } else if used == limit + 1 {
            context.warn(.moreProblems(like: message, limit: limit), url, line: line)
        }
    }
}
