import RunsiteCore
import RunsiteMarkup
import RunsiteModel

/// Turns projects into the files of a static site, without touching disk:
///
///     index.html, runs.json, assets/…, <project>/index.html, <project>/<run>/index.html (+ media, files),
///     reports/<name>.html
public struct SiteBuilder {
    public var templates: TemplateSet
    public var options: SiteOptions

    public init(templates: TemplateSet, options: SiteOptions) {
        self.templates = templates
        self.options = options
    }

    public func build(_ projects: [Project], log: DiagnosticLog) -> [OutputFile] {
        let map = SiteMap(projects: projects)
        let layout = Layout(source: templates.text("layout.html").text)
        if let error = layout.error {
            log.append(Diagnostic(.error, id: "template.bad-layout", error, at: SourceLocation(file: templates.text("layout.html").path)))
        }
        let pages = PageSet(map: map, templates: templates, options: options, layout: layout, log: log)
        var files: [OutputFile] = []
        files.append(pages.overview())
        for p in projects.indices {
            files.append(pages.project(p))
            for r in projects[p].runs.indices {
                files.append(pages.run(p, r))
                files += mediaFiles(map, p, r)
            }
        }
        for page in options.pages { files.append(pages.report(page)) }
        files += pages.extraFiles.files
        for (path, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile("assets/" + path, .bytes(bytes)))
        }
        files.append(OutputFile("runs.json", .text(RunSummaryJSON.encode(projects.flatMap(\.runs)))))
        return files
    }

    /// Images and artifacts copied next to the run page.
    private func mediaFiles(_ map: SiteMap, _ p: Int, _ r: Int) -> [OutputFile] {
        let run = map.projects[p].runs[r]
        var files: [OutputFile] = []
        for (i, image) in run.images.enumerated() {
            let path = RunMedia.imagePath(map, p, r, index: i)
            switch image.content {
            case .file(let source): files.append(OutputFile(path, .copy(source)))
            case .bytes(let bytes): files.append(OutputFile(path, .bytes(bytes)))
            }
        }
        var seen = Set<String>()
        for artifact in run.artifacts where artifact.size <= options.maxArtifactBytes {
            let path = RunMedia.artifactPath(map, p, r, artifact)
            if seen.insert(path).inserted { files.append(OutputFile(path, .copy(artifact.sourceFile))) }
        }
        return files
    }
}

/// The pages of one site: each page is a template rendered in its scope and wrapped in the layout.
struct PageSet {
    let map: SiteMap
    let templates: TemplateSet
    let options: SiteOptions
    let layout: Layout
    let log: DiagnosticLog
    let renderer = PageRenderer()
    /// Figures and data files that directives add while the pages render.
    let extraFiles = ExtraFiles()

    private var reportLinks: [(title: String, href: String)] {
        options.pages.map { ($0.slug, "reports/" + $0.slug + ".html") }
    }

    func overview() -> OutputFile {
        page("index.html", template: "index.md", scope: .site, title: options.title,
             crumbs: [], pageClass: "rs-page-index")
    }

    func project(_ p: Int) -> OutputFile {
        let path = map.projectPath(p)
        let name = map.projects[p].name
        return page(path, template: "project.md", scope: .project(p), title: name,
                    crumbs: [.init(title: options.title, href: SiteMap.relative("index.html", from: path)), .init(title: name, href: nil)],
                    pageClass: "rs-page-project")
    }

    func run(_ p: Int, _ r: Int) -> OutputFile {
        let path = map.runPath(p, r)
        let project = map.projects[p]
        return page(path, template: "run.md", scope: .run(p, r), title: project.runs[r].name,
                    crumbs: [.init(title: options.title, href: SiteMap.relative("index.html", from: path)),
                             .init(title: project.name, href: SiteMap.relative(map.projectPath(p), from: path)),
                             .init(title: project.runs[r].name, href: nil)],
                    pageClass: "rs-page-run")
    }

    func report(_ report: UserPage) -> OutputFile {
        let path = "reports/" + report.slug + ".html"
        return page(path, source: (report.file, report.text), scope: .site, title: report.slug,
                    crumbs: [.init(title: options.title, href: SiteMap.relative("index.html", from: path)), .init(title: report.slug, href: nil)],
                    pageClass: "rs-page-report")
    }

    private func page(_ path: String, template: String, scope: PageContext.Scope, title: String,
                      crumbs: [Layout.Crumb], pageClass: String) -> OutputFile {
        page(path, source: templates.text(template), scope: scope, title: title, crumbs: crumbs, pageClass: pageClass)
    }

    private func page(_ path: String, source: (path: String, text: String), scope: PageContext.Scope, title: String,
                      crumbs: [Layout.Crumb], pageClass: String) -> OutputFile {
        let context = PageContext(map: map, options: options, pagePath: path, scope: scope, log: log, extraFiles: extraFiles)
        let body = renderer.body(template: source, context: context)
        let pageTitle = body.title ?? title
        let links = reportLinks.map { ($0.title, SiteMap.relative($0.href, from: path)) }
        let html = layout.render(title: pageTitle, body: body.html, pagePath: path, crumbs: crumbs,
                                 pageClass: pageClass, options: options, reports: links)
        return OutputFile(path, .text(html))
    }
}
