/// One experiment run, whatever format it came from.
public struct Run: Sendable, Hashable, Codable {
    /// The run directory relative to its INPUT, '/'-separated. Unique within a build.
    public var id: String
    /// The reader that produced it: `runsite`, `mlflow`, `tensorboard`, `lightning-csv`, ….
    public var source: String
    /// The name of the project this run belongs to.
    public var project: String
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
    public var parentID: String?
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

    public init(id: String, source: String, project: String, name: String, directory: String) {
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

    public func metric(_ key: String) -> MetricSeries? { metrics.first { $0.key == key } }
}

/// A group of runs: a folder of runsite runs, an MLflow experiment, a TensorBoard logdir, ….
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
