import RunsiteModel

/// One run as a summary (`runs.json`) holds it: what the CI report and the change list read.
/// Made from a run that was read or from an entry of a `runs.json`, so that either side of a
/// comparison can be either.
public struct RunRecord: Sendable, Hashable {
    public var id: RunID
    public var project: String
    /// The folder that holds the run's project, relative to its INPUT ("" when unknown).
    public var projectPath: String
    public var name: String
    public var status: RunStatus
    public var params: Params
    public var metrics: [String: MetricRecord]

    public init(id: RunID, project: String, projectPath: String, name: String, status: RunStatus,
                params: Params = Params(), metrics: [String: MetricRecord] = [:]) {
        self.id = id
        self.project = project
        self.projectPath = projectPath
        self.name = name
        self.status = status
        self.params = params
        self.metrics = metrics
    }

    /// The record of a run that was read: its summaries are of every logged point.
    public init(_ run: Run) {
        var metrics: [String: MetricRecord] = [:]
        for series in run.metrics {
            let s = series.summary
            metrics[series.key.name] = MetricRecord(count: s.count, last: s.last, min: s.min, max: s.max, lastStep: s.lastStep)
        }
        self.init(id: run.id, project: run.project, projectPath: run.projectPath ?? "", name: run.name, status: run.status,
                  params: run.params, metrics: metrics)
    }

    var projectID: ProjectID { ProjectID(path: projectPath, name: project) }

    /// The step the run got to: the largest last step of its metrics.
    var lastStep: Step? { metrics.values.compactMap(\.lastStep).max() }
}

/// A metric's numbers in a summary: `min` and `max` are of the finite values only.
public struct MetricRecord: Sendable, Hashable {
    public var count: Int
    public var last: Double?
    public var min: Double?
    public var max: Double?
    public var lastStep: Step?

    public init(count: Int, last: Double?, min: Double?, max: Double?, lastStep: Step?) {
        self.count = count
        self.last = last
        self.min = min
        self.max = max
        self.lastStep = lastStep
    }
}

/// The runs of one project, titled as the site titles it.
struct RecordProject {
    var key: ProjectID
    var title: String
    var runs: [RunRecord]

    /// Runs grouped by project (folder and name), in the order of `ProjectID`, runs by id. Titles
    /// come from `ProjectTitles` over every key given, so that both sides of a comparison agree.
    static func group(_ runs: [RunRecord], titlingAlso others: [RunRecord] = []) -> [RecordProject] {
        var byKey: [ProjectID: [RunRecord]] = [:]
        for run in runs { byKey[run.projectID, default: []].append(run) }
        let titles = titlesByKey(runs + others)
        return byKey.keys.sorted().map { key in
            RecordProject(key: key, title: titles[key] ?? key.name, runs: byKey[key]!.sorted { $0.id < $1.id })
        }
    }

    static func titlesByKey(_ runs: [RunRecord]) -> [ProjectID: String] {
        let keys = Set(runs.map(\.projectID)).sorted()
        let titles = ProjectTitles.titles(names: keys.map(\.name), paths: keys.map(\.path))
        return Dictionary(uniqueKeysWithValues: zip(keys, titles))
    }

    /// The params whose values are not the same in every run of the project (a param some runs
    /// lack varies too), sorted by key: the ones that tell its runs apart.
    var varyingParams: [String] {
        let keys = Set(runs.flatMap(\.params.keys)).sorted()
        return keys.filter { key in
            let first = runs.first?.params[key]
            return runs.contains { $0.params[key] != first }
        }
    }

    /// The metrics some run of the project logged, sorted.
    var metricKeys: [String] { Set(runs.flatMap(\.metrics.keys)).sorted() }
}
