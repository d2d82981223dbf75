import RunsiteModel

/// One cell of a computed table (see `TableModel`): the text shown, and the numbers behind it
/// for exports and best-value marks.
struct TableCell: Hashable {
    /// How a cell is marked in its column: best bold, second best underlined.
    enum Mark: Hashable { case best, second }

    /// The displayed text: a value, `mean ± std`, or a param/run field.
    var text: String
    /// The value (a mean for grouped rows); nil for text cells and missing values.
    var number: Double?
    /// The sample standard deviation of a grouped cell.
    var std: Double?
    /// A grouped cell's statistic (`:stats:`), with the values it summarises.
    var summary: SeedStatistic.Summary?
    var values: [Double] = []
    var ids: [String] = []
    /// The p-value against the `:baseline:` group, and whether it is under 0.05 (shown as †).
    var pValue: Double?
    /// How many runs a grouped cell's mean is over.
    var count: Int?
    /// The step a `metric:NAME@best(…)` value was taken at.
    var step: Step?
    var mark: Mark?

    init(text: String, number: Double? = nil, std: Double? = nil, count: Int? = nil, step: Step? = nil) {
        self.text = text
        self.number = number
        self.std = std
        self.count = count
        self.step = step
    }
}
