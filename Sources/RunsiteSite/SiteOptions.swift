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
