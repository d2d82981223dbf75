import RunsiteModel

/// Where pages get the points of the runs they draw. The site map holds each run as the build keeps
/// it between reading and rendering: whole in small builds; in large ones thinned to `heldBins`
/// step bins per series, or only its exact summaries. A page asks the store for a run at the
/// resolution it draws, and the store alone knows whether that is in memory or in a digest.
public protocol RunStore: AnyObject, Sendable {
    /// Step bins per series of the runs as the site map holds them; nil when they are held whole.
    var heldBins: Int? { get }
    /// The run at `resolution`, or nil when the run as held already is that.
    func run(_ run: Run, at resolution: RunResolution) -> Run?
    /// The run's gzip-compressed CSV of every logged point (`SeriesCSV`), when the build wrote one.
    func seriesFile(of run: Run) -> [UInt8]?
}

/// How much of a run a page draws.
public enum RunResolution: Sendable, Hashable {
    /// As its own run page draws it: every point, or the run-page thinning of long series.
    case page
    /// For a chart's lines outside run pages: the run at page resolution thinned to this many step
    /// bins per series (nil from the store when the run as held already has every point).
    case lines(bins: Int)
    /// At the held bins, with the columns of `metrics` only (every metric's when nil): a chart of a
    /// large project loads its own metric's columns, one chart at a time.
    case overview(metrics: Set<String>?)
}
