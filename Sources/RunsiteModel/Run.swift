/// One experiment run, whatever format it came from.
public struct Run: Sendable, Hashable, Codable {
    public var id: RunID
    /// The reader that produced it: `runsite`, `mlflow`, `tensorboard`, `lightning-csv`, ….
    public var source: String
    /// The name of the project this run belongs to, as its logger calls it.
    public var project: String
    /// The folder (relative to the INPUT, '/'-separated) that holds the run's project: with the
    /// project's name it identifies the project, so that same-named projects in different folders
    /// stay apart. nil for runs from digests written before it was recorded.
    public var projectPath: String?
    public var name: String
    public var status: RunStatus = .unknown
    /// Unix seconds.
    public var start: Double?
    public var end: Double?
    public var user: String?
    public var host: String?
    public var tags: [String] = []
    /// Key/value tags (MLflow tags, W&B metadata), shown on the run page.
    public var labels: [String: String] = [:]
    /// Markdown text.
    public var notes: String?
    public var group: String?
    /// The id of the run that holds this one: an MLflow parent run, or the run whose folder holds
    /// this run's folder (a TensorBoard sub-run, a DVCLive fold, a logdir in MLflow artifacts).
    public var parentID: RunID?
    public var params: Params = Params()
    public var metrics: [MetricSeries] = []
    public var confusionMatrices: [ConfusionMatrix] = []
    public var images: [RunImage] = []
    public var artifacts: [Artifact] = []
    public var texts: [RunText] = []
    /// The absolute directory the run was read from.
    public var directory: String
    /// Bytes on disk under the run directory.
    public var diskBytes: Int64 = 0
    /// Unix seconds of the newest logged point or file change known to the reader.
    public var lastActivity: Double?

    public init(id: RunID, source: String, project: String, name: String, directory: String) {
        self.id = id
        self.source = source
        self.project = project
        self.name = name
        self.directory = directory
    }

    /// Seconds between start and end (or last activity when there is no end). Unknown (nil) when
    /// nothing is known after the start: readers fill `lastActivity` with the start itself when
    /// that is all they have, and that must not read as a run that took 0 seconds.
    public var duration: Double? {
        guard let start else { return nil }
        if let end { return end >= start ? end - start : nil }
        guard let lastActivity, lastActivity > start else { return nil }
        return lastActivity - start
    }

    public func metric(_ key: MetricKey) -> MetricSeries? { metrics.first { $0.key == key } }
}

/// A group of runs: a folder of runsite runs, an MLflow experiment, a TensorBoard logdir, ….
/// A project is identified by its folder and its name (`ProjectID`), not by its name alone.
public struct Project: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    /// Markdown from the project's README.md.
    public var readme: String?
    public var runs: [Run]

    public init(name: String, description: String? = nil, readme: String? = nil, runs: [Run] = []) {
        self.name = name
        self.description = description
        self.readme = readme
        self.runs = runs
    }
}

extension Project {
    /// The folder that holds the project, relative to the INPUT ("" when unknown): its runs'.
    public var path: String { runs.first?.projectPath ?? "" }

    /// What tells projects apart: the folder and the name.
    public var id: ProjectID { ProjectID(path: path, name: name) }
}
