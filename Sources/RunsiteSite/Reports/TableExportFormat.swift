/// The formats a table exports to: `runsite export table --format`, and the files next to each `{runs-table}`.
public enum TableExportFormat: String, CaseIterable, Sendable {
    case csv, markdown, latex

    /// The file extension of an exported table.
    public var fileExtension: String {
        switch self {
        case .csv: return "csv"
        case .markdown: return "md"
        case .latex: return "tex"
        }
    }
}
