import RunsiteModel

/// The one run a role's selector (`best by val/loss:min`) picks among the runs in scope.
enum RoleSelection {
    static func run(_ text: String, in context: PageContext) throws(SpecError) -> Run {
        let scoped = context.runsInScope.map(\.run)
        let picked = try RunSelector.parse(text).select(scoped, options: context.options)
        guard picked.count == 1 else {
            throw SpecError(.ambiguousRun(picked.count, needing: "a role"))
        }
        return scoped[picked[0]]
    }
}
