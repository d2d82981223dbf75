import Foundation
import RunsiteBuild
import RunsiteCore
import Testing
@testable import RunsiteSite

/// Every file of the incremental site `out` is the same bytes as in the clean build `clean`.
func expectSameFiles(_ out: URL, asCleanBuild clean: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let incremental = TestSite.contents(of: out), fresh = TestSite.contents(of: clean)
    #expect(incremental.keys.sorted() == fresh.keys.sorted(), sourceLocation: sourceLocation)
    for (path, data) in fresh { #expect(incremental[path] == data, "\(path) differs from a clean build", sourceLocation: sourceLocation) }
}

@Suite struct IncrementalBuildTests {
    func copyOfBasic() throws -> URL {
        let input = TestSite.temporaryDirectory().appendingPathComponent("basic")
        try FileManager.default.copyItem(at: TestSite.fixtures.appendingPathComponent("runsite/basic"), to: input)
        return input
    }

    func build(_ input: URL, into out: URL, incremental: Bool = true) throws -> (report: BuildReport, log: DiagnosticLog) {
        var request = TestSite.request(inputs: [input], output: out)
        request.incremental = incremental
        let log = DiagnosticLog()
        return (try Pipeline.build(request, log: log), log)
    }

    @Test func addingARunReusesTheOthersAndWritesWhatACleanBuildWrites() throws {
        let input = try copyOfBasic()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        _ = try build(input, into: out)
        let run = input.appendingPathComponent("runs/d")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("{\"name\": \"delta\", \"status\": \"finished\"}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        try Data("{\"step\": 0, \"train/loss\": 3}\n".utf8).write(to: run.appendingPathComponent("metrics.jsonl"))
        let (report, _) = try build(input, into: out)
        #expect(report.reusedRuns == 3)
        #expect(report.reusedPages == 3)
        let clean = TestSite.temporaryDirectory().appendingPathComponent("clean")
        _ = try build(input, into: clean)
        expectSameFiles(out, asCleanBuild: clean)
    }

    /// A run whose id sorts first but which started last takes the next colour: no other page changes.
    @Test func aRunThatStartedLastLeavesTheOtherPagesAsTheyWere() throws {
        let input = try copyOfBasic()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        _ = try build(input, into: out)
        let run = input.appendingPathComponent("runs/0-new")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("{\"name\": \"newest\", \"status\": \"finished\", \"start\": \"2027-01-01T00:00:00Z\"}".utf8)
            .write(to: run.appendingPathComponent("runsite.json"))
        try Data("{\"step\": 0, \"train/loss\": 3}\n{\"step\": 10, \"train/loss\": 2}\n".utf8).write(to: run.appendingPathComponent("metrics.jsonl"))
        let (report, _) = try build(input, into: out)
        #expect(report.reusedRuns == 3)
        #expect(report.reusedPages == 3)
        let clean = TestSite.temporaryDirectory().appendingPathComponent("clean")
        _ = try build(input, into: clean, incremental: false)
        expectSameFiles(out, asCleanBuild: clean)
    }

    /// Unchanged input reuses every run page and the project page, and writes the same bytes.
    @Test func anUnchangedBuildReusesRunAndProjectPages() throws {
        let input = try copyOfBasic()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        _ = try build(input, into: out)
        let before = TestSite.contents(of: out)
        let (report, _) = try build(input, into: out)
        #expect(report.reusedRuns == 3)
        #expect(report.reusedPages == 4)
        #expect(TestSite.contents(of: out) == before)
    }

    /// A reused run page's folder is moved over whole only when it holds exactly what runsite wrote:
    /// a file added by hand keeps the folder in place (the file is kept aside, never published).
    @Test func aRunFolderWithAFileAddedByHandIsNotTakenOverWhole() throws {
        let input = try copyOfBasic()
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        _ = try build(input, into: out)
        let before = TestSite.contents(of: out)
        try Data("mine".utf8).write(to: out.appendingPathComponent("basic/runs/a/notes.txt"))
        let (report, _) = try build(input, into: out)
        #expect(report.reusedPages == 4)
        #expect(TestSite.contents(of: out) == before)
        #expect(FileManager.default.contents(atPath: parent.appendingPathComponent("site.kept/basic/runs/a/notes.txt").path) == Data("mine".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".site.runsite-lock", "site", "site.kept"])
    }

    @Test func aChangedFileIsReadAgain() throws {
        let input = try copyOfBasic()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        _ = try build(input, into: out)
        let metrics = input.appendingPathComponent("runs/a/metrics.jsonl")
        let handle = try FileHandle(forWritingTo: metrics)
        handle.seekToEndOfFile()
        handle.write(Data("{\"step\": 40, \"train/loss\": 0.125}\n".utf8))
        try handle.close()
        let (report, _) = try build(input, into: out)
        #expect(report.reusedRuns == 2)
        #expect(TestSite.text(out, "runs.json").contains("\"last\": 0.125"))
    }

    /// A file deep inside a run (an MLflow metric under a nested folder) is part of its signature.
    @Test func aChangedNestedFileIsReadAgain() throws {
        let input = TestSite.temporaryDirectory().appendingPathComponent("filestore")
        try FileManager.default.copyItem(at: TestSite.fixtures.appendingPathComponent("mlflow/filestore"), to: input)
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        _ = try build(input, into: out)
        let units = try build(input, into: out).report.reusedRuns
        #expect(units > 1)
        let metric = input.appendingPathComponent("mlruns/237837607367781433/bd42c20f236249c59232a5338f43c310/metrics/nested/loss")
        let handle = try FileHandle(forWritingTo: metric)
        handle.seekToEndOfFile()
        handle.write(Data("1764400000000 0.5 99\n".utf8))
        try handle.close()
        #expect(try build(input, into: out).report.reusedRuns == units - 1)
    }

    @Test func warningsOfReusedRunsAreReportedAgain() throws {
        let input = try copyOfBasic()
        try Data("{\"step\": 1, \"loss\": 1}\n{broken\n".utf8).write(to: input.appendingPathComponent("runs/c/metrics.jsonl"))
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let first = try build(input, into: out).log.sorted
        let (report, log) = try build(input, into: out)
        #expect(report.reusedRuns == 3)
        #expect(!first.isEmpty && log.sorted == first)
    }

    @Test func noIncrementalRendersEverything() throws {
        let input = try copyOfBasic()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        _ = try build(input, into: out)
        let (report, _) = try build(input, into: out, incremental: false)
        #expect(report.reusedRuns == 0 && report.reusedPages == 0)
    }
}

@Suite struct LargeBuildTests {
    /// Past `Thinning.overviewThreshold` runs the site keeps runs thinned for overview charts and
    /// loads each run's full digest for its own page: that page must be what a small build draws.
    /// Large builds load unchanged runs from their small overview digests; adding a run must still
    /// write what a clean build writes, and reuse every other run and run page.
    @Test func incrementalLargeBuildsWriteWhatACleanBuildWrites() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("big")
        func addRun(_ i: Int) throws {
            try TestSite.writeRun(in: root, i, meta: "\"start\": \(1_700_000_000 + i * 60)", header: "step,loss",
                                  rows: (0..<700).map { "\($0),\($0 == 123 ? 9.5 : 1.0 / Double($0 + 1 + i))" })
        }
        let count = Thinning.overviewThreshold + 2
        for i in 0..<count { try addRun(i) }
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let request = TestSite.request(inputs: [root], output: out)
        _ = try Pipeline.build(request, log: DiagnosticLog())
        #expect(FileManager.default.fileExists(atPath: TestSite.cacheFolder(for: out).appendingPathComponent("overview-\(Thinning.overviewBins(units: count))").path))
        try addRun(count)
        let report = try Pipeline.build(request, log: DiagnosticLog())
        #expect(report.reusedRuns == count && report.reusedPages == count)
        try expectSameAsCleanBuild(request, out)
    }

    /// A Lightning run's last activity is its file's time clamped to SOURCE_DATE_EPOCH, so a
    /// rebuild with another SOURCE_DATE_EPOCH must read it again, not reuse the previous build's run.
    @Test func anotherSourceDateEpochReadsRunsAgain() throws {
        let root = TestSite.temporaryDirectory().appendingPathComponent("logs")
        let csv = root.appendingPathComponent("lightning_logs/version_0/metrics.csv")
        try FileManager.default.createDirectory(at: csv.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("epoch,step,loss\n0,1,0.5\n".utf8).write(to: csv)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_800_000_000)], ofItemAtPath: csv.path)
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        var request = TestSite.request(inputs: [root], output: out)
        request.readerOptions.now = 1_700_000_000
        _ = try Pipeline.build(request, log: DiagnosticLog())
        request.readerOptions.now = 1_900_000_000
        let report = try Pipeline.build(request, log: DiagnosticLog())
        #expect(report.reusedRuns == 0)
        try expectSameAsCleanBuild(request, out)
    }

    /// A large build whose runs are all unchanged but one removed: the cache's digest folders move
    /// over whole (`StagingArea.carry`), the removed run's digests go, and the site and its cache
    /// are what a clean build writes.
    @Test func removingARunFromALargeBuildDropsItsDigests() throws {
        let (root, count) = try largeInput()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let request = TestSite.request(inputs: [root], output: out)
        _ = try Pipeline.build(request, log: DiagnosticLog())
        let folder = TestSite.cacheFolder(for: out).appendingPathComponent("digests")
        let before = try inode(folder)
        try FileManager.default.removeItem(at: root.appendingPathComponent("run-003"))
        let report = try Pipeline.build(request, log: DiagnosticLog())
        #expect(report.reusedRuns == count - 1)
        #expect(try inode(folder) == before, "the folder was moved, not made again")
        let digests = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(digests.count == count - 1 && !digests.contains { $0.hasPrefix("run-003-") })
        try expectSameAsCleanBuild(request, out)
    }

    /// A file that runsite did not write, found in a cache folder, keeps that folder from being
    /// moved whole: the kept digests are linked one by one and the stranger is set aside, not published.
    @Test func aCacheFolderWithAFileAddedByHandIsNotMovedWhole() throws {
        let (root, count) = try largeInput()
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        let request = TestSite.request(inputs: [root], output: out)
        _ = try Pipeline.build(request, log: DiagnosticLog())
        let cache = TestSite.cacheFolder(for: out)
        let folder = cache.appendingPathComponent("digests")
        let before = try inode(folder)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let report = try Pipeline.build(request, log: DiagnosticLog())
        #expect(report.reusedRuns == count)
        #expect(try inode(folder) != before)
        let kept = cache.deletingLastPathComponent().appendingPathComponent(cache.lastPathComponent + ".kept/digests/notes.txt")
        #expect(FileManager.default.contents(atPath: kept.path) == Data("mine".utf8))
        try expectSameAsCleanBuild(request, out)
    }

    /// Builds `request`'s input cleanly into a new folder and expects `out` to hold the same files.
    func expectSameAsCleanBuild(_ request: BuildRequest, _ out: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var request = request
        let clean = TestSite.temporaryDirectory().appendingPathComponent("clean")
        request.output = clean
        request.cacheDirectory = TestSite.cacheFolder(for: clean)
        request.incremental = false
        _ = try Pipeline.build(request, log: DiagnosticLog())
        expectSameFiles(out, asCleanBuild: clean, sourceLocation: sourceLocation)
        expectSameFiles(TestSite.cacheFolder(for: out), asCleanBuild: TestSite.cacheFolder(for: clean), sourceLocation: sourceLocation)
    }

    func inode(_ url: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
    }

    /// Runs enough for a large build (overview digests, held runs).
    func largeInput() throws -> (root: URL, count: Int) {
        let root = TestSite.temporaryDirectory().appendingPathComponent("big")
        let count = Thinning.overviewThreshold + 2
        for i in 0..<count {
            try TestSite.writeRun(in: root, i, meta: "\"start\": \(1_700_000_000 + i * 60)", header: "step,loss",
                                  rows: (0..<50).map { "\($0),\(1.0 / Double($0 + 1 + i))" })
        }
        return (root, count)
    }

    @Test func runPagesOfLargeBuildsAreDrawnAtFullResolution() throws {
        let big = TestSite.temporaryDirectory().appendingPathComponent("big")
        let small = TestSite.temporaryDirectory().appendingPathComponent("small")
        for (root, count) in [(big, Thinning.overviewThreshold + 6), (small, 1)] {
            try Data("{\"name\": \"many\"}".utf8).write(to: { try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true); return root.appendingPathComponent("project.json") }())
            for i in 0..<count {
                try TestSite.writeRun(in: root, i, header: "step,loss",
                                      rows: (0..<3_000).map { "\($0),\($0 == 1234 ? 9.5 : 1.0 / Double($0 + 1 + i))" })
            }
        }
        // Both with a series file per run, which `auto` gives the small build only.
        let bigSite = try TestSite.build([big]) { $0.siteOptions.seriesFiles = .all }.site
        let smallSite = try TestSite.build([small]) { $0.siteOptions.seriesFiles = .all }.site
        let page = "many/run-000/index.html"
        #expect(!TestSite.text(bigSite, page).isEmpty)
        #expect(TestSite.text(bigSite, page) == TestSite.text(smallSite, page))
        #expect(TestSite.text(bigSite, "runs.json").contains("\"max\": 9.5"))
        // A report chart of 3 runs needs more bins per line than the build holds: its lines come from
        // each run's full digest, not from the bins held in memory for overviews.
        let report = "```{chart}\n:metrics: loss\n:runs: top 3 by loss:min\n```\n"
        let reported = try TestSite.build([big]) { request in
            request.siteOptions.pages = [UserPage(file: big.appendingPathComponent("report.md").path, slug: "r", text: report)]
        }.site
        let lines = TestSite.text(reported, "reports/figures/r-chart-loss.csv").split(separator: "\n")
        let held = Thinning.overviewBins(units: Thinning.overviewThreshold + 6)
        #expect(lines.first?.hasPrefix("# thinned: ") == true)
        let csv = lines.dropFirst()
        #expect(csv.first == "run,step,value")
        let drawn = csv.filter { $0.hasPrefix("run-069,") }.count
        #expect(FullResolution.bins(forLines: 3) > held)
        #expect(drawn > 4 * held + 8, "\(drawn) points of run-069 drawn")
        #expect(csv.contains("run-069,1234,9.5"))                      // the spike, at its step
        #expect(csv.filter { $0.hasPrefix("run-000,") }.isEmpty)            // not selected
        // The project chart (30 lines) needs no more than the held bins and draws those.
        let project = TestSite.text(bigSite, "many/figures/chart-loss.csv").split(separator: "\n").dropFirst()
        #expect(project.first == "run,step,value")
        #expect(project.filter { $0.hasPrefix("run-069,") }.count <= 4 * held + 8)
    }
}
