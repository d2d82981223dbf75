import Foundation
import RunsiteCore
import RunsiteMarkup
import RunsiteTemplates

/// Every directive, by name: a plain list of `PageDirective` types. A fenced block
/// ```` ```{runs-table} ```` in any template or report becomes the table.
struct DirectiveRegistry {
    static let all: [any PageDirective.Type] = [
        // Overview and project pages.
        ProjectListDirective.self, RunningRunsDirective.self, ReportListDirective.self, ProjectSummaryDirective.self,
        RunsTableDirective.self, ChartsDirective.self, ChartDirective.self, ParamEffectsDirective.self,
        ParallelCoordinatesDirective.self, ScatterDirective.self, ChangesDirective.self,
        // Run pages (and, with selector options, reports).
        RunMetaDirective.self, NotesDirective.self, ParamsDirective.self, MetricSummaryDirective.self,
        ConfusionMatricesDirective.self, ConfusionMatrixDirective.self, ImagesDirective.self, ArtifactsDirective.self,
        TextsDirective.self,
    ]

    static let standard = DirectiveRegistry(all)

    private let types: [String: any PageDirective.Type]

    init(_ list: [any PageDirective.Type]) {
        types = Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var names: [String] { types.keys.sorted() }

    func type(named name: String) -> (any PageDirective.Type)? { types[name] }

    /// Expands a directive after checking its options, or returns a visible error box and logs a
    /// diagnostic at its location.
    func expand(_ directive: Directive, in context: PageContext) -> Node {
        guard let type = types[directive.name] else {
            let hint = Suggestion.closest(to: directive.name, in: names).map { "; did you mean '\($0)'?" } ?? ""
            context.warn(.unknownDirective(directive.name, hint: hint), at: directive.location)
            return DirectiveError.box("unknown directive" + hint, directive)
        }
        OptionChecker.check(directive, against: type.options, in: context)
        return type.expand(directive, context)
    }

    /// Whether the directive shows more than the page's own runs: its type reaches the site, or it
    /// is given a run selector. An unknown directive shows an error box, which depends on nothing.
    func reachesSite(_ directive: Directive) -> Bool {
        guard let type = types[directive.name] else { return false }
        let selectors = Set(type.options.filter { $0.kind == .selector }.map(\.name))
        return type.reach == .site || directive.options.contains { selectors.contains($0.key) }
    }

    /// How much of each run the directive reads; a value at another metric's best step (`@best`)
    /// reads every column.
    func columnNeed(_ directive: Directive) -> ColumnNeed {
        guard let type = types[directive.name] else { return .none }
        return directive.options.contains { $0.value.contains("@") } ? .all : type.columns
    }
}

extension Directive {
    /// The value of `:key:`, trimmed; nil when absent.
    func option(_ key: String) -> String? {
        options.last { $0.key == key }.map { $0.value.trimmingCharacters(in: .whitespaces) }
    }
}

/// "Did you mean …?" by edit distance.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
