import RunsiteCore
import RunsiteModel

/// `runsite export summary --format markdown`: a short report for a CI job summary
/// (`$GITHUB_STEP_SUMMARY`), a merge-request comment or a chat message. Per project: the runs by
/// status, the best runs of each objective with the params that tell them apart, and the runs
/// still running. Everything from run data is escaped (`MarkdownText`); numbers are exact.
public enum SummaryMarkdown {
    /// - Parameters:
    ///   - top: how many of the best runs to list per objective.
    ///   - title: the report's heading.
    public static func render(_ runs: [RunRecord], options: SiteOptions = SiteOptions(), top: Int = 3, title: String = "Runs") -> String {
        let projects = RecordProject.group(runs)
        var lines = ["## " + MarkdownText.escape(title), ""]
        guard !projects.isEmpty else { return (lines + ["No runs were found."]).joined(separator: "\n") + "\n" }
        lines.append("\(count(runs.count, "run")) in \(count(projects.count, "project"))\(statusCounts(runs)).")
        for project in projects {
            lines += ["", "### " + MarkdownText.escape(project.title), ""]
            lines.append("\(count(project.runs.count, "run"))\(statusCounts(project.runs)).")
            lines += bestTable(project, options: options, top: max(1, top))
            let running = project.runs.filter { $0.status == .running }
            if !running.isEmpty {
                lines += ["", "Still running:", ""]
                for run in running {
                    lines.append("- " + MarkdownText.escape(run.name) + (run.lastStep.map { " (step \($0))" } ?? ""))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `12 runs`, `1 run`.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `: 10 finished, 1 running, 1 failed` (statuses in their usual order, none left out).
    static func statusCounts(_ runs: [RunRecord]) -> String {
        let parts = RunStatus.allCases.compactMap { status -> String? in
            let n = runs.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(status.rawValue)"
        }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
    }

    /// One row per objective and rank: `| val/loss (min) | 1 | adam-2 | 0.4 | lr=0.001, seed=2 |`.
    static func bestTable(_ project: RecordProject, options: SiteOptions, top: Int) -> [String] {
        let varying = project.varyingParams
        var rows: [String] = []
        for metric in project.metricKeys {
            guard let direction = Objectives.direction(of: metric, options: options) else { continue }
            for (rank, item) in Objectives.ranked(project.runs, metric: metric, direction: direction).prefix(top).enumerated() {
                let objective = rank == 0 ? MarkdownText.escape(metric) + " (\(direction.rawValue))" : ""
                let params = varying.compactMap { key in
                    item.run.params[key].map { MarkdownText.escape(key) + "=" + MarkdownText.escape($0.text) }
                }.joined(separator: ", ")
                rows.append("| \(objective) | \(rank + 1) | \(MarkdownText.escape(item.run.name)) | \(NumberText.exact(item.value)) | \(params) |")
            }
        }
        guard !rows.isEmpty else { return ["", "No objective metric was logged."] }
        return ["", "| Objective | # | Run | Best | Key params |", "|---|---:|---|---:|---|"] + rows
    }
}
