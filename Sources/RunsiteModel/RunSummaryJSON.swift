import RunsiteCore

/// The machine-readable summary (`runs.json`, `runsite export summary`), the contract that every
/// check of runsite's numbers uses:
///
///     {"runs": [{"id", "source", "project", "project_path", "name", "status", "parent"?, "params": {...}, "tags": [...],
///                "metrics": {"<key>": {"count", "first", "last", "min", "max", "last_step"}}}]}
///
/// Runs are sorted by id; params and metrics by key.
public enum RunSummaryJSON {
    public static func encode(_ runs: [Run]) -> String {
        let sorted = runs.sorted(by: { $0.id < $1.id })
        var json = JSONWriter()
        // One string for every run (megabytes for thousands of runs). Grown by doubling, it would
        // peak near twice that while a copy is made, at the build's peak of memory; so room is made
        // at once, from the first run's size with a margin (pages of room never written take no memory).
        if let first = sorted.first, sorted.count > 64 {
            var probe = JSONWriter()
            write(first, into: &probe)
            json.reserveCapacity(2 * probe.text.utf8.count * sorted.count + 4096)
        }
        json.beginObject()
        json.beginArray("runs")
        for run in sorted { write(run, into: &json) }
        json.endArray()
        json.endObject()
        return json.text
    }

    static func write(_ run: Run, into json: inout JSONWriter) {
        json.beginObject()
        json.string(run.id.path, key: "id")
        json.string(run.source, key: "source")
        json.string(run.project, key: "project")
        if let path = run.projectPath { json.string(path, key: "project_path") }
        json.string(run.name, key: "name")
        json.string(run.status.rawValue, key: "status")
        if let parent = run.parentID { json.string(parent.path, key: "parent") }
        json.beginObject("params")
        for (key, value) in run.params.sorted { write(value, key: key, into: &json) }
        json.endObject()
        json.beginArray("tags")
        for tag in run.tags { json.string(tag) }
        json.endArray()
        json.beginObject("metrics")
        for series in run.metrics.sorted(by: { $0.key < $1.key }) {
            let summary = series.summary
            json.beginObject(series.key.name)
            json.integer(Int64(summary.count), key: "count")
            json.number(summary.first, key: "first")
            json.number(summary.last, key: "last")
            json.number(summary.min, key: "min")
            json.number(summary.max, key: "max")
            json.integer(summary.lastStep?.value, key: "last_step")
            json.endObject()
        }
        json.endObject()
        json.endObject()
    }

    static func write(_ value: ParamValue, key: String, into json: inout JSONWriter) {
        switch value {
        case .int(let i): json.integer(i, key: key)
        case .double(let d): json.number(d, key: key)
        case .string(let s): json.string(s, key: key)
        case .bool(let b): json.bool(b, key: key)
        case .null: json.null(key: key)
        }
    }
}
