import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// Chart and confusion-matrix directives on pages built in memory.
@Suite struct ChartDirectiveTests {
    static func site(run template: String = "", project: String = "", runs: [Run]) -> (files: [String: String], log: DiagnosticLog) {
        let files: [String: (path: String, text: String)] = [
            "index.md": ("index.md", ""), "project.md": ("project.md", project), "run.md": ("run.md", template),
            "layout.html": ("layout.html", "{{{content}}}"),
        ]
        let log = DiagnosticLog()
        let output = SiteBuilder(templates: TemplateSet(files: files, assets: [:]), options: SiteOptions())
            .build([Project(name: "p", runs: runs)], log: log)
        var texts: [String: String] = [:]
        for file in output {
            switch file.content {
            case .text(let t): texts[file.path] = t
            case .bytes(let b): texts[file.path] = String(decoding: b, as: UTF8.self)   // chart CSVs
            case .copy: break
            }
        }
        return (texts, log)
    }

    static func run(_ name: String) -> Run {
        var run = Run(id: RunID(name), source: "runsite", project: "p", name: name, directory: name)
        run.metrics = [MetricSeries(key: "loss", steps: [0, 1, 2, 3, 4, 5], values: [5, 4, 3, 2, 1, 0],
                                    times: [100, 160, 220, 280, 340, 400])]
        return run
    }

    @Test func matrixLoggedAtSeveralStepsBecomesSmallMultiplesOnOneScale() throws {
        var run = Self.run("r")
        run.confusionMatrices = [ConfusionMatrix(name: "val", labels: ["a", "b"], counts: [[9, 1], [2, 8]], step: 20),
                                 ConfusionMatrix(name: "val", labels: ["a", "b"], counts: [[3, 2], [2, 3]], step: 10)]
        let (files, _) = Self.site(run: "```{confusion-matrices}\n:normalize: none\n```\n", runs: [run])
        let page = try #require(files["p/r/index.html"])
        #expect(page.contains("class=\"rs-multiples\""))
        #expect(page.contains("val at 2 steps (one colour scale)"))
        let step10 = try #require(page.range(of: "id=\"cm-val-step-10\"")), step20 = try #require(page.range(of: "id=\"cm-val-step-20\""))
        #expect(step10.lowerBound < step20.lowerBound, "ordered by step")
        #expect(page.contains("colour scale shared with the other matrices shown with it"))
        #expect(files["p/r/figures/cm-val-step-10.svg"] != nil && files["p/r/figures/cm-val-step-20.svg"] != nil)
    }

    @Test func badSmoothingAndYesNoValuesAreWarnedAbout() {
        let template = "```{chart}\n:metrics: loss\n:smoothing: 2\n:log-y: maybe\n```\n"
        let log = Self.site(run: template, runs: [Self.run("r")]).log
        let ids = log.sorted.map(\.id)
        #expect(ids.contains("directive.chart.bad-smoothing"), "\(ids)")
        #expect(ids.contains("template.bad-option-value"), "\(ids)")
        let good = Self.site(run: "```{chart}\n:metrics: loss\n:smoothing: 0.6\n:log-y: true\n```\n", runs: [Self.run("r")]).log
        #expect(good.count == 0, "\(good.sorted.map(\.formatted))")
    }

    @Test func everyYesWordTurnsOnALogYAxisAsItDoesForLogX() throws {
        func page(_ value: String) throws -> String {
            let template = "```{chart}\n:metrics: loss\n:log-y: \(value)\n```\n"
            return try #require(Self.site(run: template, runs: [Self.run("r")]).files["p/r/index.html"])
        }
        let linear = try page("off")
        #expect(try page("true") != linear)
        #expect(try page("on") == page("true"))
        #expect(try page("yes") == page("true"))
    }

    @Test func unknownOptionValuesAreWarnedAbout() {
        let template = """
        ```{chart}
        :metrics: loss
        :x: wallclock
        :smoothing-kind: gaussian
        :figure-width: poster
        ```

        ```{chart}
        :metrics: loss
        :group-by: colour
        ```

        ```{confusion-matrices}
        :normalize: diagonal
        ```
        """
        var run = Self.run("r")
        run.confusionMatrices = [ConfusionMatrix(name: "val", labels: ["a"], counts: [[1]])]
        let ids = Set(Self.site(run: template, runs: [run]).log.sorted.map(\.id))
        #expect(ids.isSuperset(of: ["template.bad-option-value", "report.unknown-param"]), "\(ids)")
    }

    @Test func windowSmoothingAndTimeAxesReachTheChart() throws {
        let template = """
        ```{chart}
        :metrics: loss
        :smoothing-kind: window
        :smoothing: 3
        :x: relative-time
        :figure-width: page
        ```
        """
        let (files, log) = Self.site(run: template, runs: [Self.run("r")])
        #expect(log.sorted.isEmpty, "\(log.sorted.map(\.message))")
        let page = try #require(files["p/r/index.html"])
        #expect(page.contains("centred running average over 3 points"))
        #expect(page.contains("data-x-format=\"duration\""))
        #expect(page.contains(">5 min<"), "duration tick labels")
        #expect(files["p/r/figures/chart-loss.svg"]?.contains("width=\"7in\"") == true)
        #expect(files["p/r/figures/chart-loss.csv"]?.hasPrefix("# every logged point\nstep,relative_time_s,value\n0,0,5\n") == true)
    }

    /// A CSV leaves out a column that would repeat one text on every line, and keeps it otherwise;
    /// names with quotes or commas are quoted.
    @Test func csvColumnsAreTheOnesThatVary() throws {
        var run = Self.run("r")
        run.metrics.append(MetricSeries(key: "acc \"top\"", steps: [0, 1], values: [0.25, 0.5]))
        let (files, _) = Self.site(run: "```{chart}\n:metrics: loss, acc \"top\"\n```\n```{charts}\n```\n", runs: [run])
        let csvs = files.filter { $0.key.hasSuffix(".csv") }
        let both = try #require(csvs.first { $0.value.hasPrefix("# every logged point\nmetric,") }?.value, "\(csvs.keys.sorted())")
        #expect(both.hasPrefix("# every logged point\nmetric,step,value\nloss,0,5\n"))
        #expect(both.hasSuffix("\n\"acc \"\"top\"\"\",1,0.5\n"))
        #expect(files["p/r/figures/chart-loss.csv"]?.hasPrefix("# every logged point\nstep,value\n0,5\n1,4\n") == true)
        #expect(csvs.values.filter { $0.hasPrefix("# every logged point\nstep,value\n0,0.25\n1,0.5") }.count == 1, "acc's own chart")
    }
}

/// Standalone heatmaps print at a column's width unless they have too many classes for it.
@Suite struct HeatmapPrintWidthTests {
    @Test func manyClassesPrintAtPageWidthUnlessAsked() throws {
        var run = ChartDirectiveTests.run("r")
        let many = (0..<24).map { "class-\($0)" }
        run.confusionMatrices = [ConfusionMatrix(name: "small", labels: ["a", "b"], counts: [[1, 0], [0, 1]]),
                                 ConfusionMatrix(name: "big", labels: many, counts: many.map { _ in many.map { _ in 1 } })]
        let files = ChartDirectiveTests.site(run: "```{confusion-matrices}\n```\n", runs: [run]).files
        #expect(files["p/r/figures/cm-small.svg"]?.contains("width=\"3.5in\"") == true)
        #expect(files["p/r/figures/cm-big.svg"]?.contains("width=\"7in\"") == true)
        let asked = ChartDirectiveTests.site(run: "```{confusion-matrices}\n:figure-width: column\n```\n", runs: [run]).files
        #expect(asked["p/r/figures/cm-big.svg"]?.contains("width=\"3.5in\"") == true)
    }
}

extension ChartDirectiveTests {
    /// Past `lineLimit` runs, parallel coordinates draw the best ones by the colour column and say so.
    @Test func parallelCoordinatesOfManyRunsDrawTheBest() throws {
        let count = ParallelCoordinatesDirective.lineLimit + 3
        let runs = (0..<count).map { i -> Run in
            var run = Run(id: RunID("r\(i)"), source: "runsite", project: "p", name: "r\(i)", directory: "r\(i)")
            run.params["lr"] = .double(Double(i) / 1000)
            run.params["depth"] = .int(Int64(i % 7))
            run.metrics = [MetricSeries(key: "loss", steps: [0], values: [Double(i)])]
            return run
        }
        let (files, _) = Self.site(project: "```{parallel-coordinates}\n:params: lr, depth\n:metric: loss:min\n```\n", runs: runs)
        let page = try #require(files["p/index.html"])
        #expect(page.contains("the best \(ParallelCoordinatesDirective.lineLimit) of \(count) runs by loss"))
        #expect(page.components(separatedBy: "class=\"rs-pc-line\"").count - 1 == ParallelCoordinatesDirective.lineLimit)
        #expect(page.contains("<title>r0 — "), "the lowest loss is drawn")
        #expect(!page.contains("<title>r\(count - 1) — "), "the highest is not")
    }

    /// Run pages of a project past `runPageDownloadRuns` runs keep their charts and data tables but
    /// write no standalone SVG or CSV; the project page keeps its downloads.
    @Test func runPagesOfAVeryLargeProjectLinkNoDownloads() throws {
        let runs = (0...ChartFigure.runPageDownloadRuns).map { Self.run(String(format: "r%05d", $0)) }
        let (files, _) = Self.site(run: "```{charts}\n```\n", project: "```{charts}\n```\n", runs: runs)
        let page = try #require(files["p/r00000/index.html"])
        #expect(page.contains("<figure class=\"rs-figure rs-chart\""))
        #expect(page.contains("<details class=\"rs-chart-data\">"))
        #expect(!page.contains("download SVG"))
        #expect(!files.keys.contains { $0.hasPrefix("p/r00000/figures/") })
        #expect(files["p/index.html"]?.contains("download SVG") == true)
        #expect(files.keys.contains("p/figures/chart-loss.csv"))
        let few = Self.site(run: "```{charts}\n```\n", runs: Array(runs.prefix(3))).files
        #expect(few["p/r00000/index.html"]?.contains("download SVG") == true)
    }
}
