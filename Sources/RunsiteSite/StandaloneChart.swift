import RunsiteCore
import RunsiteModel
import RunsiteTemplates

/// The standalone SVG of a figure directive (`{chart}`, `{parallel-coordinates}`, `{scatter}`),
/// drawn from a spec without building a page: the same directive code as in a site, given the
/// options as a template would give them.
public enum StandaloneChart {
    /// The directives whose figure can be exported.
    public static let figures = [ChartDirective.name, ParallelCoordinatesDirective.name, ScatterDirective.name]

    /// - Parameter options: the directive's options as (key, value), in order (`metrics`, `runs`, `figure-width`, …).
    /// - Returns: the figure's SVG text, or nil when nothing was drawn (the reason is in `log`).
    public static func svg(of projects: [Project], figure: String = "chart", options: [(key: String, value: String)],
                           site: SiteOptions, log: DiagnosticLog) -> String? {
        let place = SourceLocation(file: "runsite export chart")
        let directive = Directive(name: figure,
                                  options: options.map { DirectiveOption(key: $0.key, value: $0.value, location: place) }, location: place)
        let context = PageContext(map: SiteMap(projects: projects), options: site, pagePath: "chart.html", scope: .site, log: log)
        _ = DirectiveRegistry.standard.expand(directive, in: context)
        for file in context.extraFiles.files where file.path.hasSuffix(".svg") {
            if case .text(let svg) = file.content { return svg }
        }
        return nil
    }
}
