import Foundation
import Testing
@testable import RunsiteBuild
@testable import RunsiteSite

/// What a chart's CSV holds (`--chart-data`), and each run's `metrics.csv.gz` (`--series-files`).
@Suite struct ChartDataTests {
    /// One run of `points` steps: `loss` is a sawtooth with a spike of 9.5 at step 1,234 (when logged).
    static func project(points: Int) throws -> URL {
        let root = TestSite.temporaryDirectory().appendingPathComponent("p")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let rows = (0..<points).map { step -> String in "\(step),\(loss(step))" }
        try TestSite.writeRun(in: root, 0, header: "step,loss", rows: rows)
        return root
    }

    static func loss(_ step: Int) -> Double {
        if step == 1234 { return 9.5 }
        return Double(step % 97) / 97 + Double(step) / 1e6
    }

    /// The logged points of the one-run project, by step.
    static func logged(points count: Int) -> [Int64: Double] {
        var points: [Int64: Double] = [:]
        for step in 0..<count { points[Int64(step)] = loss(step) }
        return points
    }

    /// The rows of a run page's one-metric CSV after its `#` line and header.
    static func rows(_ text: String) -> [(step: Int64, value: Double)] {
        text.split(separator: "\n").dropFirst(2).map { line in
            let cells = line.split(separator: ",")
            return (Int64(cells[0])!, Double(cells[1])!)
        }
    }

    @Test func aLongSeriesGivesEachBinsFirstLastMinAndMaxAndSaysSo() throws {
        let (site, _) = try TestSite.build([try Self.project(points: 10_000)])
        let text = TestSite.text(site, "p/run-000/figures/chart-loss.csv")
        #expect(text.hasPrefix("# thinned: "), "\(text.prefix(200))")
        #expect(text.split(separator: "\n")[1] == "step,value")
        let rows = Self.rows(text)
        let logged = Self.logged(points: 10_000)
        #expect(rows.count <= ChartData.pointLimit && rows.count > ChartData.pointLimit / 2, "\(rows.count) rows")
        #expect(rows.allSatisfy { logged[$0.step] == $0.value }, "every row is a logged point, exactly")
        #expect(rows.contains { $0.step == 1234 && $0.value == 9.5 }, "the spike")
        #expect(rows.first?.step == 0 && rows.last?.step == 9_999)
        #expect(TestSite.text(site, "p/run-000/index.html").contains(">CSV (thinned)<"))
    }

    @Test func aSeriesUpToTheLimitKeepsEveryPoint() throws {
        let (site, _) = try TestSite.build([try Self.project(points: ChartData.pointLimit)])
        let text = TestSite.text(site, "p/run-000/figures/chart-loss.csv")
        #expect(text.hasPrefix("# every logged point\nstep,value\n"))
        #expect(Self.rows(text).count == ChartData.pointLimit)
    }

    @Test func chartDataFullKeepsEveryLoggedPoint() throws {
        let (site, _) = try TestSite.build([try Self.project(points: 10_000)]) { $0.siteOptions.chartData = .full }
        let text = TestSite.text(site, "p/run-000/figures/chart-loss.csv")
        #expect(text.hasPrefix("# every logged point\nstep,value\n"))
        let rows = Self.rows(text)
        #expect(rows.count == 10_000)
        #expect(rows.allSatisfy { Self.logged(points: 10_000)[$0.step] == $0.value })
    }

    static let gzip = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: gzip != nil, "gzip is not installed"))
    func eachRunPageLinksEveryLoggedPointCompressed() throws {
        let (site, _) = try TestSite.build([try Self.project(points: 10_000)])
        let page = TestSite.text(site, "p/run-000/index.html")
        #expect(page.contains("<a href=\"metrics.csv.gz\" download=\"\">metrics.csv.gz</a>"))
        #expect(page.contains("Every logged point (10,000 points)"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.gzip))
        process.arguments = ["-dc", site.appendingPathComponent("p/run-000/metrics.csv.gz").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "metric,step,value")
        let logged = Self.logged(points: 10_000)
        let points = lines.dropFirst().map { line -> (String, Int64, Double) in
            let cells = line.split(separator: ",")
            return (String(cells[0]), Int64(cells[1])!, Double(cells[2])!)
        }
        #expect(points.count == 10_000)
        #expect(points.allSatisfy { $0.0 == "loss" && logged[$0.1] == $0.2 })
    }

    @Test func seriesFilesNoneWritesAndLinksNone() throws {
        let (site, _) = try TestSite.build([try Self.project(points: 100)]) { $0.siteOptions.seriesFiles = .none }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("p/run-000/metrics.csv.gz").path))
        #expect(!TestSite.text(site, "p/run-000/index.html").contains("metrics.csv.gz"))
    }

    @Test func autoWritesSeriesFilesForSmallBuildsOnly() {
        #expect(SeriesFiles.auto.writes(units: SeriesFiles.autoUnits))
        #expect(!SeriesFiles.auto.writes(units: SeriesFiles.autoUnits + 1))
        #expect(SeriesFiles.all.writes(units: 1_000_000) && !SeriesFiles.none.writes(units: 1))
    }

    @Test func gzipOutputIsTheSameForTheSameBytes() throws {
        let text = Array(String(repeating: "loss,1,0.5\n", count: 1_000).utf8)
        let once = try #require(Gzip.compress(text)), twice = try #require(Gzip.compress(text))
        #expect(once == twice)
        #expect(once.prefix(2) == [0x1f, 0x8b], "a gzip member")
        #expect(once.count < text.count / 10)
    }
}

/// The site-size budget, scaled down: docs/performance.md measures the full corpora.
@Suite struct SiteBudgetTests {
    /// Per chart of a long noisy series on a run page (inline SVG, standalone SVG and CSV), in
    /// bytes. M's budget of 150 MB for 200 runs of 8 metrics of 10,000 steps allows 94 KB; such a
    /// chart takes about 64 KB, and a CSV of every drawn point (2,048 rows) would push it past 80 KB.
    static let perChart = 72_000

    @Test func aRunPageOfLongNoisySeriesStaysWithinTheBudgetPerChart() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("p")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var state: UInt64 = 42
        func noise() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let rows = (0..<10_000).map { step -> String in
            "\(step)," + (0..<4).map { m in "\(1 / Double(step + 1 + m) + noise() / 10)" }.joined(separator: ",")
        }
        try TestSite.writeRun(in: root, 0, header: "step,a,b,c,d", rows: rows)
        let (site, _) = try TestSite.build([root]) { $0.siteOptions.seriesFiles = .none }
        let folder = site.appendingPathComponent("p/run-000")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])!.compactMap { $0 as? URL }
        let bytes = try files.reduce(0) { $0 + (try $1.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) }
        #expect(files.filter { $0.pathExtension == "csv" }.count == 4)
        #expect(bytes <= 4 * Self.perChart, "\(bytes) bytes for 4 charts")
    }
}
