import Foundation
import RunsiteBuild
import Testing

/// `runsite export summary --format markdown` and `runsite diff`, run as a user would, on a small
/// sweep before and after a change: one run finished and improved, one removed, one added.
@Suite struct DiffCommandTests {
    /// The sweep of `ReportFixture`, and a copy where adam-2 logged a better point, sgd-1 is gone
    /// and a run with a hostile name is still running.
    static func beforeAndAfter() throws -> (old: URL, new: URL) {
        let old = try ReportFixture.make()
        let new = TestSite.temporaryDirectory("runsite-diff-new")
        try FileManager.default.removeItem(at: new)
        try FileManager.default.copyItem(at: old, to: new)
        let sweep = new.appendingPathComponent("sweep")
        let adam2 = sweep.appendingPathComponent("adam-2/metrics.jsonl")
        let handle = try FileHandle(forWritingTo: adam2)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"step\": 30, \"val/loss\": 0.35, \"test/acc\": 0.91}\n".utf8))
        try handle.close()
        try FileManager.default.removeItem(at: sweep.appendingPathComponent("sgd-1"))
        let fresh = sweep.appendingPathComponent("fresh")
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        try ReportFixture.write("{\"name\": \"<b>*x*</b> @all\", \"status\": \"running\"}", to: fresh.appendingPathComponent("runsite.json"))
        try ReportFixture.write("{\"step\": 0, \"val/loss\": 2, \"test/acc\": 0.1}\n", to: fresh.appendingPathComponent("metrics.jsonl"))
        return (old, new)
    }

    @Test func exportSummaryMarkdownIsACompactEscapedReport() throws {
        let (_, new) = try Self.beforeAndAfter()
        let result = try CommandLineTests.run(["export", "summary", new.path, "--format", "markdown", "--top", "1", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("## Runs\n\n4 runs in 1 project: 1 running, 3 finished.\n\n### sweep\n"), "\(result.stdout)")
        #expect(result.stdout.contains("| test/acc (max) | 1 | adam-2 | 0.91 | optimizer.lr=0.001, optimizer.name=adam, seed=2 |"), "\(result.stdout)")
        #expect(result.stdout.contains("Still running:\n\n- \\<b\\>\\*x\\*\\</b\\> \\@all (step 0)\n"), "\(result.stdout)")
        let bad = try CommandLineTests.run(["export", "summary", new.path, "--format", "html"])
        #expect(bad.status == 64 && bad.stderr.contains("use json or markdown"))
    }

    @Test func diffReadsRunsJSONSiteFoldersAndRunFoldersAlike() throws {
        let (old, new) = try Self.beforeAndAfter()
        let site = TestSite.temporaryDirectory().appendingPathComponent("site")
        #expect(try CommandLineTests.run(["build", old.path, "--out", site.path, "-q"]).status == 0)
        let fromFolders = try CommandLineTests.run(["diff", old.path, new.path, "-q"])
        let fromSite = try CommandLineTests.run(["diff", site.path, new.path, "-q"])
        let fromFile = try CommandLineTests.run(["diff", site.appendingPathComponent("runs.json").path, new.path, "-q"])
        #expect(fromFolders.status == 0 && fromSite.status == 0 && fromFile.status == 0, "\(fromFolders.stderr)\(fromSite.stderr)\(fromFile.stderr)")
        #expect(fromFolders.stdout == fromSite.stdout && fromSite.stdout == fromFile.stdout)
        #expect(fromFolders.stdout == """
        New runs (1):
          sweep / <b>*x*</b> @all: running
        Removed runs (1):
          sweep / sgd-1: finished
        Best values (2):
          sweep / test/acc (max): 0.9 → 0.91 (+0.01), best run adam-2
          sweep / val/loss (min): 0.4 → 0.35 (-0.05), best run adam-2

        """, "\(fromFolders.stdout)")
        let json = try CommandLineTests.run(["diff", old.path, new.path, "--format", "json", "-q"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["new"] as? [[String: Any]])?.first?["id"] as? String == "sweep/fresh")
        let markdown = try CommandLineTests.run(["diff", old.path, new.path, "--format", "markdown", "-q"])
        #expect(markdown.stdout.contains("- sweep / \\<b\\>\\*x\\*\\</b\\> \\@all: running"), "\(markdown.stdout)")
    }

    @Test func failIfGatesOnRegressions() throws {
        let (old, new) = try Self.beforeAndAfter()
        let pass = try CommandLineTests.run(["diff", old.path, new.path, "--fail-if", "metric:test/acc:max < -0.01", "-q"])
        #expect(pass.status == 0, "\(pass.stderr)")
        // Going back from NEW to OLD: test/acc fell by exactly 0.01, val/loss rose by 0.05.
        let exact = try CommandLineTests.run(["diff", new.path, old.path, "--fail-if", "metric:test/acc:max < -0.01", "-q"])
        #expect(exact.status == 0, "\(exact.stderr)")
        let fail = try CommandLineTests.run(["diff", new.path, old.path, "--fail-if", "metric:test/acc:max < -0.01",
                                             "--fail-if", "metric:val/loss:min > 0.02", "-q"])
        #expect(fail.status == 1)
        #expect(fail.stderr.contains("error: --fail-if 'metric:val/loss:min > 0.02': val/loss (min) in sweep went from 0.35 to 0.4 (+0.05, > +0.02)"), "\(fail.stderr)")
        let typo = try CommandLineTests.run(["diff", old.path, new.path, "--fail-if", "metric:test/accc < 0", "-q"])
        #expect(typo.status == 1 && typo.stderr.contains("no run in either summary logs 'test/accc'"))
        let bad = try CommandLineTests.run(["diff", old.path, new.path, "--fail-if", "test/acc < 0"])
        #expect(bad.status == 64 && bad.stderr.contains("it must start with 'metric:'"), "\(bad.stderr)")
    }

    @Test func aDamagedSummaryIsADiagnosticNamingTheFile() throws {
        let (_, new) = try Self.beforeAndAfter()
        let folder = TestSite.temporaryDirectory()
        let broken = folder.appendingPathComponent("runs.json")
        try ReportFixture.write("{\"runs\": [\n  {\"id\": \"a\", \"metrics\": {\"x\": {\"min\": 1,}}}\n", to: broken)
        let result = try CommandLineTests.run(["diff", broken.path, new.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(broken.path):2:"), "\(result.stderr)")
        #expect(result.stderr.contains("[diff.malformed-summary]"))
        // Entries without an id are left out with a warning; wrong types are read as absent.
        try ReportFixture.write("{\"runs\": [{\"name\": \"no id\"}, {\"id\": 5}, {\"id\": \"a\", \"status\": 3, \"params\": [], \"metrics\": {\"m\": \"x\"}}]}", to: broken)
        let partial = try CommandLineTests.run(["diff", folder.path, new.path])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("runs.json: warning: run 1 has no \"id\"; it is left out [diff.malformed-summary]"), "\(partial.stderr)")
        #expect(partial.stdout.contains("Removed runs (1):\n   / a: unknown"), "\(partial.stdout)")
        let missing = try CommandLineTests.run(["diff", folder.appendingPathComponent("nothing").path, new.path])
        #expect(missing.status == 1 && missing.stderr.contains("is neither a runs.json file nor a folder"))
    }
}
