import RunsiteModel

/// Parse these bytes as a report spec, for fuzzing and tests: the real parser, then the spec applied
/// to two small runs, with the result thrown away.
public enum SpecEntryPoints {
    /// A run selector such as `tag:baseline and top 3 by "val loss":min`.
    public static func selector(_ bytes: [UInt8]) {
        guard let selector = try? RunSelector.parse(String(decoding: bytes, as: UTF8.self)) else { return }
        _ = try? selector.select(sampleRuns, options: SiteOptions())
    }

    /// A `:columns:` or `:sort:` list such as `name, param:lr, val/loss:min`.
    public static func columnSpec(_ bytes: [UInt8]) {
        let options = SiteOptions()
        guard let spec = try? ColumnSpec.parse(String(decoding: bytes, as: UTF8.self), options: options) else { return }
        _ = try? TableQuery.check(spec, sampleRuns)
        let query = TableQuery(columns: spec, sort: spec)
        _ = query.plan(sampleRuns, options: options)
        _ = query.order(sampleRuns)
    }

    static let sampleRuns: [Run] = (0..<2).map { index in
        var run = Run(id: RunID("r\(index)"), source: "runsite", project: "p", name: "run \(index)", directory: "/r\(index)")
        run.tags = ["baseline"]
        run.params["lr"] = index == 0 ? .double(0.1) : .int(2)
        run.metrics = [MetricSeries(key: "val/loss", steps: [0, 1], values: [1, Double(index)], times: [0, 1])]
        return run
    }
}
