/// The printed width of a standalone figure: one column of a two-column paper, or the full page.
public enum FigureWidth: String, Sendable, CaseIterable {
    /// 3.5 inches, a column of a two-column layout (IEEE, ACM, NeurIPS's two-column variants).
    case column
    /// 7 inches, the text width of a letter or A4 page.
    case page

    /// The width in inches.
    public var inches: Double {
        switch self {
        case .column: return 3.5
        case .page: return 7
        }
    }

    /// The width in CSS pixels (96 per inch): draw the chart this wide so that an 11 px label
    /// prints at 8.25 pt, readable in a paper.
    public var pixels: Double { inches * 96 }

    /// A pleasant height for a line chart of this width, in CSS pixels.
    public var lineChartHeight: Double {
        switch self {
        case .column: return 240
        case .page: return 320
        }
    }
}
