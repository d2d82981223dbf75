import Crypto
import Foundation
@testable import RunsiteBuild
import RunsiteCore
import Testing

/// `runsite bundle`: a zip of a site whose bytes depend on the site and the flags alone.
@Suite struct BundleTests {
    static let unzip = ["/usr/bin/unzip", "/bin/unzip", "/usr/local/bin/unzip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func tool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func site() throws -> URL {
        let site = TestSite.temporaryDirectory().appendingPathComponent("site")
        let built = try CommandLineTests.run(["build", try ReportFixture.make().path, "--out", site.path, "-q"], environment: ["SOURCE_DATE_EPOCH": "1764400000"])
        #expect(built.status == 0, "\(built.stderr)")
        return site
    }

    @Test func twoBundlesOfTheSameSiteAreByteIdentical() throws {
        let site = try Self.site()
        let folder = TestSite.temporaryDirectory()
        let args = ["--title", "Sweep results", "--author", "Curie, Marie", "--author", "ACME Lab", "--doi", "10.5281/zenodo.123"]
        let a = try CommandLineTests.run(["bundle", site.path, "--out", folder.appendingPathComponent("a.zip").path] + args, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        let b = try CommandLineTests.run(["bundle", site.path, "--out", folder.appendingPathComponent("b.zip").path] + args, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let bytesA = try Data(contentsOf: folder.appendingPathComponent("a.zip"))
        let bytesB = try Data(contentsOf: folder.appendingPathComponent("b.zip"))
        #expect(bytesA == bytesB)
        let hex = SHA256.hash(data: bytesA).map { String(format: "%02x", $0) }.joined()
        #expect(a.stdout == "\(hex)  \(folder.appendingPathComponent("a.zip").path)\n")
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.zip", "b.zip"])
        // Without SOURCE_DATE_EPOCH the time is 1980-01-01: still the same bytes every time.
        let c = try CommandLineTests.run(["bundle", site.path, "--out", folder.appendingPathComponent("c.zip").path] + args)
        let d = try CommandLineTests.run(["bundle", site.path, "--out", folder.appendingPathComponent("d.zip").path] + args)
        #expect(c.status == 0 && c.stdout.prefix(64) == d.stdout.prefix(64))
    }

    @Test(.enabled(if: unzip != nil)) func unzipAcceptsItAndListsTheSiteSorted() throws {
        let site = try Self.site()
        let zip = TestSite.temporaryDirectory().appendingPathComponent("results.zip")
        let made = try CommandLineTests.run(["bundle", site.path, "--out", zip.path, "--author", "Ada Lovelace"])
        #expect(made.status == 0, "\(made.stderr)")
        let test = try Self.tool(Self.unzip!, ["-t", zip.path])
        #expect(test.status == 0, "\(test.output)")
        #expect(test.output.contains("No errors detected"))
        let names = try Self.tool(Self.unzip!, ["-Z1", zip.path]).output.split(separator: "\n").map(String.init)
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(names.contains("README.txt") && names.contains("CITATION.cff"))
        #expect(names.contains("site/index.html") && names.contains("site/manifest.json") && names.contains("site/runs.json"))
        #expect(!names.contains { $0.contains(".runsite") })
        let expected = TestSite.contents(of: site).keys.filter { !$0.hasPrefix(".runsite") }.map { "site/" + $0 }
        #expect(Set(names) == Set(expected + ["README.txt", "CITATION.cff"]))
        let readme = try Self.tool(Self.unzip!, ["-p", zip.path, "README.txt"]).output
        #expect(readme.contains("open site/index.html in a web browser"))
    }

    @Test func citationAndReadmeComeFromTheFlags() {
        var request = BundleRequest(site: URL(fileURLWithPath: "/s"), output: URL(fileURLWithPath: "/o.zip"))
        request.title = "A \"quoted\" title"
        request.authors = ["Curie, Marie", "ACME Lab"]
        request.doi = "10.5281/zenodo.123"
        #expect(request.citationText() == """
        cff-version: 1.2.0
        message: "If you use these results, please cite them as below."
        type: dataset
        title: "A \\"quoted\\" title"
        authors:
          - family-names: "Curie"
            given-names: "Marie"
          - name: "ACME Lab"
        doi: "10.5281/zenodo.123"

        """)
        #expect(request.readmeText().hasPrefix("A \"quoted\" title\n================\n\nAuthors: Curie, Marie; ACME Lab\nDOI: https://doi.org/10.5281/zenodo.123\n"))
    }

    @Test func dosTimesAreUTCAndClamped() {
        // 2023-11-14 22:13:20 UTC.
        let november = ZipWriter.dosTime(1_700_000_000)
        let time: UInt16 = 22 << 11 | 13 << 5 | 10, date: UInt16 = 43 << 9 | 11 << 5 | 14
        #expect(november.time == time && november.date == date)
        let first: UInt16 = 1 << 5 | 1   // 1980-01-01
        #expect(ZipWriter.dosTime(0).time == 0 && ZipWriter.dosTime(0).date == first)
        #expect(ZipWriter.dosTime(.nan).date == first)
        let last: UInt16 = 127 << 9 | 12 << 5 | 31   // 2107-12-31
        #expect(ZipWriter.dosTime(1e12).date == last)
    }

    @Test func badInputIsAClearError() throws {
        let noAuthor = try CommandLineTests.run(["bundle", "/nonexistent"])
        #expect(noAuthor.status == 64 && noAuthor.stderr.contains("give at least one --author"))
        let folder = TestSite.temporaryDirectory()
        let notASite = try CommandLineTests.run(["bundle", folder.path, "--author", "A", "--out", folder.appendingPathComponent("x.zip").path])
        #expect(notASite.status == 1 && notASite.stderr.contains("has no index.html"), "\(notASite.stderr)")
        let badDOI = try CommandLineTests.run(["bundle", folder.path, "--author", "A", "--doi", "https://doi.org/10.1/x"])
        #expect(badDOI.status == 64)
    }

    /// More than 65,535 entries need the ZIP64 end records; unzip reads them.
    @Test(.enabled(if: unzip != nil)) func manyEntriesUseZIP64() throws {
        let url = TestSite.temporaryDirectory().appendingPathComponent("many.zip")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var zip = ZipWriter(handle: handle, epoch: 315_532_800)
        for i in 0..<66_000 { try zip.add(String(format: "f%05d", i), Data(i % 7 == 0 ? "x".utf8 : "".utf8)) }
        _ = try zip.finish()
        try handle.close()
        let test = try Self.tool(Self.unzip!, ["-tq", url.path])
        #expect(test.status == 0, "\(test.output.suffix(500))")
    }
}
