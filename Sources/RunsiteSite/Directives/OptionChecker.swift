import RunsiteCore
import RunsiteTemplates

/// Checks a directive's options against its declared `OptionSpec`s, once for every directive:
/// unknown names and values of the wrong kind are warned at the option's own line, with the
/// closest known name or word.
enum OptionChecker {
    static let yes: Set<String> = ["", "true", "yes", "1", "on"]
    static let no: Set<String> = ["false", "no", "0", "off"]

    static func check(_ directive: Directive, against specs: [OptionSpec], in context: PageContext) {
        let byName = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for option in directive.options {
            guard let spec = byName[option.key] else {
                let hint = Suggestion.closest(to: option.key, in: specs.map(\.name)).map { "; did you mean ':\($0):'?" } ?? ""
                context.warn(.unknownOption(option.key, of: directive.name, hint: hint), at: option.location)
                continue
            }
            let value = option.value.trimmingCharacters(in: .whitespaces)
            let lower = value.lowercased()
            switch spec.kind {
            case .text, .list, .selector:
                break
            case .flag where yes.contains(lower) || no.contains(lower):
                break
            case .flag:
                context.warn(.notAFlag(option.key, value), at: option.location)
            case .number where Double(value)?.isFinite == true:
                break
            case .number:
                context.warn(.notANumber(option.key, value), at: option.location)
            case .choice(let words) where words.contains(lower):
                break
            case .choice(let words):
                let hint = Suggestion.closest(to: lower, in: words).map { " (did you mean '\($0)'?)" } ?? ""
                context.warn(.notAChoice(option.key, value, hint: hint, words: words, absent: spec.absent), at: option.location)
            }
        }
    }

    /// A flag's value: true when present with no value or a yes-word.
    static func flag(_ directive: Directive, _ name: String) -> Bool {
        guard let value = directive.option(name) else { return false }
        return yes.contains(value.lowercased())
    }
}
