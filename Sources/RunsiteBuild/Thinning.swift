import RunsiteModel
import RunsiteSite

/// How the build thins runs for drawing, in one place. Each resolution keeps, per series, the
/// first, last, minimum and maximum point of every step bin and every non-finite point
/// (`MetricSeries.compacted`), so no spike is lost at any width up to the bin count; summaries are
/// always of every logged point. The build cache applies these as it writes a run's digests and
/// when a page asks for a run at a resolution (`RunStore`); charts then keep four points per pixel
/// column (`Decimator`). A chart's CSV keeps its own bins (`ChartData`), as its format says.
public enum Thinning {
    /// Step bins of a run as its own page draws it, and as its full digest keeps it.
    public static let pageBins = 512
    /// Builds with more read units than this hold runs thinned for overview charts in memory.
    public static let overviewThreshold = 64
    /// Units × bins held for overviews at most: 750 units at 64 bins, 3,000 at 16.
    public static let overviewBudget = 750 * 64

    /// Step bins per series held for overview charts (projects, reports) in large builds: 64, or
    /// fewer past `overviewBudget / 64` read units so that what is held stays about the same, but
    /// never under 8. Always a power of two, so that adding a run or two does not change it (a
    /// change re-renders every project page and rewrites every overview digest). A chart whose
    /// lines need more bins draws them from each run's full digest (`lines`).
    public static func overviewBins(units: Int) -> Int {
        var bins = 64
        while bins > 8, bins * max(1, units) > overviewBudget { bins /= 2 }
        return bins
    }

    /// The runs as their pages draw them.
    static func forPages(_ projects: [Project]) -> [Project] { projects.map { thinned($0, bins: pageBins) } }

    /// A run as its page draws it.
    static func forPage(_ run: Run) -> Run { run.compacted(buckets: pageBins) }

    /// The runs as large builds hold them for overview charts.
    static func forOverview(_ projects: [Project], bins: Int) -> [Project] { projects.map { thinned($0, bins: bins) } }

    /// A run for the lines of a chart outside run pages, from the run at page resolution.
    static func lines(_ run: Run, bins: Int) -> Run { run.compacted(buckets: bins) }

    private static func thinned(_ project: Project, bins: Int) -> Project {
        var project = project
        project.runs = project.runs.map { $0.compacted(buckets: bins) }
        return project
    }
}
