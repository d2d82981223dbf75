import Foundation

/// Whether lower or higher is better for a metric. Loss-like names are minimised and the rest
/// maximised; `--minimize`/`--maximize` glob patterns override the rule.
public enum MetricDirection: String, Sendable {
    case minimize = "min", maximize = "max"

    private static let lossWords = ["loss", "err", "error", "mse", "mae", "rmse", "nll", "perplexity", "ppl",
                                    "wer", "cer", "fid", "latency", "regret", "cost", "distance", "divergence", "kl"]

    public static func of(_ metric: String, minimize: [String] = [], maximize: [String] = []) -> MetricDirection {
        if maximize.contains(where: { Glob.matches($0, metric) }) { return .maximize }
        if minimize.contains(where: { Glob.matches($0, metric) }) { return .minimize }
        let words = metric.lowercased().split(whereSeparator: { !$0.isLetter })
        for word in words {
            if lossWords.contains(where: { word == $0 || word.hasSuffix($0) && $0.count >= 4 }) { return .minimize }
        }
        return .maximize
    }
}

/// Shell-style globs: `*` any run of characters, `?` one character. Used for metric patterns and `name:` selectors.
public enum Glob {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] { pi += 1; ti += 1 }
            else if pi < p.count, p[pi] == "*" { star = pi; mark = ti; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
            else { return false }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
