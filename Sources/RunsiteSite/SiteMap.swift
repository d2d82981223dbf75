import RunsiteModel

/// Where every page lives and which colour each run gets. Built once per site, so that every
/// page, chart and table agrees on links and colours.
///
///     index.html
///     <project>/index.html                (the project's folder below the INPUT, see `PagePaths`)
///     <project>/<run>/index.html          (+ <run>/media/…, <run>/files/…)
struct SiteMap {
    private(set) var projects: [Project]
    private(set) var projectSlugs: [String] = []
    private var runSlugs: [[String]] = []
    private var colors: [[Int]] = []
    /// One run replaced by `replacingRun` (the full-resolution run of the page being drawn), kept
    /// aside so that replacing it does not copy the project's other runs.
    private var replaced: (place: RunPlace, run: Run)?

    init(projects: [Project]) {
        self.projects = projects
        // Exact clashes are left only to identities that differ yet spell alike (or a folder that is
        // both a run and another format's project); numbering them in sorted order keeps even those
        // stable while the clash lasts.
        var used = Set<String>()
        var next: [String: Int] = [:]
        for project in projects {
            projectSlugs.append(Self.unique(PagePaths.projectSlug(project), in: &used, next: &next))
        }
        for (p, project) in projects.enumerated() {
            runSlugs.append(project.runs.map { run in
                let folder = Self.unique(projectSlugs[p] + "/" + PagePaths.runSlug(run, projectPath: project.path), in: &used, next: &next)
                return String(folder.dropFirst(projectSlugs[p].count + 1))
            })
            colors.append(ColorOrder.indices(of: project.runs))
        }
        projectTitles = ProjectTitles.titles(of: projects)
        for (p, project) in projects.enumerated() {
            for (r, run) in project.runs.enumerated() where places[run.id] == nil { places[run.id] = RunPlace(project: p, run: r) }
        }
    }

    /// What each project is called on pages: its name, or where names repeat, the shortest end of
    /// its folder path that tells it apart.
    private(set) var projectTitles: [String] = []
    func projectTitle(_ p: Int) -> String { projectTitles[p] }

    /// Where each run is in `projects` (the first, for an id two inputs share).
    private var places: [RunID: RunPlace] = [:]
    func place(ofRun id: RunID) -> RunPlace? { places[id] }

    /// The place of every run of project `p`, in order.
    func places(inProject p: Int) -> [RunPlace] { projects[p].runs.indices.map { RunPlace(project: p, run: $0) } }

    /// `slug`, or `slug-2`, `slug-3`, … when taken; `next` remembers where each slug's count got
    /// to, so that many runs of one name do not try every number again.
    private static func unique(_ slug: String, in used: inout Set<String>, next: inout [String: Int]) -> String {
        var candidate = slug
        var n = next[slug] ?? 2
        while !used.insert(candidate).inserted { candidate = "\(slug)-\(n)"; n += 1 }
        if candidate != slug { next[slug] = n }
        return candidate
    }

    /// The same map with one run replaced; paths and colours stay as they are.
    func replacingRun(_ place: RunPlace, with run: Run) -> SiteMap {
        var copy = self
        copy.replaced = (place, run)
        return copy
    }

    /// The run at `place`, as replaced by `replacingRun` when it was.
    func run(_ place: RunPlace) -> Run {
        if let replaced, replaced.place == place { return replaced.run }
        return projects[place.project].runs[place.run]
    }

    /// The same map with the runs at some places replaced; paths and colours stay.
    func replacingRuns(_ runs: [RunPlace: Run]) -> SiteMap {
        var copy = self
        for (place, run) in runs { copy.projects[place.project].runs[place.run] = run }
        return copy
    }

    func projectPath(_ p: Int) -> String { projectSlugs[p] + "/index.html" }
    func runDirectory(_ place: RunPlace) -> String { projectSlugs[place.project] + "/" + runSlugs[place.project][place.run] }
    func runPath(_ place: RunPlace) -> String { runDirectory(place) + "/index.html" }

    /// The colour index of a run, the same in every chart and table of the site.
    func color(_ place: RunPlace) -> Int { colors[place.project][place.run] }

    /// `url` (relative to the site root) as seen from a page at `pagePath`.
    static func relative(_ url: String, from pagePath: String) -> String {
        let depth = pagePath.split(separator: "/").count - 1
        return String(repeating: "../", count: max(0, depth)) + url
    }
}
