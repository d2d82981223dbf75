/// An identity that is a piece of text, such as a path or a name: compared, printed and encoded
/// as that text, so that wrapping a string changes no output.
public protocol TextIdentity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    var text: String { get }
    init(_ text: String)
}

extension TextIdentity {
    public init(stringLiteral text: String) { self.init(text) }
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public var description: String { text }
    public static func < (a: Self, b: Self) -> Bool { a.text < b.text }
}

/// A run's identity within a build: its folder (or file) below its INPUT, '/'-separated, such as
/// `mlruns/1/0a1b…` or `lightning_logs/version_0`. Pages, charts, tables, the build cache and
/// `runs.json` know a run by it, and a run's `parentID` names its parent by it. It is unique among
/// the runs of one INPUT, since the walk gives each folder to one reader, and among the runs of a
/// build: INPUTs that hold runs at the same paths begin their ids with the end of their own path
/// (`ReaderContext.runIDQualifier`).
public struct RunID: TextIdentity {
    public var path: String
    public var text: String { path }
    public init(_ path: String) { self.path = path }
}

/// A metric's name as its run logged it (`val/loss`, `train/acc`): what a run's series and the
/// summary's `metrics` know a metric by.
public struct MetricKey: TextIdentity {
    public var name: String
    public var text: String { name }
    public init(_ name: String) { self.name = name }
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

/// A step as a logger records it (a global step, an iteration, an epoch counter): the step of a
/// summary's first, last, lowest and highest point, of an image, a text or a confusion matrix.
/// Series keep their steps as `[Int64]` columns, parsed and written in bulk; one step taken from
/// a column is `Step(series.steps[i])`. Printed and encoded as the bare integer.
public struct Step: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
    public init(integerLiteral value: Int64) { self.value = value }
    public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(Int64.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// Before every logged step: where an item without a step sorts.
    public static let min = Step(.min)
    public var description: String { String(value) }
    public static func < (a: Step, b: Step) -> Bool { a.value < b.value }
}
