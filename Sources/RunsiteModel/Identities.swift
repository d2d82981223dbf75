/// A run's identity within a build: its folder (or file) below its INPUT, '/'-separated, such as
/// `mlruns/1/0a1b…` or `lightning_logs/version_0`. Pages, charts, tables, the build cache and
/// `runs.json` know a run by it, and a run's `parentID` names its parent by it. It is unique among
/// the runs of one INPUT, since the walk gives each folder to one reader; two INPUTs that hold the
/// same path give two runs with one id, which the build does not tell apart. Encoded as the bare path.
public struct RunID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var path: String

    public init(_ path: String) { self.path = path }
    public init(stringLiteral path: String) { self.path = path }

    public init(from decoder: any Decoder) throws { path = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(path)
    }

    public var description: String { path }
    public static func < (a: RunID, b: RunID) -> Bool { a.path < b.path }
}

/// A project's identity: its folder below the INPUT and its name. Two experiments of one MLflow
/// store share a folder, and four `lightning_logs` of four repositories share a name; neither
/// pair is one project.
public struct ProjectID: Sendable, Hashable, Comparable {
    public var path: String
    public var name: String
    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }
    public static func < (a: ProjectID, b: ProjectID) -> Bool { (a.name, a.path) < (b.name, b.path) }
}

/// A metric's name as its run logged it (`val/loss`, `train/acc`): what a run's series, the
/// summary's `metrics` and chart and table options know a metric by. Encoded as the bare name.
public struct MetricKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }

    public init(from decoder: any Decoder) throws { name = try decoder.singleValueContainer().decode(String.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    public var description: String { name }
    public static func < (a: MetricKey, b: MetricKey) -> Bool { a.name < b.name }
}
