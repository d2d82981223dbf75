import RunsiteCharts
import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// What the sweep figures (`{parallel-coordinates}`, `{scatter}`) share: column specs read from
/// options, values of columns, and the figure with its standalone SVG download.
enum SweepFigure {
    /// One column spec (`param:KEY`, `metric:NAME:AGG`, `run:duration`, or a bare param key),
    /// warned at the option when it cannot be read.
    static func column(_ text: String, option: String, _ directive: Directive, _ context: PageContext) -> TableColumn? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.contains(":") { return .param(trimmed) }
        do throws(SpecError) {
            return try ColumnSpec.parse(trimmed, options: context.options).columns.first
        } catch {
            context.warn(.unreadableColumnOption(option, error.message),
                         at: directive.options.last { $0.key == option }?.location ?? directive.location)
            return nil
        }
    }

    /// A value of a column for a figure: a number, a category, or missing.
    static func value(_ column: TableColumn, _ run: Run) -> ParallelCoordinates.Value {
        if case .param(let key) = column {
            switch run.params[key] {
            case .int(let i)?: return .number(Double(i))
            case .double(let d)? where d.isFinite: return .number(d)
            case nil, .null?: return .missing
            case let other?: return .category(other.text)
            }
        }
        if let number = column.number(for: run), number.isFinite { return .number(number) }
        return .missing
    }

    /// A column's axis title: `optimizer.lr`, `val/loss (min)`, `duration`.
    static func title(_ column: TableColumn) -> String {
        if case .param = column { return column.title }
        return column.subtitle.map { column.title + " (" + $0 + ")" } ?? column.title
    }

    /// The figure: the SVG on the page, a caption, and a standalone SVG drawn again at the printed
    /// width of `:figure-width:` (`draw` takes a width in CSS pixels); a page wide unless asked,
    /// since a figure of many axes needs the room.
    static func figure(name: String, title: String, caption: String, _ directive: Directive, _ context: PageContext,
                       draw: (Double) -> Node) -> Node {
        let width = ChartDirectiveOptions.requestedFigureWidth(directive, context) ?? .page
        let svg = draw(640)
        let standalone = StandaloneFigure.make(draw(width.pixels), width: width)
        let link = ChartFigure.addFile(name + ".svg", .text(Serializer.xml(standalone) + "\n"), context)
        return .el("figure", [cls("rs-figure rs-chart"), attr("id", name)], [
            svg,
            .el("figcaption", [], [
                .el("strong", [], text: title), .text(" — " + caption),
                .el("span", [cls(LinkGroup.downloads)], [
                    .text(" · "),
                    .el("a", [attr("href", link), attr("download", ""),
                              attr("title", "Standalone SVG, \(NumberText.fixed(width.inches)) in wide, for papers")], text: "download SVG"),
                ]),
            ]),
        ])
    }
}
