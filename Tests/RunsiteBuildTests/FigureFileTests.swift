import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteSite
import Testing

/// Every chart is also a standalone SVG and a CSV beside its page, linked from the caption.
@Suite struct FigureFileTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    @Test func chartsWriteStandaloneSVGAndCSVBesideThePage() throws {
        let (site, _) = try TestSite.build([basic])
        let files = TestSite.contents(of: site)
        let figures = files.keys.filter { $0.hasPrefix("basic/runs/a/figures/") }.sorted()
        #expect(figures.contains { $0.hasSuffix(".svg") } && figures.contains { $0.hasSuffix(".csv") }, "\(figures)")
        let page = TestSite.text(site, "basic/runs/a/index.html")
        for path in figures {
            #expect(page.contains("href=\"" + path.dropFirst("basic/runs/a/".count) + "\""), "\(path) not linked from its page")
        }
        let svgPath = try #require(figures.first { $0.hasSuffix(".svg") })
        let svg = TestSite.text(site, svgPath)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("width=\"3.5in\""))
        #expect(!svg.contains("<script") && !svg.contains("data-points"))
        #expect(page.contains("<details class=\"rs-chart-data\">"), "data table alternative")
        #expect(files.keys.contains { $0.hasPrefix("basic/figures/") }, "project page figures")
    }

    @Test func csvHoldsEveryDrawnPointExactly() throws {
        let (site, _) = try TestSite.build([basic])
        let files = TestSite.contents(of: site)
        let csvPath = try #require(files.keys.filter { $0.hasPrefix("basic/runs/a/figures/") && $0.hasSuffix(".csv") }.sorted().first)
        let lines = TestSite.text(site, csvPath).split(separator: "\n").dropFirst()
        // A run page's chart of one metric: the run and the metric would repeat on every line.
        #expect(TestSite.text(site, csvPath).hasPrefix("# every logged point\nstep,value\n"))
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 2 })
        // A project chart draws several runs, so it names the run on each line.
        let projectPath = try #require(files.keys.filter { $0.hasPrefix("basic/figures/") && $0.hasSuffix(".csv") }.sorted().first)
        let projectLines = TestSite.text(site, projectPath).split(separator: "\n").dropFirst()
        #expect(projectLines.first == "run,step,value")
        #expect(Set(projectLines.dropFirst().map { $0.split(separator: ",")[0] }).count > 1)
    }

    @Test func thinnedSeriesAreCountedInFullAndTheCSVSaysSo() throws {
        let input = TestSite.temporaryDirectory()
        let run = input.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("{\"name\": \"long\"}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        var lines = ""
        for i in 0..<10_000 { lines += "{\"step\": \(i), \"loss\": \(Double(i % 97) / 97)}\n" }
        try Data(lines.utf8).write(to: run.appendingPathComponent("metrics.jsonl"))
        let (site, _) = try TestSite.build([input])
        let page = try #require(TestSite.contents(of: site).first { $0.key.hasSuffix("/index.html") && $0.key.split(separator: "/").count == 3 })
        let html = String(decoding: page.value, as: UTF8.self)
        #expect(html.contains(" of 10,000 points; thinned to "), "caption counts every logged point")
        #expect(html.contains(">CSV (thinned)<"))
        #expect(html.contains("<td class=\"rs-num\">10000</td>"), "data table has the logged count")
    }

    static let rsvgConvert = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert", "/opt/homebrew/bin/rsvg-convert"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: rsvgConvert != nil, "rsvg-convert is not installed (Debian librsvg2-bin)"))
    func standaloneFigureConvertsToPDFWithRsvgConvert() throws {
        let tool = try #require(Self.rsvgConvert)
        let (site, _) = try TestSite.build([basic])
        let files = TestSite.contents(of: site)
        let figures = files.keys.filter { $0.contains("figures/") && $0.hasSuffix(".svg") }.sorted()
        #expect(!figures.isEmpty)
        for path in figures.prefix(3) {
            let pdf = TestSite.temporaryDirectory().appendingPathComponent("figure.pdf")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-f", "pdf", "-o", pdf.path, site.appendingPathComponent(path).path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "rsvg-convert failed on \(path): \(stderr)")
            #expect(stderr.isEmpty, "rsvg-convert warned on \(path): \(stderr)")
            let bytes = try Data(contentsOf: pdf)
            #expect(bytes.starts(with: Data("%PDF".utf8)), "\(path) did not become a PDF")
            #expect(bytes.count > 1000)
        }
    }

    @Test func confusionMatricesGetAFigureFileAndTheirLargestConfusions() throws {
        let (site, _) = try TestSite.build([basic])
        let page = TestSite.text(site, "basic/runs/a/index.html")
        #expect(page.contains("href=\"figures/cm-val.svg\""))
        #expect(TestSite.text(site, "basic/runs/a/figures/cm-val.svg").contains("width=\"3.5in\""))
        #expect(page.contains("Largest confusions:"))
    }

    @Test func groupedChartDrawsMeanAndBandAndSaysSoInTheCaption() throws {
        let report = """
        ```{chart}
        :metrics: train/loss
        :group-by: param.batch_size
        :x: relative-time
        ```
        """
        let (site, log) = try TestSite.build([basic]) { request in
            request.siteOptions.pages.append(UserPage(file: "groups.md", slug: "groups", text: report))
        }
        #expect(log.sorted.filter { $0.id.hasPrefix("directive.") }.isEmpty, "\(log.sorted.map(\.message))")
        let html = TestSite.text(site, "reports/groups.html")
        #expect(html.contains("runs grouped by batch_size; each line is the group&#39;s mean") || html.contains("runs grouped by batch_size; each line is the group's mean"), "\(html)")
        #expect(html.contains(" (n=2)\""), "n in the legend")
        #expect(html.contains("data-x-format=\"duration\""))
        #expect(TestSite.contents(of: site).keys.contains("reports/figures/groups-chart-train-loss.svg"))
    }

    @Test func compareWithDrawsTheDifferenceOfTwoRunsMatrices() throws {
        let input = TestSite.temporaryDirectory()
        for (name, matrix) in [("one", "[[8, 2], [1, 9]]"), ("two", "[[9, 1], [4, 6]]")] {
            let run = input.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: run.appendingPathComponent("confusion"), withIntermediateDirectories: true)
            try Data("{\"name\": \"\(name)\"}".utf8).write(to: run.appendingPathComponent("runsite.json"))
            try Data("{\"labels\": [\"cat\", \"dog\"], \"matrix\": \(matrix), \"step\": 5}".utf8)
                .write(to: run.appendingPathComponent("confusion/val.json"))
        }
        let templates = TestSite.temporaryDirectory()
        try Data("```{confusion-matrices}\n:compare-with: one\n```\n\n```{confusion-matrices}\n:compare-with: onne\n```\n".utf8)
            .write(to: templates.appendingPathComponent("run.md"))
        let (site, log) = try TestSite.build([input]) { $0.templateOverride = templates }
        let page = try #require(TestSite.contents(of: site).first { $0.key.hasSuffix("two/index.html") })
        let html = String(decoding: page.value, as: UTF8.self)
        #expect(html.contains("val: two \u{2212} one"), "difference titled this run − other")
        #expect(html.contains("largest change +30 points (dog \u{2192} cat)"), "dog as cat 10% → 40% (ties with recall −30: first in row order)")
        #expect(html.contains("rs-heatmap-difference"))
        let own = try #require(TestSite.contents(of: site).first { $0.key.hasSuffix("one/index.html") })
        #expect(String(decoding: own.value, as: UTF8.self).contains("This is the run the others are compared with."))
        let warning = log.sorted.first { $0.id == "directive.confusion.unknown-run" }
        #expect(warning?.message == "no run named 'onne' to compare with; did you mean 'one'?")
    }
}
