/// A decimated series: runs of point indices to join with a line, and envelope bands.
struct DecimatedLine: Sendable {
    /// Index lists; each is drawn as one subpath, and a new run starts after an unplaceable point.
    var runs: [[Int]] = []
    /// Stretches of adjacent dense columns, each drawn as one filled min/max band.
    var bands: [[ColumnBand]] = []

    /// The number of points the line passes through.
    var keptCount: Int { runs.reduce(0) { $0 + $1.count } }
}

/// The value range of one dense pixel column.
struct ColumnBand: Sendable, Hashable {
    var column: Int
    var low: Double
    var high: Double
}
