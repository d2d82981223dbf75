import Foundation
import RunsiteCore
import RunsiteModel

/// The output formats of `runsite diff`: plain text for a terminal or log, Markdown for a
/// pull-request comment, JSON for scripts.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, markdown, json
}

extension SummaryDiff {
    public func render(_ format: DiffFormat, failures: [String] = []) -> String {
        switch format {
        case .text: return text(failures: failures)
        case .markdown: return markdown(failures: failures)
        case .json: return json(failures: failures)
        }
    }

    /// `name` with control characters shown as `\u{…}`: run data must not move a terminal's cursor.
    private static func plain(_ text: String) -> String { Diagnostic.printable(text, limit: 1000) }

    private static func status(_ change: RunChange) -> String {
        switch (change.old, change.new) {
        case let (old?, new?): return "\(old.rawValue) → \(new.rawValue)"
        case let (nil, new?): return new.rawValue
        case let (old?, nil): return old.rawValue
        default: return ""
        }
    }

    private static func number(_ value: Double?) -> String { value.map(NumberText.exact) ?? "none" }

    /// The sentence of one best-value change, with `show` for text from run data.
    private static func sentence(_ change: BestChange, _ show: (String) -> String) -> String {
        let metric = show(change.metric) + " (\(change.direction.rawValue))"
        switch (change.old, change.new) {
        case let (old?, new?):
            return "\(metric): \(number(old)) → \(number(new)) (\(change.deltaText ?? "")), best run \(show(change.newRun ?? ""))"
        case let (nil, new?):
            return "\(metric): new, \(number(new)) in \(show(change.newRun ?? ""))"
        default:
            return "\(metric): no longer logged (was \(number(change.old)))"
        }
    }

    private var sections: [(title: String, runs: [RunChange])] {
        [("New runs", added), ("Removed runs", removed), ("Finished", finished), ("Status changes", statusChanges)]
    }

    func text(failures: [String]) -> String {
        var lines: [String] = []
        if isEmpty { lines.append("No changes.") }
        for (title, runs) in sections where !runs.isEmpty {
            lines.append("\(title) (\(runs.count)):")
            for run in runs { lines.append("  \(Self.plain(run.project)) / \(Self.plain(run.name)): \(Self.status(run))") }
        }
        if !best.isEmpty {
            lines.append("Best values (\(best.count)):")
            for change in best { lines.append("  \(Self.plain(change.project)) / " + Self.sentence(change, Self.plain)) }
        }
        for failure in failures { lines.append("FAILED: " + Self.plain(failure)) }
        return lines.joined(separator: "\n") + "\n"
    }

    func markdown(failures: [String]) -> String {
        let e = MarkdownText.escape
        var lines = ["## What changed", ""]
        if isEmpty { lines.append("No changes.") }
        for (title, runs) in sections where !runs.isEmpty {
            lines += ["### \(title) (\(runs.count))", ""]
            for run in runs { lines.append("- \(e(run.project)) / \(e(run.name)): \(Self.status(run))") }
            lines.append("")
        }
        if !best.isEmpty {
            lines += ["### Best values (\(best.count))", "", "| Project | Objective | Old | New | Change | Best run |", "|---|---|---:|---:|---:|---|"]
            for c in best {
                let change = c.deltaText ?? (c.old == nil ? "new" : "removed")
                lines.append("| \(e(c.project)) | \(e(c.metric)) (\(c.direction.rawValue)) | \(Self.number(c.old)) | \(Self.number(c.new)) | \(change) | \(e(c.newRun ?? c.oldRun ?? "")) |")
            }
            lines.append("")
        }
        if !failures.isEmpty {
            lines += ["### Failed checks", ""]
            for failure in failures { lines.append("- " + e(failure)) }
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    func json(failures: [String]) -> String {
        var json = JSONWriter()
        json.beginObject()
        for (key, runs) in [("new", added), ("removed", removed), ("finished", finished), ("status_changes", statusChanges)] {
            json.beginArray(key)
            for run in runs {
                json.beginObject()
                json.string(run.id.path, key: "id")
                json.string(run.project, key: "project")
                json.string(run.name, key: "name")
                json.string(run.old?.rawValue, key: "old_status")
                json.string(run.new?.rawValue, key: "new_status")
                json.endObject()
            }
            json.endArray()
        }
        json.beginArray("best")
        for c in best {
            json.beginObject()
            json.string(c.project, key: "project")
            json.string(c.metric, key: "metric")
            json.string(c.direction.rawValue, key: "direction")
            json.number(c.old, key: "old")
            json.number(c.new, key: "new")
            // The decimal difference read back as the nearest Double: its shortest text is the
            // decimal itself for up to 15 significant digits.
            json.number(c.deltaText.flatMap { Double($0) }, key: "delta")
            json.string(c.oldRun, key: "old_run")
            json.string(c.newRun, key: "new_run")
            json.endObject()
        }
        json.endArray()
        json.beginArray("failed")
        for failure in failures { json.string(failure) }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }
}
