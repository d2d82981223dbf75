import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteTestSupport
import Testing

@Suite struct SiteOutputTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    @Test func buildWritesOverviewProjectAndRunPages() throws {
        let (site, _) = try TestSite.build([basic])
        let files = TestSite.contents(of: site)
        for path in ["index.html", "runs.json", "assets/runsite.css", "assets/runsite.js", "basic/index.html",
                     "basic/runs/a/index.html", "basic/runs/b/index.html", "basic/runs/c/index.html", ".runsite-site"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        let run = TestSite.text(site, "basic/runs/a/index.html")
        #expect(run.contains("<svg"), "run page has charts")
        #expect(run.contains("notes file #1.txt"), "artifact listed")
        #expect(run.contains("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"), "artifact SHA-256 shown")
    }

    @Test func runDataIsEscapedEverywhere() throws {
        let (site, _) = try TestSite.build([basic])
        for (path, data) in TestSite.contents(of: site) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script>alert(1)"), "unescaped run name in \(path)")
            #expect(!html.contains("x&y<") && !html.contains(">x&y"), "unescaped tag in \(path)")
        }
        #expect(TestSite.text(site, "basic/index.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func everyLinkIsRelativeAndResolves() throws {
        let (site, _) = try TestSite.build([basic])
        for (path, data) in TestSite.contents(of: site) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for link in LinkScanner.links(in: html) {
                #expect(!link.hasPrefix("/") && !link.contains("://") && !link.hasPrefix("//"), "non-relative link \(link) in \(path)")
                if link.hasPrefix("#") || link.hasPrefix("data:") || link.hasPrefix("mailto:") { continue }
                let file = link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link
                let decoded = file.removingPercentEncoding ?? file
                let target = site.appendingPathComponent(path).deletingLastPathComponent().appendingPathComponent(decoded).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "broken link \(link) in \(path)")
            }
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = TestSite.contents(of: try TestSite.build([basic]).site)
        let second = TestSite.contents(of: try TestSite.build([basic]).site)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between builds") }
    }

    @Test func badLineIsAWarningWithLineNumber() throws {
        let lines = MarkedText("{\"step\": 1, \"loss\": 1}\n1️⃣{\"step\": 2, \"loss\": \n{\"step\": 3, \"loss\": 0.5}\n")
        let site = try TreeSite(["r/runsite.json": "{}", "r/metrics.jsonl": lines.text])
        let warning = try #require(site.log.sorted.first { $0.id == "reader.runsite.malformed-json-line" })
        #expect(warning.location?.line == lines["1️⃣"].line)
        #expect(warning.location?.file.hasSuffix("r/metrics.jsonl") == true)
        #expect(site["runs.json"]?.contains("\"count\": 2") == true)
    }

    @Test func metricSummaryHeadersAlignWithTheirNumbers() throws {
        let (site, _) = try TestSite.build([basic])
        let run = TestSite.text(site, "basic/runs/a/index.html")
        for title in ["Points", "First", "Last", "Min", "Max", "Last step", "Non-finite"] {
            #expect(run.contains("<th scope=\"col\" class=\"rs-num\">\(title)</th>"), "header \(title) is not right-aligned")
        }
        #expect(run.contains("<th scope=\"col\">Metric</th>"))
    }

    @Test func aRunWithOnlyAStartHasNoDuration() throws {
        // Nothing is known after the start: not "0s", which reads as a run that ended at once.
        let site = try TreeSite(["p/r/runsite.json": #"{"status": "failed", "start": 1700000000}"#,
                                 "p/r/metrics.jsonl": "{\"step\": 1, \"loss\": 1}\n"])
        let run = try #require(site["p/r/index.html"])
        #expect(!run.contains(">Duration<"), "run page shows a duration")
        #expect(site["p/index.html"]?.contains(">0s<") == false, "project table shows 0s")

        let ended = try TreeSite(["p/r/runsite.json": #"{"start": 1700000000, "end": 1700000090}"#])
        #expect(ended["p/r/index.html"]?.contains("1m 30s") == true)
    }

    @Test func runPageTextsHaveAHeading() throws {
        let (site, _) = try TestSite.build([basic])
        #expect(TestSite.text(site, "basic/runs/a/index.html").contains(">Texts</h2>"))
    }

    @Test func statsWithoutTimesOmitLastActivityAndCountOneRun() throws {
        let site = try TreeSite(["p/r/runsite.json": "{}"])
        for page in ["index.html", "p/index.html"] {
            let text = try #require(site[page])
            #expect(!text.contains("<strong></strong>"), "empty stat in \(page)")
            #expect(!text.contains("last activity"), "last activity without a time in \(page)")
        }
        #expect(site["index.html"]?.contains("<strong>1</strong> run</span>") == true)
    }

    @Test func aSiteBuiltInsideItsInputIsNotReadBack() throws {
        // `runsite build . --out site`: the second build must not read the first one's copied
        // artifacts (here a metrics.csv, which the Keras reader would claim) as runs.
        let input = TestSite.temporaryDirectory()
        try FileTree.write(["p/r/runsite.json": "{}", "p/r/artifacts/metrics.csv": "epoch,loss\n0,1\n1,0.5\n"], under: input)
        let site = input.appendingPathComponent("site")
        var runCounts: [Int] = []
        for _ in 0..<3 {
            let log = DiagnosticLog()
            let report = try Pipeline.build(TestSite.request(inputs: [input], output: site), log: log)
            runCounts.append(report.runCount)
        }
        #expect(runCounts == [1, 1, 1])
    }

    @Test func projectAndArtifactTableHeadersAlignWithTheirNumbers() throws {
        let (site, _) = try TestSite.build([basic])
        let index = TestSite.text(site, "index.html")
        for title in ["Runs", "Running", "Finished", "Failed", "Killed", "Disk"] {
            #expect(index.contains("<th scope=\"col\" class=\"rs-num\">\(title)</th>"), "overview header \(title)")
        }
        #expect(index.contains("<th scope=\"col\">Project</th>"))
        #expect(TestSite.text(site, "basic/runs/a/index.html").contains("<th scope=\"col\" class=\"rs-num\">Size</th>"))
    }

    @Test func aLongRunNameKeepsItsFullTextInATooltip() throws {
        let long = String(repeating: "n", count: 120)
        let site = try TreeSite(["p/r/runsite.json": "{\"name\": \"\(long)\"}"])
        #expect(site["p/index.html"]?.contains("title=\"\(long)\">\(long)</a>") == true)
    }
}

/// Finds href and src attribute values in HTML.
enum LinkScanner {
    static func links(in html: String) -> [String] {
        var result: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                result.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return result
    }
}

@Suite struct ActiveContentTests {
    @Test func scriptableArtifactsAreServedUnderANeutralName() throws {
        let input = TestSite.temporaryDirectory()
        let run = input.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("artifacts"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8)
        try svg.write(to: run.appendingPathComponent("artifacts/plot.svg"))
        for name in ["report.html", "page.shtml", "archive.mhtml", "doc.xht"] {
            try Data("<script>alert(1)</script>".utf8).write(to: run.appendingPathComponent("artifacts/" + name))
        }
        try Data("a,b\n".utf8).write(to: run.appendingPathComponent("artifacts/table.csv"))
        let (site, log) = try TestSite.build([input])
        let files = TestSite.contents(of: site)
        let path = try #require(files.keys.first { $0.hasSuffix("/r/index.html") })
        let page = TestSite.text(site, path)
        let folder = String(path.dropLast("index.html".count))
        #expect(files[folder + "files/plot.svg.txt"] == svg, "served under a neutral name, bytes unchanged")
        let notes = log.sorted.filter { $0.id == "site.active-artifact" }
        #expect(notes.count == 5 && notes.allSatisfy { $0.severity == .note }, "one note per active artifact, never a warning")
        #expect(notes.contains { $0.location?.file.hasSuffix("artifacts/page.shtml") == true && $0.message.contains("'page.shtml.txt'") })
        for name in ["plot.svg", "report.html", "page.shtml", "archive.mhtml", "doc.xht"] {
            #expect(files[folder + "files/" + name] == nil, "\(name) is not in the site under its own name")
            #expect(page.contains("/files/\(name).txt\" download>\(name)</a>"), "linked to the neutral name, listed under its own")
        }
        #expect(!page.contains("<img src=\"files/plot.svg"), "no thumbnail of a neutral file")
        #expect(files[folder + "files/table.csv"] != nil && !page.contains("table.csv\" download"), "plain data files open normally")
    }

    @Test func svgImagesAreShownOnlyThroughImg() throws {
        let input = TestSite.temporaryDirectory()
        let run = input.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: run.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8)
            .write(to: run.appendingPathComponent("images/plot.svg"))
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: run.appendingPathComponent("images/photo.png"))
        let (site, _) = try TestSite.build([input])
        let path = try #require(TestSite.contents(of: site).keys.first { $0.hasSuffix("/r/index.html") })
        let tags = HTMLTag.scan(TestSite.text(site, path))
        let svgImages = tags.filter { $0.name == "img" && $0.attribute("src")?.hasSuffix("plot.svg") == true }
        #expect(svgImages.count == 1)
        #expect(!tags.contains { ($0.attribute("href") ?? $0.attribute("data") ?? "").hasSuffix(".svg") }, "nothing links to the SVG itself")
        #expect(!tags.contains { ["object", "embed", "iframe"].contains($0.name) })
        #expect(tags.contains { $0.name == "a" && $0.attribute("href")?.hasSuffix("photo.png") == true }, "other images open at full size")
        // The SVG opens at full size in a viewer page of runsite's, which shows it through <img> too.
        let viewerLink = try #require(tags.first { $0.name == "a" && $0.attribute("href")?.hasSuffix("plot.svg.html") == true }?.attribute("href"))
        let viewerPath = String(path.dropLast("index.html".count)) + "media/" + viewerLink.split(separator: "/").last!
        let viewer = HTMLTag.scan(TestSite.text(site, viewerPath))
        #expect(viewer.contains { $0.name == "meta" && $0.attribute("http-equiv") == "Content-Security-Policy" })
        let viewerImages = viewer.filter { $0.name == "img" }.compactMap { $0.attribute("src") }
        #expect(viewerImages.count == 1 && viewerImages.allSatisfy { $0.hasSuffix("-plot.svg") && !$0.contains("/") }, "\(viewerImages)")
        #expect(!viewer.contains { ["script", "object", "embed", "iframe"].contains($0.name) })
    }
}
