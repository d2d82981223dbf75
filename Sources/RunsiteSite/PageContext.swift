import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// What a directive sees while a page is rendered: the site map, the page's own place in it, and the log.
struct PageContext {
    enum Scope { case site, project(Int), run(RunPlace) }
    /// A run in scope and its place in the site map.
    typealias ScopedRun = (place: RunPlace, run: Run)

    let map: SiteMap
    let options: SiteOptions
    /// This page's path relative to the site root, e.g. `demo/index.html`.
    let pagePath: String
    let scope: Scope
    let log: DiagnosticLog
    /// The runs a report's front matter `runs:` selected, in selector order; nil means every run in scope.
    var selection: [RunPlace]? = nil
    /// The lines of the page's source, to place diagnostics inside option values.
    var sourceLines: [Substring] = []
    /// Where directives put the files they write beside the page (figures, CSV, table exports); one
    /// collector per page, so a page's extra files are written (and reused) with the page.
    var extraFiles = ExtraFiles()
    /// Full-resolution runs for chart lines, when the build holds runs thinned (nil: draw runs as held).
    var fullResolution: FullResolution? = nil
    /// Loads a held run's columns for the given metrics only, when the page draws its charts one
    /// metric at a time instead of loading every run's columns for the whole page (large projects).
    var loadMetrics: ((Run, Set<String>) -> Run?)? = nil
    /// The size of the run's `metrics.csv.gz` beside a run page, when the build wrote one.
    var seriesFileBytes: Int? = nil
    /// How the page refers to other files (`SingleFile`); nil for a page of the site, which keeps its links.
    var policy: OutputPolicy? = nil
    /// The same collector, under the name the table directives use.
    var outputs: ExtraFiles { extraFiles }

    /// The folder of this page, relative to the site root, with a trailing `/` (empty at the root).
    var pageDirectory: String {
        guard let slash = pagePath.lastIndex(of: "/") else { return "" }
        return String(pagePath[...slash])
    }

    /// A site-root-relative URL as seen from this page.
    func link(_ url: String) -> String { SiteMap.relative(url, from: pagePath) }

    var projectIndex: Int? {
        switch scope {
        case .site: return nil
        case .project(let p): return p
        case .run(let place): return place.project
        }
    }

    var run: Run? {
        if case .run(let place) = scope { return map.run(place) }
        return nil
    }

    /// Runs in scope with their places: the selection, or the whole site, one project, or one run.
    var runsInScope: [ScopedRun] {
        placesInScope.map { ($0, map.run($0)) }
    }

    private var placesInScope: [RunPlace] {
        if let selection { return selection }
        switch scope {
        case .site: return map.projects.indices.flatMap(map.places(inProject:))
        case .project(let p): return map.places(inProject: p)
        case .run(let place): return [place]
        }
    }

    /// The run with the columns of `metrics`: as it is, or loaded for this chart when the page loads
    /// columns chart by chart (`loadMetrics`) and the run is held without them.
    func withColumns(_ run: Run, _ metrics: [String]) -> Run {
        guard let loadMetrics, run.holdsNoPoints else { return run }
        return loadMetrics(run, Set(metrics)) ?? run
    }

    func warn(_ message: DiagnosticMessage, at location: SourceLocation) {
        log.append(.warning(message, at: location))
    }
}

/// A visible box that replaces a directive that could not be expanded, so the page still builds.
enum DirectiveError {
    static func box(_ message: String, _ directive: Directive) -> Node {
        .el("div", [cls("rs-directive-error"), attr("role", "note")], [
            .el("strong", [], text: "{\(directive.name)}: "),
            .text(message),
            .el("span", [cls("rs-where")], text: " (\(directive.location.description))"),
        ])
    }
}
