import RunsiteMarkup
import RunsiteTemplates

/// `{project-list}`: every project with its run counts by status.
enum ProjectListDirective: PageDirective {
    static let name = "project-list"
    static let reach = DirectiveReach.site
    static let columns = ColumnNeed.none
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { SiteDirectives.projectList(context) }
}

/// `{running-runs}`: the runs still running, site-wide.
enum RunningRunsDirective: PageDirective {
    static let name = "running-runs"
    static let reach = DirectiveReach.site
    static let columns = ColumnNeed.none
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { SiteDirectives.runningRuns(context) }
}

/// `{report-list}`: the site's reports.
enum ReportListDirective: PageDirective {
    static let name = "report-list"
    static let reach = DirectiveReach.site
    static let columns = ColumnNeed.none
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { ReportList.render(context) }
}

/// `{project-summary}`: the scope's run count, statuses, disk use and last activity.
enum ProjectSummaryDirective: PageDirective {
    static let name = "project-summary"
    static let columns = ColumnNeed.perChart
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { SiteDirectives.projectSummary(context) }
}

/// `{charts}`: one chart per metric, every run in scope overlaid. Only here: `:exclude:` (globs
/// of metrics left out) and `:heading:` (a heading written above the charts only when there are
/// some, so that a section of, say, system metrics disappears from pages of runs that logged none).
enum ChartsDirective: PageDirective {
    static let name = "charts"
    static let options = ChartDirectives.optionSpecs + [.list("exclude", absent: "none"), .text("heading", absent: "none")]
    static let columns = ColumnNeed.perChart
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { ChartDirectives.charts(directive, context) }
}

/// `{chart}`: the listed metrics together in one chart.
enum ChartDirective: PageDirective {
    static let name = "chart"
    static let options = ChartDirectives.optionSpecs
    static let columns = ColumnNeed.perChart
    static func expand(_ directive: Directive, _ context: PageContext) -> Node { ChartDirectives.chart(directive, context) }
}
