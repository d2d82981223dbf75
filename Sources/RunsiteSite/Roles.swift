import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// Inline roles: `` {param}`optimizer.lr` `` and `` {metric}`val/loss:min` `` show one value of
/// the page's run (or, on other pages, of the only run in scope).
enum Roles {
    static func expand(_ role: Role, in context: PageContext) -> Node {
        let runs = context.runsInScope
        guard runs.count == 1, let run = runs.first?.run else {
            context.warn("role.ambiguous-run", "{\(role.name)} needs a page with exactly one run", at: role.location)
            return .el("span", [cls("rs-role-error")], text: role.content)
        }
        switch role.name {
        case "param":
            guard let value = run.params[role.content] else {
                let hint = Suggestion.closest(to: role.content, in: run.params.keys).map { "; did you mean '\($0)'?" } ?? ""
                context.warn("role.unknown-param", "unknown param '\(role.content)'\(hint)", at: role.location)
                return .el("span", [cls("rs-role-error")], text: role.content)
            }
            return .el("span", [cls("rs-value")], text: value.text)
        case "metric":
            var parts = role.content.split(separator: ":").map(String.init)
            let agg = parts.count > 1 ? TableColumn.Aggregate(rawValue: parts.removeLast()) : .last
            let key = parts.joined(separator: ":")
            guard let agg, run.metric(key) != nil else {
                context.warn("role.unknown-metric", "unknown metric or aggregate '\(role.content)'", at: role.location)
                return .el("span", [cls("rs-role-error")], text: role.content)
            }
            return .el("span", [cls("rs-value")], text: Formatting.exact(TableColumn.metric(key, agg).number(for: run)))
        default:
            context.warn("role.unknown", "unknown role '\(role.name)'", at: role.location)
            return .el("span", [cls("rs-role-error")], text: role.content)
        }
    }
}
