import Foundation
import RunsiteCore
import RunsiteMarkup
import RunsiteTemplates

/// Maps directive names to the code that expands them, Hugo render-hook style: a fenced block
/// ```` ```{runs-table} ```` in any template or report becomes the table.
struct DirectiveRegistry {
    typealias Expand = (Directive, PageContext) -> Node

    private var handlers: [String: Expand] = [:]
    private var optionNames: [String: Set<String>] = [:]

    static let standard: DirectiveRegistry = {
        var registry = DirectiveRegistry()
        SiteDirectives.register(into: &registry)
        RunDirectives.register(into: &registry)
        ChartDirectives.register(into: &registry)
        // After RunDirectives: adds selector options to {images}, {artifacts} and {params}.
        ReportDirectives.register(into: &registry)
        return registry
    }()

    mutating func register(_ name: String, options: Set<String> = [], _ expand: @escaping Expand) {
        handlers[name] = expand
        optionNames[name] = options
    }

    var names: [String] { handlers.keys.sorted() }

    /// Expands a directive, or returns a visible error box and logs a diagnostic at its location.
    func expand(_ directive: Directive, in context: PageContext) -> Node {
        guard let handler = handlers[directive.name] else {
            let hint = Suggestion.closest(to: directive.name, in: names).map { "; did you mean '\($0)'?" } ?? ""
            context.warn("template.unknown-directive", "unknown directive '\(directive.name)'\(hint)", at: directive.location)
            return DirectiveError.box("unknown directive" + hint, directive)
        }
        let allowed = optionNames[directive.name] ?? []
        for option in directive.options where !allowed.contains(option.key) {
            let hint = Suggestion.closest(to: option.key, in: Array(allowed)).map { "; did you mean ':\($0):'?" } ?? ""
            context.warn("template.unknown-option", "unknown option ':\(option.key):' for {\(directive.name)}\(hint)", at: option.location)
        }
        return handler(directive, context)
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
