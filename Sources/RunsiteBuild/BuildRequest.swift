import Foundation
import RunsiteReaders
import RunsiteSite

/// Everything one `runsite build` needs, filled in by the command line.
public struct BuildRequest: Sendable {
    public var inputs: [URL]
    /// `--from-digests DIR`: folders of run digests written by `runsite digest`, added to the inputs' runs.
    public var digests: [URL] = []
    public var output: URL
    /// `--cache-dir DIR`: where the incremental cache lives; nil for `CacheLocation.folder(for: output)`.
    public var cacheDirectory: URL?
    /// The folder holding the default `templates/` and `assets/`.
    public var resourceRoot: URL
    /// `--templates DIR`: files here override the default templates one by one.
    public var templateOverride: URL?
    /// `--format NAME`: use only this reader.
    public var format: String?
    public var readerOptions = ReaderOptions()
    /// Reuse unchanged runs and pages of the previous build in `output` (`--no-incremental` turns it off).
    public var incremental = true
    public var siteOptions = SiteOptions()
    /// `--max-site-size`: a build whose site would be larger fails, and the old site stays.
    public var maxSiteBytes: Int64?
    /// `--single-file`: also render the first report (or the overview) as one page that works alone
    /// (`SingleFile`), returned in `BuildReport.singleFile`.
    public var singleFile = false

    public init(inputs: [URL], output: URL, resourceRoot: URL) {
        self.inputs = inputs
        self.output = output
        self.resourceRoot = resourceRoot
    }
}

/// What a build did: the files written and how long each phase took.
public struct BuildReport: Sendable {
    public var runCount = 0
    public var projectCount = 0
    public var fileCount = 0
    /// Metric points logged across all runs (for rates).
    public var pointCount = 0
    /// Units read from the incremental cache instead of their files, and run pages reused.
    public var reusedRuns = 0
    public var reusedPages = 0
    public var phases: [(name: String, seconds: Double)] = []
    /// The published site's size, what makes it up, and its largest parts.
    public var siteSize = SiteSize(files: [])
    /// The self-contained page, when the request asked for one.
    public var singleFile: String?
}
