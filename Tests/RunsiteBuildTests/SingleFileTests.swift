import Crypto
import Foundation
import Testing

@Suite struct SingleFileTests {
    func build() throws -> URL {
        let work = TestSite.temporaryDirectory()
        let result = try CommandLineTests.run(["build", TestSite.packageRoot.appendingPathComponent("examples").path,
                                               "--report", TestSite.packageRoot.appendingPathComponent("examples/report.md").path,
                                               "--out", work.appendingPathComponent("site").path,
                                               "--single-file", work.appendingPathComponent("alone/report.html").path, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        return work.appendingPathComponent("alone/report.html")
    }

    @Test func singleFileHasNoExternalReferences() throws {
        let html = try String(contentsOf: try build(), encoding: .utf8)
        #expect(html.contains("<style>") && html.contains("<svg"))
        for link in LinkScanner.links(in: html) {
            #expect(link.hasPrefix("#") || link.hasPrefix("data:"), "external reference \(link)")
        }
        #expect(!html.contains("<link ") && !html.contains("<script src="))
        #expect(html.contains("src=\"data:image/png;base64,"), "images are embedded")
        #expect(!html.contains("class=\"rs-downloads\"") && !html.contains("class=\"rs-table-exports\"") && !html.contains("Download: "),
                "offers of files the page cannot carry are left out")
    }

    /// With Chromium installed (CI installs it), the file renders alone, with no other file beside it.
    @Test(.enabled(if: ChartScriptTests.chromium != nil, "Chromium is not installed"))
    func singleFileRendersAloneInChromium() throws {
        let chromium = try #require(ChartScriptTests.chromium)
        let file = try build()
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["report.html"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", file.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(dom.contains("rs-js"), "the inline script ran")
        #expect(dom.contains("CIFAR sweep"))
    }
}

@Suite struct ManifestTests {
    @Test func manifestListsEverySourceFileWithItsSHA256() throws {
        let (site, _) = try TestSite.build([TestSite.fixtures.appendingPathComponent("runsite/basic")])
        let data = try #require(FileManager.default.contents(atPath: site.appendingPathComponent("manifest.json").path))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(manifest["format"] as? String == "runsite-manifest")
        let sources = try #require(manifest["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["path"] as? String } == ["runs/a", "runs/b", "runs/c"])
        let files = sources.flatMap { ($0["files"] as? [[String: Any]]) ?? [] }
        let notes = try #require(files.first { ($0["path"] as? String)?.hasSuffix("notes file #1.txt") == true })
        #expect(notes["sha256"] as? String == "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")
        #expect((manifest["settings"] as? [String: String])?["summaries"]?.contains("never decimated") == true)
    }

    /// Hashes taken while the readers read (TensorBoard, MLflow, CSV) equal a separate hash of each file.
    @Test func hashesTakenWhileReadingMatchTheFiles() throws {
        let inputs = ["tensorboard/runs", "mlflow/filestore/mlruns", "runsite/basic"].map { TestSite.fixtures.appendingPathComponent($0) }
        let present = inputs.filter { FileManager.default.fileExists(atPath: $0.path) }
        #expect(present.count == inputs.count, "fixtures moved: \(inputs.map(\.path))")
        let (site, _) = try TestSite.build(present)
        let data = try #require(FileManager.default.contents(atPath: site.appendingPathComponent("manifest.json").path))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var checked = 0
        for source in (manifest["sources"] as? [[String: Any]]) ?? [] {
            for file in (source["files"] as? [[String: Any]]) ?? [] {
                let path = try #require(file["path"] as? String)
                let url = present.lazy.compactMap { input -> URL? in
                    let candidates = [URL(fileURLWithPath: path), input.appendingPathComponent(path), input.deletingLastPathComponent().appendingPathComponent(path)]
                    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
                }.first
                let found = try #require(url, "\(path) not found")
                let want = SHA256.hash(data: try Data(contentsOf: found)).map { String(format: "%02x", $0) }.joined()
                #expect(file["sha256"] as? String == want, "\(path)")
                checked += 1
            }
        }
        #expect(checked >= 6)
    }
}

@Suite struct ExportChartTests {
    /// The exported figure of the basic fixture, written with `runsite export chart`.
    static func exportFigure() throws -> (svg: URL, result: CommandLineTests.Result) {
        let out = TestSite.temporaryDirectory().appendingPathComponent("loss.svg")
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let result = try CommandLineTests.run(["export", "chart", basic.path, "--metrics", "train/loss,val/acc",
                                               "--option", "smoothing=0.5", "--out", out.path, "-q"])
        return (out, result)
    }

    @Test func exportChartWritesTheStandaloneFigure() throws {
        let (out, result) = try Self.exportFigure()
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: out, encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("width=\"3.5in\""))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "run names are escaped in the legend")
    }

    @Test(.enabled(if: FigureFileTests.rsvgConvert != nil, "rsvg-convert is not installed (Debian librsvg2-bin)"))
    func exportedFigureConvertsToPDF() throws {
        let (out, _) = try Self.exportFigure()
        let pdf = out.deletingPathExtension().appendingPathExtension("pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(FigureFileTests.rsvgConvert))
        process.arguments = ["-f", "pdf", "-o", pdf.path, out.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.contents(atPath: pdf.path)?.starts(with: Array("%PDF".utf8)) == true)
    }

    @Test func sweepFiguresExportAtPageWidth() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        for (figure, options) in [("parallel-coordinates", ["--option", "metric=val/acc:max"]), ("scatter", ["--option", "x=param:optimizer.lr"])] {
            let out = TestSite.temporaryDirectory().appendingPathComponent(figure + ".svg")
            let result = try CommandLineTests.run(["export", "chart", basic.path, "--figure", figure] + options + ["--out", out.path, "-q"])
            #expect(result.status == 0, "\(figure): \(result.stderr)")
            let svg = try String(contentsOf: out, encoding: .utf8)
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && svg.contains("width=\"7in\""), "\(figure)")
            #expect(!svg.contains("<script") && svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(figure): names escaped")
        }
        let missing = try CommandLineTests.run(["export", "chart", basic.path])
        #expect(missing.status != 0 && missing.stderr.contains("--metrics is required for a chart"))
    }

    @Test func unknownMetricFailsWithAMessage() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let result = try CommandLineTests.run(["export", "chart", basic.path, "--metrics", "val/acx"])
        #expect(result.stderr.contains("did you mean 'val/acc'?"), "\(result.stderr)")
    }
}
