/// Settings for one site build; the command line fills them in. Nothing here reads the clock or
/// the environment: the build time is injected (`SOURCE_DATE_EPOCH` or now).
public struct SiteOptions: Sendable {
    /// Site title, shown in the header and on the overview page.
    public var title = "Experiments"
    /// Unix seconds shown as "built at"; nil hides it.
    public var buildTime: Double?
    /// The tool version shown in the footer.
    public var version = "0.1.0"
    /// Site-wide TensorBoard-style smoothing weight for charts (0 = off).
    public var smoothing = 0.0
    /// Glob patterns of metrics whose best value is the minimum / maximum, overriding the loss-like rule.
    public var minimize: [String] = []
    public var maximize: [String] = []
    /// Artifacts larger than this are listed with size and checksum but not copied into the site.
    public var maxArtifactBytes: Int64 = 50_000_000
    /// The most metrics shown as columns by default in the experiment table.
    public var defaultMetricColumns = 6
    /// Extra Markdown pages (reports) given by the user: (file path for messages, page name, text).
    /// While `runsite watch` rebuilds the site: a token that changes at every build. Pages then load
    /// `live.js`, which reloads them when the token changes; nil (every other build) adds nothing.
    public var liveToken: String?
    public var pages: [UserPage] = []
    /// The runs of a previous summary (`build --diff-with`), which `{changes}` compares with this
    /// build's runs; nil when there is none, and `{changes}` shows nothing.
    public var previousRuns: [RunRecord]?
    /// What each chart's CSV holds (`--chart-data`).
    public var chartData = ChartData.drawn
    /// Whether run pages link a `metrics.csv.gz` of every logged point (`--series-files`); the
    /// pipeline writes the files, the pages link those that exist.
    public var seriesFiles = SeriesFiles.auto

    public init() {}
}

/// A user-written Markdown page rendered with the same directives as the templates.
public struct UserPage: Sendable {
    public var file: String
    public var slug: String
    public var text: String
    public init(file: String, slug: String, text: String) {
        self.file = file
        self.slug = slug
        self.text = text
    }
}

/// What a chart's CSV holds: `drawn`, every logged point up to `pointLimit` per
/// series and each step bin's first, last, min and max beyond; `full`, every point the chart was
/// given (on run pages, every logged point: runs are then not thinned when read).
public enum ChartData: String, Sendable, CaseIterable {
    case drawn, full
    /// Every logged point of a series up to this many is in a `drawn` CSV; a longer series gives
    /// the first, last, min and max of each of a quarter as many step bins, exact values at their steps.
    public static let pointLimit = 1_000
}

/// Which runs get a `metrics.csv.gz` of every logged point beside their page: `all`, `none`, or
/// `auto`, every run when the build reads at most `autoUnits` read units (a few dozen runs, whose
/// files cost little), none past that.
public enum SeriesFiles: String, Sendable, CaseIterable {
    case auto, all, none
    public static let autoUnits = 64

    public func writes(units: Int) -> Bool {
        switch self {
        case .all: true
        case .none: false
        case .auto: units <= Self.autoUnits
        }
    }
}
