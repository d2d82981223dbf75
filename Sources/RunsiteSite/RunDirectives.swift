import Foundation
import RunsiteCore
import RunsiteMarkup
import RunsiteModel
import RunsiteTemplates

/// What the run page directives draw: `{run-meta}`, `{notes}`, `{params}`, `{metric-summary}`,
/// `{images}`, `{texts}` (their types are in `Directives/`).
enum RunDirectives {
    /// What a run page shows of other pages: its project's title and its parent run's name and
    /// path, so that the page is drawn again when they change.
    static func surroundings(of run: Run, _ map: SiteMap, _ p: Int) -> [String] {
        let parent = run.parentID.flatMap { map.place(ofRun: $0) }
        return [map.projectTitle(p), run.parentID?.path ?? "", parent.map { map.runPath($0) + "\u{1}" + map.run($0).name } ?? ""]
    }

    static func meta(_ run: Run, _ context: PageContext) -> Node {
        let map = context.map
        let project: Node = context.projectIndex.map { p in
            .el("a", [attr("href", context.link(map.projectPath(p)))], text: map.projectTitle(p))
        } ?? .text(run.project)
        var rows: [(String, Node)] = [
            ("Status", .el("span", [cls("rs-status rs-status-\(run.status.rawValue)")], text: run.status.rawValue)),
            ("Project", project),
            ("Source", .text(run.source)),
            ("Run id", .el("code", [], text: run.id.path)),
        ]
        if let user = run.user { rows.append(("User", .text(user))) }
        if let host = run.host { rows.append(("Host", .text(host))) }
        if run.start != nil { rows.append(("Start", .el("time", [attr("datetime", Formatting.isoTime(run.start))], text: Formatting.dateTime(run.start)))) }
        if run.end != nil { rows.append(("End", .text(Formatting.dateTime(run.end)))) }
        if run.duration != nil { rows.append(("Duration", .text(Formatting.duration(run.duration)))) }
        if let group = run.group { rows.append(("Group", .text(group))) }
        if let parent = run.parentID {
            // The parent's page when it is part of the site, else its id as the logger gave it.
            let node: Node = map.place(ofRun: parent).map { place in
                .el("a", [attr("href", context.link(map.runPath(place)))], text: map.run(place).name)
            } ?? .el("code", [], text: parent.path)
            rows.append(("Parent run", node))
        }
        if !run.tags.isEmpty {
            rows.append(("Tags", .fragment(run.tags.map { .el("span", [cls("rs-tag")], text: $0) })))
        }
        rows.append(("Disk usage", .text(Formatting.bytes(run.diskBytes))))
        for key in run.labels.keys.sorted() where !key.hasPrefix("mlflow.") || key == "mlflow.source.name" {
            rows.append((key, .text(run.labels[key]!)))
        }
        return keyValueTable(rows, cssClass: "rs-meta")
    }

    static func keyValueTable(_ rows: [(String, Node)], cssClass: String) -> Node {
        .el("table", [cls("rs-kv " + cssClass)], [
            .el("tbody", [], rows.map { .el("tr", [], [.el("th", [attr("scope", "row")], text: $0.0), .el("td", [], [$0.1])]) }),
        ])
    }

    /// The run's notes, untrusted Markdown whose images load only from the run's own files.
    static func notes(_ context: PageContext) -> Node {
        guard case .run(let place) = context.scope else { return .empty }
        guard let notes = context.map.projects[place.project].runs[place.run].notes, !notes.isEmpty else { return .el("p", [cls("rs-muted")], text: "No notes.") }
        var images = NoteImages(context: context, place: place)
        let directory = context.map.projects[place.project].runs[place.run].directory
        let html = Markdown.renderUntrusted(notes, images: { images.decide($0) }, policy: context.policy) { url, reason, line, column in
            // Notes come from a different file for each tracker: the run folder names the run, and the
            // line and column are those of the image within the notes.
            context.log.append(.warning(.notesImageNotShown(url, reason),
                                        at: SourceLocation(file: DisplayPath.of(directory), line: line, column: column)))
        }
        return .el("div", [cls("rs-notes")], [.raw(html)])
    }

    static func params(_ run: Run) -> Node {
        guard !run.params.isEmpty else { return .el("p", [cls("rs-muted")], text: "No parameters were logged.") }
        return keyValueTable(run.params.sorted.map { ($0.key, .el("code", [], text: $0.value.text)) }, cssClass: "rs-params")
    }

    static func metricSummary(_ run: Run, _ context: PageContext) -> Node {
        guard !run.metrics.isEmpty else { return .el("p", [cls("rs-muted")], text: "No metrics were logged.") }
        let header = ["Metric", "Points", "First", "Last", "Min", "Max", "Last step", "Non-finite"]
        let rows: [Node] = run.metrics.sorted(by: { $0.key < $1.key }).map { series in
            let s = series.summary
            func num(_ v: Double?) -> Node { .el("td", [cls("rs-num")], text: Formatting.exact(v)) }
            return .el("tr", [], [
                .el("th", [attr("scope", "row")], [.el("a", [attr("href", "#" + ChartDirectives.anchor(series.key.name))], text: series.key.name)]),
                .el("td", [cls("rs-num")], text: String(s.count)),
                num(s.first), num(s.last), num(s.min), num(s.max),
                .el("td", [cls("rs-num")], text: s.lastStep.map(String.init) ?? ""),
                .el("td", [cls("rs-num")], text: s.nonFinite == 0 ? "" : String(s.nonFinite)),
            ])
        }
        let table: Node = .el("div", [cls("rs-table-wrap")], [.el("table", [cls("rs-summary")], [
            // Every column but the first holds numbers, right-aligned: so are their headers.
            .el("thead", [], [.el("tr", [], header.enumerated().map { i, title in
                .el("th", i == 0 ? [attr("scope", "col")] : [attr("scope", "col"), cls("rs-num")], text: title)
            })]),
            .el("tbody", [], rows),
        ])])
        guard let bytes = context.seriesFileBytes else { return table }
        let points = run.metrics.reduce(0) { $0 + $1.summary.count }
        return .fragment([table, .el("p", [cls(LinkGroup.downloads + " rs-series-file")], [
            .text("Every logged point (\(NumberText.grouped(points)) points): "),
            .el("a", [attr("href", SeriesCSV.fileName), attr("download", "")], text: SeriesCSV.fileName),
            .text(" (\(Formatting.bytes(Int64(bytes))), gzip-compressed CSV of metric, step and value, exact as logged)"),
        ])])
    }

    static func images(_ context: PageContext) -> Node {
        guard case .run(let place) = context.scope else { return .empty }
        let run = context.map.run(place)
        guard !run.images.isEmpty else { return .el("p", [cls("rs-muted")], text: "No images were logged.") }
        return .el("div", [cls("rs-gallery")], run.images.indices.map { i in
            let image = run.images[i]
            let caption = image.name + (image.step.map { " · step \($0)" } ?? "")
            return RunMedia.figure(RunMedia.imagePath(context.map, place, index: i), caption: caption, from: context)
        })
    }

    static func texts(_ run: Run) -> Node {
        guard !run.texts.isEmpty else { return .el("p", [cls("rs-muted")], text: "No texts were logged.") }
        return .fragment(run.texts.map { text in
            .el("details", [cls("rs-text")], [
                .el("summary", [], text: text.name + (text.step.map { " · step \($0)" } ?? "")),
                .el("pre", [], text: text.text),
            ])
        })
    }
}
