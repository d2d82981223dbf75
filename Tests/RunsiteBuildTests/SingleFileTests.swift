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
    }

    /// With Chromium installed (CI installs it), the file renders alone, with no other file beside it.
    @Test func singleFileRendersAloneInChromium() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else { return }
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
