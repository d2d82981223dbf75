import Foundation
import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// What the overview and project page directives draw: `{project-list}`, `{running-runs}`,
/// `{project-summary}` (their types are in `Directives/`; `{runs-table}` is `RunsTableDirective`).
enum SiteDirectives {
    static func projectList(_ context: PageContext) -> Node {
        let map = context.map
        guard !map.projects.isEmpty else {
            return .el("p", [cls("rs-empty")], text: "No runs were found in the inputs.")
        }
        // One column per status, so that the counts add up to the runs.
        let header = ["Project", "Runs"] + RunStatus.allCases.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() } + ["Disk", "Last activity"]
        let rows: [Node] = map.projects.indices.map { p in
            let project = map.projects[p]
            func count(_ status: RunStatus) -> String { String(project.runs.filter { $0.status == status }.count) }
            let disk = project.runs.reduce(Int64(0)) { $0 + $1.diskBytes }
            let last = project.runs.compactMap(\.lastActivity).max()
            return .el("tr", [], [
                .el("td", [], [.el("a", [attr("href", context.link(map.projectPath(p)))], text: map.projectTitle(p)),
                               project.description.map { .el("div", [cls("rs-muted")], text: $0) } ?? .empty]),
                .el("td", [cls("rs-num")], text: String(project.runs.count)),
            ] + RunStatus.allCases.map { .el("td", [cls("rs-num")], text: count($0)) } + [
                .el("td", [cls("rs-num"), attr("data-v", String(disk))], text: Formatting.bytes(disk)),
                .el("td", [], text: Formatting.dateTime(last)),
            ])
        }
        let runs = map.projects.flatMap(\.runs)
        let totals = Node.el("p", [cls("rs-stats")], [
            stat(String(runs.count), runs.count == 1 ? "run" : "runs"),
            stat(String(map.projects.count), map.projects.count == 1 ? "project" : "projects"),
            stat(String(runs.filter { $0.status == .running }.count), "running"),
            stat(String(runs.filter { $0.status == .failed }.count), "failed"),
            stat(Formatting.bytes(runs.reduce(0) { $0 + $1.diskBytes }), "on disk"),
            lastActivity(runs),
        ])
        return .fragment([
            totals,
            .el("div", [cls("rs-table-wrap")], [
                .el("table", [cls("rs-projects")], [
                    // The counts and the disk size are right-aligned numbers: so are their headers.
                    .el("thead", [], [.el("tr", [], header.map { title in
                        .el("th", title == "Project" || title == "Last activity" ? [attr("scope", "col")] : [attr("scope", "col"), cls("rs-num")], text: title)
                    })]),
                    .el("tbody", [], rows),
                ]),
            ]),
        ])
    }

    private static func stat(_ value: String, _ label: String) -> Node {
        .el("span", [cls("rs-stat")], [.el("strong", [], text: value), .text(" " + label)])
    }

    /// The newest activity of `runs`; nothing (not an empty bold value) when no run has a time.
    private static func lastActivity(_ runs: [Run]) -> Node {
        guard let last = runs.compactMap(\.lastActivity).max() else { return .empty }
        return stat(Formatting.dateTime(last), "last activity")
    }

    static func runningRuns(_ context: PageContext) -> Node {
        let running = context.runsInScope.filter { $0.run.status == .running }
        guard !running.isEmpty else { return .el("p", [cls("rs-muted")], text: "No run is running.") }
        return .el("ul", [cls("rs-running")], running.map { item in
            .el("li", [], [
                .el("a", [attr("href", context.link(context.map.runPath(item.place)))], text: item.run.name),
                .el("span", [cls("rs-muted")], text: " — \(item.run.project), started \(Formatting.dateTime(item.run.start)), last activity \(Formatting.dateTime(item.run.lastActivity))"),
            ])
        })
    }

    static func projectSummary(_ context: PageContext) -> Node {
        guard let p = context.projectIndex else { return .empty }
        let project = context.map.projects[p]
        var parts: [Node] = []
        if let description = project.description { parts.append(.el("p", [cls("rs-lead")], text: description)) }
        let runs = project.runs
        let counts = RunStatus.allCases.compactMap { status -> String? in
            let n = runs.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(status.rawValue)"
        }
        parts.append(.el("p", [cls("rs-stats")], [
            stat(String(runs.count), runs.count == 1 ? "run" : "runs"),
            .text(counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")"),
            stat(Formatting.bytes(runs.reduce(0) { $0 + $1.diskBytes }), "on disk"),
            lastActivity(runs),
        ]))
        if let readme = project.readme {
            parts.append(.el("div", [cls("rs-readme")], [.raw(Markdown.renderUntrusted(readme, policy: context.policy))]))
        }
        return .fragment(parts)
    }
}
