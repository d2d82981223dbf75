import Foundation
import RunsiteCharts
import RunsiteCore
import RunsiteMarkup
import RunsiteModel

/// A chart's `<figure>`: the SVG, a caption with "download SVG / CSV" links, and a data table
/// alternative in `<details>`. The standalone SVG and the CSV are added to the page's extra files
/// under `<page-dir>/figures/`.
struct ChartFigure {
    /// One drawn series and the metric it came from (exact summary, every kept point).
    struct Source {
        var run: Run
        var metric: String
        var data: MetricSeries
    }

    var anchor: String
    var title: String
    var series: [ChartSeries]
    var sources: [Source]
    var options: LineChartOptions
    var x: ChartsBridge.XAxis
    var width: FigureWidth
    /// Whether the CSV holds every point the chart was given (`--chart-data full`), not `csvPointLimit`.
    var fullData = false
    /// Whether the standalone SVG and the CSV are written beside the page and linked.
    var downloads = true

    /// Run pages of projects with more runs than this link no per-chart downloads, which would be
    /// most of a large sweep's site: their charts, read-outs and data tables stay, and `runsite
    /// export chart` draws any of them.
    static let runPageDownloadRuns = 2_000

    /// Whether the page's charts get their downloads.
    static func downloads(on context: PageContext) -> Bool {
        guard case .run(let place) = context.scope else { return true }
        return context.map.projects[place.project].runs.count <= runPageDownloadRuns
    }

    /// The drawing work of a figure, which touches nothing of the page: the chart on the page, the
    /// standalone print figure and the CSV. The figures of `{charts}` are drawn in parallel and then
    /// attached to the page in order (`node(_:_:)`), so that file names stay deterministic.
    struct Rendered {
        var svg: Node
        var caption: String
        /// The standalone figure and the CSV; nil without downloads.
        var printed: String?
        var csv: [UInt8]?
        /// Rows kept and points logged of the series the CSV thins (nil: it holds every point).
        var csvThinned: (rows: Int, logged: Int, series: Int)?
    }

    func render() -> Rendered {
        let chart = LineChart(series: series, options: options)
        guard downloads else { return Rendered(svg: chart.svg(), caption: chart.caption, printed: nil, csv: nil, csvThinned: nil) }
        var printOptions = options
        printOptions.width = width.pixels
        printOptions.height = width.lineChartHeight
        printOptions.readout = false
        // A figure for a paper shows every legend label whole, widening when one needs it.
        printOptions.legendLabelMax = nil
        let printed = StandaloneFigure.make(LineChart(series: series, options: printOptions).svg(), width: width)
        let kept = sources.map { Self.csvPoints($0.data, full: fullData) }
        return Rendered(svg: chart.svg(), caption: chart.caption, printed: Serializer.xml(printed) + "\n", csv: csv(kept),
                        csvThinned: csvThinning(kept))
    }

    func node(_ context: PageContext) -> Node { node(render(), context) }

    func node(_ rendered: Rendered, _ context: PageContext) -> Node {
        var caption: [Node] = [.el("strong", [], text: title)]
        if !rendered.caption.isEmpty { caption.append(.text(" — " + rendered.caption)) }
        if let printed = rendered.printed, let csv = rendered.csv {
            caption.append(downloadLinks(printed, csv, thinned: rendered.csvThinned, context))
        }
        // The data table goes inside the caption: a figure's caption must be its first or last child (HTML).
        caption.append(dataTable())
        return .el("figure", [cls("rs-figure rs-chart"), attr("id", anchor)], [
            rendered.svg,
            .el("figcaption", [], caption),
        ])
    }

    /// " · download SVG · CSV", the two files added beside the page.
    private func downloadLinks(_ printed: String, _ csv: [UInt8], thinned: (rows: Int, logged: Int, series: Int)?, _ context: PageContext) -> Node {
        let svgLink = ChartFigure.addFile(anchor + ".svg", .text(printed), context)
        let csvLink = ChartFigure.addFile(anchor + ".csv", .bytes(csv), context)
        let columns = csvColumns
        var csvTitle = "The points the chart was drawn from: " + (columns.run ? "run, " : "") + (columns.metric ? "metric, " : "") + "step and value"
        var csvText = "CSV"
        if let thinned {
            csvTitle += "; \(thinned.rows) of \(thinned.logged) points of the series longer than \(Self.csvPointLimit): each of \(Self.csvBins) step bins' first, last, min and max"
            csvText = "CSV (thinned)"
        }
        return .el("span", [cls(LinkGroup.downloads)], [
            .text(" · "),
            .el("a", [attr("href", svgLink), attr("download", ""), attr("title", "Standalone SVG, \(NumberText.fixed(width.inches)) in wide, for papers (converts cleanly to PDF)")], text: "download SVG"),
            .text(" · "),
            .el("a", [attr("href", csvLink), attr("download", ""), attr("title", csvTitle)], text: csvText),
        ])
    }

    /// Adds a file to `figures/` beside the page and returns its link from the page.
    static func addFile(_ name: String, _ content: OutputFile.Content, _ context: PageContext) -> String {
        let directory = context.pageDirectory
        let file = String(context.pagePath.dropFirst(directory.count))
        let prefix = file == "index.html" ? "" : String(file.prefix { $0 != "." }) + "-"
        let path = context.extraFiles.add(OutputFile(directory + "figures/" + prefix + name, content))
        return String(path.dropFirst(directory.count))
    }

    static let csvPointLimit = ChartData.pointLimit
    static let csvBins = csvPointLimit / 4

    /// The points of one drawn series that its CSV holds: every point up to `csvPointLimit` (or all
    /// of them with `full`), else each of `csvBins` bins' first, last, min and max.
    static func csvPoints(_ data: MetricSeries, full: Bool) -> MetricSeries {
        full ? data : data.compacted(buckets: csvBins)
    }

    /// `run,metric,step,value` (plus the chart's x when it is not the step), after one `#` line
    /// saying which points it holds, values written exactly. A column that would hold the same text
    /// on every line is left out, as TensorBoard's download of one series is `Step,Value`: a run
    /// page's chart of one metric is `step,value`, a project's chart of one metric
    /// `run,step,value`, so that run pages' CSVs, the bulk of a site, do not repeat names on every
    /// line. Built as bytes: a project chart's CSV holds every drawn run's points.
    /// `kept` is each source's points as `csvPoints` keeps them.
    func csv(_ kept: [MetricSeries]) -> [UInt8] {
        let xColumn: String? = switch x {
        case .step: nil
        case .epoch: "epoch"
        case .time: "relative_time_s"
        case .wallTime: "wall_time_unix_s"
        }
        let columns = csvColumns
        var out = ByteText(capacity: 256 + zip(sources, kept).reduce(0) { $0 + $1.1.count * (48 + $1.0.run.name.utf8.count + $1.0.metric.utf8.count) })
        out.append(csvNote(kept))
        var header = columns.run ? "run," : ""
        if columns.metric { header += "metric," }
        header += "step," + (xColumn.map { $0 + "," } ?? "") + "value\n"
        out.append(header)
        for (source, data) in zip(sources, kept) {
            var names = columns.run ? CSVText.text(source.run.name) + "," : ""
            if columns.metric { names += CSVText.text(source.metric) + "," }
            let prefix = Array(names.utf8)
            let drawn = ChartsBridge.points(data, x: x)
            // Runs without epochs are drawn by step; their epoch cell stays empty rather than repeat the step.
            let noEpochs = x == .epoch && data.epochs.count != data.count
            let steps = data.steps, values = data.values, xs = drawn.xs
            for i in 0..<min(data.count, xs.count) {
                out.append(prefix)
                out.append(steps[i])
                out.append(ascii: UInt8(ascii: ","))
                if xColumn != nil {
                    if !noEpochs { out.appendExact(xs[i]) }
                    out.append(ascii: UInt8(ascii: ","))
                }
                out.appendExact(values[i])
                out.append(ascii: UInt8(ascii: "\n"))
            }
        }
        return out.bytes
    }

    /// Rows kept and points logged of the series whose CSV rows are fewer than their logged points.
    func csvThinning(_ kept: [MetricSeries]) -> (rows: Int, logged: Int, series: Int)? {
        let thinned = zip(sources, kept).filter { $0.1.count < $0.0.data.summary.count }
        guard !thinned.isEmpty else { return nil }
        return (thinned.reduce(0) { $0 + $1.1.count }, thinned.reduce(0) { $0 + $1.0.data.summary.count }, thinned.count)
    }

    /// The CSV's first line: whether it holds every logged point, and if not which ones.
    func csvNote(_ kept: [MetricSeries]) -> String {
        guard let thinned = csvThinning(kept) else { return "# every logged point\n" }
        return "# thinned: \(thinned.rows) of \(thinned.logged) logged points of \(thinned.series == 1 ? "the series" : "\(thinned.series) series") "
            + "longer than \(Self.csvPointLimit) points: each of \(Self.csvBins) step bins' first, last, min and max, exact values at their steps\n"
    }

    /// Whether the CSV has a run column (the chart draws more than one run) and a metric column
    /// (more than one metric).
    var csvColumns: (run: Bool, metric: Bool) {
        guard let first = sources.first else { return (false, false) }
        return (sources.contains { $0.run.id != first.run.id },
                sources.contains { $0.metric != first.metric })
    }

    /// Per series: points logged, first, last, min, max, from the exact summary of every logged point.
    func dataTable() -> Node {
        let header = ["Run", "Metric", "Points", "First", "Last", "Min", "Max"]
        let rows: [Node] = sources.map { source in
            let s = source.data.summary
            func num(_ v: Double?) -> Node { .el("td", [cls("rs-num")], text: Formatting.exact(v)) }
            return .el("tr", [], [
                .el("th", [attr("scope", "row")], text: source.run.name),
                .el("td", [], text: source.metric),
                .el("td", [cls("rs-num")], text: String(s.count)),
                num(s.first), num(s.last), num(s.min), num(s.max),
            ])
        }
        return .el("details", [cls("rs-chart-data")], [
            .el("summary", [], text: "Data table"),
            .el("div", [cls("rs-table-wrap")], [.el("table", [cls("rs-summary")], [
                .el("thead", [], [.el("tr", [], header.map { .el("th", [attr("scope", "col")], text: $0) })]),
                .el("tbody", [], rows),
            ])]),
        ])
    }
}

/// CSV quoting (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
enum CSVText {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A text field from run data, defused (`spreadsheetSafe`) and quoted.
    static func text(_ text: String) -> String { field(spreadsheetSafe(text)) }

    /// Text from run data that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`, or a
    /// leading tab or carriage return) gets a leading `'`, as OWASP advises for CSV exports: a run
    /// named `=HYPERLINK(…)` must not become a live link when the file is opened. Numbers (`-0.5`)
    /// are left alone, so every number stays exact.
    static func spreadsheetSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil else { return text }
        return "'" + text
    }
}
