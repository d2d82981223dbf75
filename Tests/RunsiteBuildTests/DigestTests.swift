import Foundation
import RunsiteBuild
import RunsiteCore
import RunsiteModel
import Testing

@Suite struct DigestTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    @Test func siteFromDigestsIsIdenticalToADirectBuild() throws {
        let digests = TestSite.temporaryDirectory().appendingPathComponent("digests")
        // As `runsite digest` writes them: each digest with its run's metrics.csv.gz beside it.
        #expect(try DigestRequest(read: ReadRequest(inputs: [basic], format: nil), output: digests).run(log: DiagnosticLog()) == 3)
        let direct = TestSite.pages(of: try TestSite.build([basic]).site)
        #expect(direct.keys.contains("basic/runs/a/metrics.csv.gz"))
        let assembled = TestSite.pages(of: try TestSite.build([]) { $0.digests = [digests] }.site)
        #expect(direct.keys.sorted() == assembled.keys.sorted())
        for (path, data) in direct { #expect(assembled[path] == data, "\(path) differs") }
    }

    /// `runsite digest --no-series-files` writes the digests alone, and a build from them links no series file.
    @Test func digestsWithoutSeriesFilesGiveRunPagesWithoutThem() throws {
        let digests = TestSite.temporaryDirectory().appendingPathComponent("digests")
        var request = DigestRequest(read: ReadRequest(inputs: [basic], format: nil), output: digests)
        request.seriesFiles = false
        #expect(try request.run(log: DiagnosticLog()) == 3)
        let written = try FileManager.default.contentsOfDirectory(atPath: digests.path)
        #expect(written.count == 3 && written.allSatisfy { $0.hasSuffix(".json") }, "\(written)")
        let site = TestSite.pages(of: try TestSite.build([]) { $0.digests = [digests] }.site)
        #expect(!site.keys.contains { $0.hasSuffix("metrics.csv.gz") })
        #expect(site["basic/runs/a/index.html"].map { !String(decoding: $0, as: UTF8.self).contains("metrics.csv.gz") } == true)
    }

    @Test func digestsKeepNonFiniteValuesAndExactSummaries() throws {
        let projects = try Pipeline.readProjects([basic], format: nil, options: .init(), log: DiagnosticLog(), compact: true)
        let run = try #require(projects.first?.runs.first { $0.name == "alpha" })
        let data = try RunDigest(project: projects[0], run: run).encoded()
        let back = DigestStore.read([try writeOne(data)], log: DiagnosticLog())
        let again = try RunDigest(project: try #require(back.first), run: try #require(back.first?.runs.first)).encoded()
        #expect(again == data, "a digest read back encodes to the same bytes (NaN included)")
        let loss = try #require(back.first?.runs.first?.metric("train/loss"))
        #expect(loss.summary.count == 4)
        #expect(loss.values.map(\.bitPattern) == run.metric("train/loss")?.values.map(\.bitPattern), "NaN survives bit for bit")
        #expect(back.first?.runs.first?.metric("val/acc")?.summary.last == .infinity)
    }

    /// Columns of every length (every base64 padding) and every bit pattern come back exactly;
    /// text that is not padded base64 of whole 64-bit words is refused.
    @Test func seriesColumnsRoundTripExactly() throws {
        var rng = SystemRandomNumberGenerator()
        for count in 0..<12 {
            var series = MetricSeries(key: "m")
            series.steps = (0..<count).map { _ in Int64(bitPattern: rng.next()) }
            series.values = (0..<count).map { _ in Double(bitPattern: rng.next()) }
            series.times = series.values.map { $0 * 2 }
            let data = try JSONEncoder().encode(series)
            let back = try JSONDecoder().decode(MetricSeries.self, from: data)
            #expect(back.steps == series.steps)
            #expect(back.values.map(\.bitPattern) == series.values.map(\.bitPattern))
            #expect(back.times.map(\.bitPattern) == series.times.map(\.bitPattern))
        }
        for bad in ["AAAA", "AAAAAAAAAAA", "AAAAAAAAAA=", "AAAAAA*AAAA=", "AAAAAAAAAA=A"] {
            let json = "{\"key\":\"m\",\"steps\":\"\(bad)\",\"values\":\"\(bad)\",\"times\":\"\",\"epochs\":\"\"}"
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(MetricSeries.self, from: Data(json.utf8)) }
        }
    }

    @Test func foreignAndBrokenFilesAreWarnings() throws {
        let folder = TestSite.temporaryDirectory()
        try Data("{\"format\": \"other\"}".utf8).write(to: folder.appendingPathComponent("a.json"))
        try Data("not json".utf8).write(to: folder.appendingPathComponent("b.json"))
        let log = DiagnosticLog()
        #expect(DigestStore.read([folder], log: log).isEmpty)
        #expect(log.sorted.map(\.id) == ["digest.malformed", "digest.malformed"])
        #expect(log.sorted.map { $0.location?.file.hasSuffix(".json") } == [true, true])
    }

    @Test func parallelDigestScriptGivesTheSameSite() throws {
        let work = TestSite.temporaryDirectory()
        let script = TestSite.packageRoot.appendingPathComponent("scripts/digest-parallel.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, basic.path, work.appendingPathComponent("d").path, work.appendingPathComponent("site").path, "2"]
        var env = ProcessInfo.processInfo.environment
        env["RUNSITE"] = CommandLineTests.executable.path
        env["RUNSITE_HOME"] = TestSite.packageRoot.path
        env["SOURCE_DATE_EPOCH"] = "1764400000"
        process.environment = env
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let viaScript = TestSite.pages(of: work.appendingPathComponent("site"))
        let direct = TestSite.pages(of: try TestSite.build([basic]).site)
        #expect(viaScript.keys.sorted() == direct.keys.sorted())
        for (path, data) in direct { #expect(viaScript[path] == data, "\(path) differs") }
    }

    private func writeOne(_ data: Data) throws -> URL {
        let folder = TestSite.temporaryDirectory()
        try data.write(to: folder.appendingPathComponent("one.json"))
        return folder
    }
}
