/// A confusion matrix: rows are true classes, columns predicted classes.
public struct ConfusionMatrix: Sendable, Hashable, Codable {
    public var name: String
    public var labels: [String]
    public var counts: [[Double]]
    public var step: Step?

    public init(name: String, labels: [String], counts: [[Double]], step: Step? = nil) {
        self.name = name
        self.labels = labels
        self.counts = counts
        self.step = step
    }

    private enum CodingKeys: String, CodingKey { case name, labels, counts, step }

    /// Decodes a digest's matrix, checking that it is square with one row and column per label.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        labels = try c.decode([String].self, forKey: .labels)
        counts = try c.decode([[Double]].self, forKey: .counts)
        step = try c.decodeIfPresent(Step.self, forKey: .step)
        guard counts.count == labels.count, counts.allSatisfy({ $0.count == labels.count }) else {
            throw DecodingError.dataCorruptedError(forKey: .counts, in: c, debugDescription: "counts are not one row and column per label")
        }
    }

    /// Builds a matrix from (actual, predicted) label pairs, labels in sorted order (DVCLive, sklearn).
    public init(name: String, pairs: [(actual: String, predicted: String)], step: Step? = nil) {
        let labels = Array(Set(pairs.flatMap { [$0.actual, $0.predicted] })).sorted { a, b in
            if let x = Double(a), let y = Double(b) { return x < y }
            return a < b
        }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0.0, count: labels.count), count: labels.count)
        for pair in pairs { counts[index[pair.actual]!][index[pair.predicted]!] += 1 }
        self.init(name: name, labels: labels, counts: counts, step: step)
    }
}
