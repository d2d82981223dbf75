import Foundation
import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates
import Synchronization

/// Turns projects into the files of a static site, without touching disk:
///
///     index.html, runs.json, assets/…, <project>/index.html, <project>/<run>/index.html (+ media, files),
///     reports/<name>.html
public struct SiteBuilder: Sendable {
    public var templates: TemplateSet
    public var options: SiteOptions
    /// Reuses unchanged run pages from the previous build (incremental builds); nil renders every page.
    public var cache: PageCache?
    /// Gives pages the runs they draw at the resolution they draw them; nil: runs are held whole.
    public var store: RunStore?

    public init(templates: TemplateSet, options: SiteOptions) {
        self.templates = templates
        self.options = options
    }

    /// Every file of the site, sorted by path (for tests; `build(_:log:emit:)` streams instead).
    public func build(_ projects: [Project], log: DiagnosticLog) -> [OutputFile] {
        let files = Mutex<[OutputFile]>([])
        build(projects, log: log) { file in files.withLock { $0.append(file) } }
        return files.withLock { $0 }.sorted { $0.path < $1.path }
    }

    /// Renders the site and hands each file to `emit` as soon as it is ready. Pages render in parallel
    /// on all cores and `emit` is called from any thread, so only the pages in flight are in memory.
    /// The first error thrown by `emit` stops the build and is rethrown.
    public func build(_ projects: [Project], log: DiagnosticLog, emit: @Sendable (OutputFile) throws -> Void) rethrows {
        let map = SiteMap(projects: projects)
        let layout = Layout(source: templates.text("layout.html").text)
        if let error = layout.error {
            log.append(.error(.badLayout(error),
                              at: SourceLocation(file: templates.text("layout.html").path, line: layout.errorLine, column: layout.errorColumn)))
        }
        let cache = self.cache
        let pages = pageSet(map, layout: layout, log: log)
        let fingerprints = cache != nil && TemplateNeeds(templates.text("run.md").text).selfContained
            ? PageFingerprint(templates: templates, options: options) : nil
        let projectFingerprints = cache != nil && TemplateNeeds(templates.text("project.md").text).selfContained
            ? PageFingerprint(templates: templates, options: options) : nil
        // `runs.json` is a job too, so that it is written alongside the pages, not after them on one
        // core.
        var jobs: [@Sendable () -> [OutputFile]] = [{ pages.overview() }, { [OutputFile("runs.json", .text(RunSummaryJSON.encode(projects.flatMap(\.runs))))] }]
        for p in projects.indices {
            jobs.append { self.projectPage(pages, map, p, fingerprints: projectFingerprints) }
            for place in map.places(inProject: p) {
                jobs.append { self.runPage(pages, map, place, fingerprints: fingerprints) }
            }
        }
        for (page, info) in zip(options.pages, pages.reports) { jobs.append { pages.report(page, title: info.title) } }
        let allJobs = jobs
        try withoutActuallyEscaping(emit) { emit in
            let failure = FirstError()
            _ = ParallelMap.map(Array(allJobs.indices)) { index in
                failure.attempt { for file in allJobs[index]() { try emit(file) } }
            }
            try failure.rethrow()
        }
        if let token = options.liveToken { try emit(LiveReload.file(token: token)) }
        for (path, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try emit(OutputFile("assets/" + path, .bytes(bytes)))
        }
    }

    private func pageSet(_ map: SiteMap, layout: Layout, log: DiagnosticLog) -> PageSet {
        PageSet(map: map, templates: templates, options: options, layout: layout, log: log,
                reports: options.pages.map(ReportInfo.init), store: store,
                projectTemplateDrawsChartByChart: TemplateNeeds(templates.text("project.md").text).columns <= .perChart)
    }

    /// The first report (or, without reports, the overview) as one page that works alone
    /// (`SingleFile`), rendered again once the site is written, whose files it embeds.
    /// A layout that does not name `{{{assets}}}` gets a warning: its page has no stylesheet or script.
    public func singleFilePage(_ projects: [Project], _ single: SingleFile, log: DiagnosticLog) -> String {
        let layoutFile = templates.text("layout.html")
        let layout = Layout(source: layoutFile.text)
        if layout.error == nil && !layout.namesAssets { log.append(.warning(.layoutWithoutAssets, at: SourceLocation(file: layoutFile.path))) }
        // The page's other warnings were reported when the site was built.
        var pages = pageSet(SiteMap(projects: projects), layout: layout, log: DiagnosticLog())
        let inlined = layout.namesAssets || layout.error != nil
            ? SingleFile.inlined(css: templates.assets["runsite.css"], script: templates.assets["runsite.js"]) : SingleFile.inlined(css: nil, script: nil)
        pages.single = { SinglePage(policy: single.policy(for: $0), assets: inlined.assets, contentSecurityPolicy: inlined.contentSecurityPolicy) }
        let files = options.pages.first.map { pages.report($0, title: pages.reports[0].title) } ?? pages.overview()
        guard case .text(let html)? = files.first?.content else { return "" }
        return html
    }

    /// A run page and its media, or nothing when the cache supplies them unchanged from the last build.
    private func runPage(_ pages: PageSet, _ map: SiteMap, _ place: RunPlace, fingerprints: PageFingerprint?) -> [OutputFile] {
        let path = map.runPath(place)
        let run = map.run(place)
        let series = store?.seriesFile(of: run)
        let fingerprint = fingerprints?.of(run: run, digestHash: cache?.digestHash(of: run), path: path, color: map.color(place),
                                           surroundings: RunDirectives.surroundings(of: run, map, place.project) + ["series \(series?.count ?? -1)"])
        if let fingerprint, let cache, cache.reuse(path, fingerprint: fingerprint) { return [] }
        // The run page draws the run at full resolution; the site map holds it thinned for overviews.
        let detailed = store?.run(run, at: .page).map { pages.replacingRun(place, with: $0) } ?? pages
        var files = detailed.run(place, seriesFileBytes: series?.count) + mediaFiles(detailed.map, place, log: pages.log)
        if let series {
            let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
            files.append(OutputFile(folder + SeriesCSV.fileName, .bytes(series)))
        }
        if let fingerprint, let cache { cache.record(path, fingerprint: fingerprint, files: files.map(\.path)) }
        return files
    }

    /// A project page and its downloads, or nothing when the cache supplies them unchanged.
    private func projectPage(_ pages: PageSet, _ map: SiteMap, _ p: Int, fingerprints: PageFingerprint?) -> [OutputFile] {
        let path = map.projectPath(p)
        let project = map.projects[p]
        let fingerprint = cache.flatMap { cache in
            fingerprints?.of(project: project, title: map.projectTitle(p), path: path, overviewBuckets: store?.heldBins,
                             runs: map.places(inProject: p).map { place in
                let run = map.run(place)
                return (cache.digestHash(of: run), map.color(place), map.runPath(place) + "\u{2}" + (run.parentID?.path ?? ""))
            })
        }
        if let fingerprint, let cache, cache.reuse(path, fingerprint: fingerprint) { return [] }
        let files = pages.project(p)
        if let fingerprint, let cache { cache.record(path, fingerprint: fingerprint, files: files.map(\.path)) }
        return files
    }

    /// Images and artifacts copied next to the run page.
    /// An artifact a browser would run is noted once, where it is copied under its neutral name.
    private func mediaFiles(_ map: SiteMap, _ place: RunPlace, log: DiagnosticLog) -> [OutputFile] {
        let run = map.projects[place.project].runs[place.run]
        var files: [OutputFile] = []
        for (i, image) in run.images.enumerated() {
            let path = RunMedia.imagePath(map, place, index: i)
            switch image.content {
            case .file(let source): files.append(OutputFile(path, .copy(source)))
            case .bytes(let bytes): files.append(OutputFile(path, .bytes(bytes)))
            }
            if ActiveContent.isActive(path) {
                let file = String(path[path.index(after: path.lastIndex(of: "/")!)...])
                files.append(OutputFile(RunMedia.viewerPath(path), .text(RunMedia.viewerPage(imageFile: file, title: image.name))))
            }
        }
        var seen = Set<String>()
        for (artifact, path) in zip(run.artifacts, RunMedia.artifactPaths(map, place)) where artifact.size <= options.maxArtifactBytes {
            guard seen.insert(path).inserted else { continue }
            if ActiveContent.isActive(artifact.path) {
                log.append(.note(.activeArtifact(servedAs: path.split(separator: "/").last!),
                                 at: SourceLocation(file: DisplayPath.of(artifact.sourceFile))))
            }
            var file = OutputFile(path, .copy(artifact.sourceFile))
            (file.sha256, file.maxBytes) = (artifact.sha256, options.maxArtifactBytes)
            files.append(file)
        }
        return files
    }
}

/// The pages of one site: each page is a template rendered in its scope and wrapped in the layout.
struct PageSet {
    var map: SiteMap
    let templates: TemplateSet
    let options: SiteOptions
    let layout: Layout
    let log: DiagnosticLog
    let renderer = PageRenderer()

    /// The reports' titles and paths, read once per site.
    let reports: [ReportInfo]
    /// The runs at the resolution each page draws (`RunStore`); nil when the map holds them whole.
    /// Pages that draw or tabulate runs held without their columns (large builds) load them for
    /// their scope and drop them when done, or chart by chart (`PageContext.loadMetrics`).
    var store: RunStore? = nil
    /// Whether the project template's directives can load columns chart by chart (`TemplateNeeds`),
    /// decided once for the site rather than by parsing the template again for every project.
    var projectTemplateDrawsChartByChart = false
    /// Whether this page loads its runs' columns chart by chart rather than for the whole page.
    var chartByChart = false
    /// For a page that must work alone (`SingleFile`), what its path needs; nil for the site's pages.
    var single: (@Sendable (String) -> SinglePage)? = nil
    private var reportLinks: [(title: String, href: String)] { reports.map { ($0.title, $0.path) } }

    /// The same pages with one run replaced (by its full-resolution version, for its own page).
    func replacingRun(_ place: RunPlace, with run: Run) -> PageSet {
        // A run page draws only its own run, which is replaced here: no loading for its charts.
        PageSet(map: map.replacingRun(place, with: run), templates: templates, options: options, layout: layout, log: log,
                reports: reports, store: nil)
    }

    /// The same pages with the runs of the given projects holding their overview columns again.
    private func hydrating(_ projects: [Int]) -> PageSet {
        guard let store else { return self }
        var pages = self
        for p in projects {
            var loaded: [RunPlace: Run] = [:]
            for place in map.places(inProject: p) where map.run(place).holdsNoPoints {
                if let held = store.run(map.run(place), at: .overview(metrics: nil)) { loaded[place] = held }
            }
            if !loaded.isEmpty { pages.map = pages.map.replacingRuns(loaded) }
        }
        return pages
    }

    func overview() -> [OutputFile] {
        let pages = TemplateNeeds(templates.text("index.md").text).columns > .none ? hydrating(Array(map.projects.indices)) : self
        return pages.page("index.html", template: "index.md", scope: .site, title: options.title,
                          crumbs: [], pageClass: "rs-page-index")
    }

    /// Projects with more runs than this draw their charts one metric at a time, each chart loading
    /// its metric's columns for every run and dropping them when drawn: memory then follows one
    /// chart, not every metric of every run of the project. Smaller projects load every run's
    /// columns once for the page, which is faster.
    static let chartByChartRuns = 300

    func project(_ p: Int) -> [OutputFile] {
        if store != nil, projectTemplateDrawsChartByChart, map.projects[p].runs.count > Self.chartByChartRuns {
            var pages = self
            pages.chartByChart = true
            return pages.projectPage(p)
        }
        return hydrating([p]).projectPage(p)
    }

    private func projectPage(_ p: Int) -> [OutputFile] {
        let path = map.projectPath(p)
        let name = map.projectTitle(p)
        return page(path, template: "project.md", scope: .project(p), title: name,
                    crumbs: [.init(title: options.title, href: SiteMap.relative("index.html", from: path)), .init(title: name, href: nil)],
                    pageClass: "rs-page-project")
    }

    /// A run's page; `seriesFileBytes` is the size of its `metrics.csv.gz`, when it has one.
    func run(_ place: RunPlace, seriesFileBytes: Int? = nil) -> [OutputFile] {
        let path = map.runPath(place)
        let name = map.run(place).name
        return page(path, source: templates.text("run.md"), scope: .run(place), title: name,
                    crumbs: [.init(title: options.title, href: SiteMap.relative("index.html", from: path)),
                             .init(title: map.projectTitle(place.project), href: SiteMap.relative(map.projectPath(place.project), from: path)),
                             .init(title: name, href: nil)],
                    pageClass: "rs-page-run", seriesFileBytes: seriesFileBytes)
    }

    func report(_ report: UserPage, title: String) -> [OutputFile] {
        let path = "reports/" + report.slug + ".html"
        let pages = TemplateNeeds(report.text).columns > .none ? hydrating(Array(map.projects.indices)) : self
        return pages.page(path, source: (report.file, report.text), scope: .site, title: title,
                    crumbs: [.init(title: options.title, href: SiteMap.relative("index.html", from: path)), .init(title: title, href: nil)],
                    pageClass: "rs-page-report")
    }

    private func page(_ path: String, template: String, scope: PageContext.Scope, title: String,
                      crumbs: [Layout.Crumb], pageClass: String) -> [OutputFile] {
        page(path, source: templates.text(template), scope: scope, title: title, crumbs: crumbs, pageClass: pageClass)
    }

    private func page(_ path: String, source: (path: String, text: String), scope: PageContext.Scope, title: String,
                      crumbs: [Layout.Crumb], pageClass: String, seriesFileBytes: Int? = nil) -> [OutputFile] {
        // A fresh collector per page: its figures, CSV and table exports are written with the page.
        var context = PageContext(map: map, options: options, pagePath: path, scope: scope, log: log, extraFiles: ExtraFiles())
        context.seriesFileBytes = seriesFileBytes
        if let store, let bins = store.heldBins { context.fullResolution = FullResolution(store: store, heldBins: bins) }
        if chartByChart, let store { context.loadMetrics = { store.run($0, at: .overview(metrics: $1)) } }
        let single = self.single?(path)
        context.policy = single?.policy
        let body = renderer.body(template: source, context: context)
        let pageTitle = body.title ?? title
        let links = reportLinks.map { ($0.title, SiteMap.relative($0.href, from: path)) }
        let html = layout.render(title: pageTitle, body: body.html, pagePath: path, crumbs: crumbs,
                                 pageClass: pageClass, options: options, reports: links, single: single)
        return [OutputFile(path, .text(html))] + context.extraFiles.files
    }
}
