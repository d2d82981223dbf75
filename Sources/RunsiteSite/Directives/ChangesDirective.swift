import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// `{changes}`: what changed since the summary given by `build --diff-with` (new, removed and
/// finished runs, status changes, best values of the objectives), under a heading. Without a
/// previous summary it renders nothing, so the overview of a first build has no empty section.
///
///     ```{changes}
///     :heading: What changed
///     ```
enum ChangesDirective: PageDirective {
    static let name = "changes"
    static let options: [OptionSpec] = [.text("heading", absent: "What changed")]
    static let reach = DirectiveReach.site
    static let columns = ColumnNeed.none

    static func expand(_ directive: Directive, _ context: PageContext) -> Node {
        guard let previous = context.options.previousRuns else { return .empty }
        let current = context.map.projects.flatMap(\.runs).map(RunRecord.init)
        let diff = SummaryDiff(old: previous, new: current, options: context.options)
        var nodes: [Node] = []
        let heading = directive.option("heading") ?? "What changed"
        if !heading.isEmpty { nodes.append(.el("h2", [attr("id", "what-changed")], text: heading)) }
        guard !diff.isEmpty else {
            nodes.append(.el("p", [cls("rs-muted")], text: "Nothing changed since the previous build."))
            return .fragment(nodes)
        }
        let counts = [(diff.added.count, "new"), (diff.removed.count, "removed"), (diff.finished.count, "finished"),
                      (diff.statusChanges.count, "changed status")].filter { $0.0 > 0 }
        if !counts.isEmpty {
            nodes.append(.el("p", [cls("rs-stats")], counts.map { n, label in
                .el("span", [cls("rs-stat")], [.el("strong", [], text: String(n)), .text(" " + label)])
            }))
        }
        var items: [Node] = []
        for (label, runs) in [("New", diff.added), ("Removed", diff.removed), ("Finished", diff.finished), ("Status", diff.statusChanges)] {
            for run in runs { items.append(item(label, run, context)) }
        }
        if !items.isEmpty { nodes.append(.el("ul", [cls("rs-changes")], items)) }
        if !diff.best.isEmpty { nodes.append(bestTable(diff.best)) }
        return .fragment(nodes)
    }

    /// `New: adam-3 — cifar, running`, the name linked to the run's page when the site has it.
    private static func item(_ label: String, _ run: SummaryDiff.RunChange, _ context: PageContext) -> Node {
        let name: Node = context.map.place(ofRun: run.id).map { place in
            .el("a", [attr("href", context.link(context.map.runPath(place)))], text: run.name)
        } ?? .text(run.name)
        let status: String
        switch (run.old, run.new) {
        case let (old?, new?): status = "\(old.rawValue) → \(new.rawValue)"
        case let (nil, new?): status = new.rawValue
        case let (old?, nil): status = old.rawValue
        default: status = ""
        }
        return .el("li", [], [.el("strong", [], text: label + ": "), name, .el("span", [cls("rs-muted")], text: " — \(run.project), \(status)")])
    }

    private static func bestTable(_ changes: [SummaryDiff.BestChange]) -> Node {
        let header = ["Project", "Objective", "Previous best", "Best", "Change", "Best run"]
        let rows: [Node] = changes.map { c in
            let delta = c.deltaText ?? (c.old == nil ? "new" : "no longer logged")
            return .el("tr", [], [
                .el("td", [], text: c.project),
                .el("td", [], text: "\(c.metric) (\(c.direction.rawValue))"),
                .el("td", [cls("rs-num")], text: c.old.map(NumberText.exact) ?? "—"),
                .el("td", [cls("rs-num")], text: c.new.map(NumberText.exact) ?? "—"),
                .el("td", [cls("rs-num")], text: delta),
                .el("td", [], text: c.newRun ?? c.oldRun ?? ""),
            ])
        }
        return .el("div", [cls("rs-table-wrap")], [
            .el("table", [cls("rs-changes-best")], [
                .el("thead", [], [.el("tr", [], header.map { title in
                    .el("th", ["Previous best", "Best", "Change"].contains(title) ? [attr("scope", "col"), cls("rs-num")] : [attr("scope", "col")], text: title)
                })]),
                .el("tbody", [], rows),
            ]),
        ])
    }
}
