import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// Inline roles: `` {param}`optimizer.lr` `` and `` {metric}`val/loss:min` `` show one value of
/// the page's run (or, on other pages, of the only run in scope). With a selector before `->`
/// they pick the run themselves: `` {metric}`best by val/loss:min -> test/acc:last` ``,
/// `` {param}`best by val/loss:min -> optimizer.lr` ``.
enum Roles {
    static func expand(_ role: Role, in context: PageContext) -> Node {
        guard role.name == "param" || role.name == "metric" else {
            let hint = Suggestion.closest(to: role.name, in: ["metric", "param"]).map { "; did you mean '\($0)'?" } ?? ""
            context.warn(.unknownRole(role.name, hint: hint), at: role.location)
            return failure(role)
        }
        let run: Run
        let target: (text: String, offset: Int)
        if let arrow = role.content.range(of: "->") {
            let selectorText = String(role.content[..<arrow.lowerBound])
            do throws(SpecError) {
                run = try RoleSelection.run(selectorText, in: context)
            } catch {
                context.warn(error.problem, at: context.location(in: role, offset: error.offset))
                return failure(role)
            }
            let rest = role.content[arrow.upperBound...]
            let skipped = rest.prefix { $0 == " " }.utf8.count
            target = (String(rest.dropFirst(skipped)).trimmingCharacters(in: .whitespaces),
                      role.content[..<arrow.upperBound].utf8.count + skipped)
        } else {
            let runs = context.runsInScope
            guard runs.count == 1, let only = runs.first?.run else {
                context.warn(.roleNeedsOneRun(role.name, content: role.content), at: role.location)
                return failure(role)
            }
            run = only
            target = (role.content, 0)
        }
        return role.name == "param" ? param(target, of: run, role, context) : metric(target, of: run, role, context)
    }

    private static func param(_ target: (text: String, offset: Int), of run: Run, _ role: Role, _ context: PageContext) -> Node {
        var key = target.text
        if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
        guard let value = run.params[key] else {
            let hint = Suggestion.closest(to: key, in: run.params.keys).map { "; did you mean '\($0)'?" } ?? ""
            context.warn(.roleUnknownParam(key, hint: hint), at: context.location(in: role, offset: target.offset))
            return failure(role)
        }
        return .el("span", [cls("rs-value")], text: value.text)
    }

    private static func metric(_ target: (text: String, offset: Int), of run: Run, _ role: Role, _ context: PageContext) -> Node {
        do throws(SpecError) {
            let spec = try ColumnSpec.parse("metric:" + target.text, options: context.options)
            guard spec.items.count == 1, let column = spec.columns.first else {
                throw SpecError(.malformedColumns("{metric} shows one value"), at: 7)
            }
            try TableQuery.check(spec, [run])
            let value = Node.el("span", [cls("rs-value")], text: Formatting.exact(column.number(for: run)))
            guard let step = column.step(for: run) else { return value }
            return .fragment([value, .el("span", [cls("rs-step")], text: " (step \(step))")])
        } catch {
            let offset = target.offset + max(0, error.offset - 7)
            context.warn(.inMetricRole(error.problem), at: context.location(in: role, offset: offset))
            return failure(role)
        }
    }

    private static func failure(_ role: Role) -> Node {
        .el("span", [cls("rs-role-error")], text: role.content)
    }
}
