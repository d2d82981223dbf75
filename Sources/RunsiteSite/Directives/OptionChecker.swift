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
                context.warn("template.unknown-option", "unknown option ':\(option.key):' for {\(directive.name)}\(hint)", at: option.location)
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
                context.warn("template.bad-option-value", "':\(option.key):' takes true or false; got '\(value)', read as false", at: option.location)
            case .number where Double(value)?.isFinite == true:
                break
            case .number:
                context.warn("template.bad-option-value", "':\(option.key):' takes a number; got '\(value)', so it is ignored", at: option.location)
            case .choice(let words) where words.contains(lower):
                break
            case .choice(let words):
                let hint = Suggestion.closest(to: lower, in: words).map { " (did you mean '\($0)'?)" } ?? ""
                let quoted = words.map { "'\($0)'" }.joined(separator: ", ")
                context.warn("template.bad-option-value",
                             "unknown value '\(value)' for ':\(option.key):'\(hint); expected one of \(quoted), so \(spec.absent.map { "'\($0)'" } ?? "the default") is used",
                             at: option.location)
            }
        }
    }

    /// A flag's value: true when present with no value or a yes-word.
    static func flag(_ directive: Directive, _ name: String) -> Bool {
        guard let value = directive.option(name) else { return false }
        return yes.contains(value.lowercased())
    }
}
