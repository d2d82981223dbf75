import Foundation

/// Whether lower or higher is better for a metric. `--minimize`/`--maximize` glob patterns decide
/// first, then the name: loss-like names are minimised, score-like names (accuracy, F1, BLEU,
/// reward, …) maximised. Other metrics (`lr`, `grad_norm`, `throughput`, `epoch`, `system/*`) are
/// no objective and have no direction (`objective` is nil): no best value is marked for them.
public enum MetricDirection: String, Sendable {
    case minimize = "min", maximize = "max"

    private static let lossWords: Set<String> = ["loss", "err", "error", "errors", "mse", "mae", "rmse", "msle", "mape", "nll",
                                                 "perplexity", "ppl", "wer", "cer", "ter", "fid", "regret", "cost", "distance",
                                                 "divergence", "kl", "kld", "eer", "fpr", "fnr"]
    private static let scoreWords: Set<String> = ["accuracy", "acc", "f1", "fscore", "auc", "auroc", "auprc", "roc", "bleu",
                                                  "rouge", "rougel", "rougelsum", "meteor", "chrf", "reward", "rewards", "return", "returns",
                                                  "precision", "prec", "recall", "map", "ap", "iou", "miou", "dice", "r2",
                                                  "ndcg", "mrr", "hit", "hits", "psnr", "ssim", "top1", "top5", "exact", "em",
                                                  "tpr", "specificity", "sensitivity", "kappa", "mcc", "correlation", "spearman",
                                                  "pearson", "success", "win", "winrate", "elo"]
    /// Prefixes of loggers' system metrics (W&B `system/…`, `_runtime`), which are never objectives.
    private static let systemPrefixes = ["system/", "system.", "sys/", "sys.", "_"]

    /// The direction used where a metric must be ranked anyway (selectors' `best by`, the runs a
    /// crowded chart draws): the objective's, else higher is better.
    public static func of(_ metric: String, minimize: [String] = [], maximize: [String] = []) -> MetricDirection {
        objective(metric, minimize: minimize, maximize: maximize) ?? .maximize
    }

    /// The metric's direction when it is an objective, nil otherwise. Names are split into words at
    /// anything but letters and digits, and at camel-case humps (`valAcc`); a word names a direction as itself, without trailing digits
    /// (`acc1`, `bleu4`) or, for words of four letters or more, as a suffix (`trainloss`). A loss
    /// word wins over a score word (`dice_loss` is minimised).
    public static func objective(_ metric: String, minimize: [String] = [], maximize: [String] = []) -> MetricDirection? {
        if maximize.contains(where: { Glob.matches($0, metric) }) { return .maximize }
        if minimize.contains(where: { Glob.matches($0, metric) }) { return .minimize }
        let lower = metric.lowercased()
        if systemPrefixes.contains(where: { lower.hasPrefix($0) }) { return nil }
        let words = lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init) + camelCaseWords(metric)
        func names(_ list: Set<String>) -> Bool {
            words.contains { word in
                let stem = String(word.reversed().drop(while: \.isNumber).reversed())
                return list.contains(word) || stem.count >= 2 && list.contains(stem)
                    || list.contains { $0.count >= 4 && word.hasSuffix($0) }
            }
        }
        if names(lossWords) { return .minimize }
        if names(scoreWords) { return .maximize }
        return nil
    }

    /// The words of a camel-case name (`valAcc` → `val`, `acc`), lowercased; none for a name
    /// without a lowercase letter followed by an uppercase one.
    private static func camelCaseWords(_ metric: String) -> [String] {
        var words: [String] = [], word = "", previous: Character? = nil, split = false
        for ch in metric {
            if !(ch.isLetter || ch.isNumber) {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                if ch.isUppercase, let p = previous, p.isLowercase || p.isNumber {
                    if !word.isEmpty { words.append(word) }
                    word = ""
                    split = true
                }
                word.append(contentsOf: ch.lowercased())
            }
            previous = ch
        }
        if !word.isEmpty { words.append(word) }
        return split ? words : []
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
