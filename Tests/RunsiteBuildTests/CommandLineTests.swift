import Foundation
import RunsiteTestSupport
import Testing

/// Runs the built `runsite` executable, as a user would.
@Suite struct CommandLineTests {
    static var executable: URL {
        // The test bundle sits next to the products of the same build.
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("runsite").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("runsite")
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["RUNSITE_HOME"] = TestSite.packageRoot.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The lines of `brokenInput()`'s `r/metrics.jsonl`, the second not JSON.
    static let brokenLines = MarkedText("{\"step\": 1, \"loss\": 1}\n{1️⃣oops\n")

    func brokenInput() throws -> URL {
        let input = TestSite.temporaryDirectory()
        let run = input.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        try Data(Self.brokenLines.text.utf8).write(to: run.appendingPathComponent("metrics.jsonl"))
        return input
    }

    @Test func helpIsAvailableForEveryCommand() throws {
        for command in [["--help"], ["build", "--help"], ["export", "summary", "--help"], ["diff", "--help"], ["bundle", "--help"], ["templates", "init", "--help"]] {
            let result = try Self.run(command)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE"), "no usage for \(command)")
        }
    }

    @Test func warningsArePrintedWithPathAndLineAndStrictFails() throws {
        let input = try brokenInput()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site").path
        let lenient = try Self.run(["build", input.path, "--out", out])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("r/metrics.jsonl:\(Self.brokenLines["1️⃣"]): warning:"), "\(lenient.stderr)")
        let strict = try Self.run(["build", input.path, "--out", out, "--strict"])
        #expect(strict.status == 1)
    }

    @Test func exportSummaryPrintsTheContract() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let result = try Self.run(["export", "summary", basic.path, "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let runs = json?["runs"] as? [[String: Any]]
        #expect(runs?.map { $0["id"] as? String } == ["runs/a", "runs/b", "runs/c"])
    }

    @Test func refusesToOverwriteAForeignFolder() throws {
        let out = TestSite.temporaryDirectory()
        try Data("x".utf8).write(to: out.appendingPathComponent("keep.txt"))
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let result = try Self.run(["build", basic.path, "--out", out.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("refusing to build into"))
    }

    @Test func sourceDateEpochMakesBuildsIdentical() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let a = TestSite.temporaryDirectory().appendingPathComponent("a")
        let b = TestSite.temporaryDirectory().appendingPathComponent("b")
        _ = try Self.run(["build", basic.path, "--out", a.path, "-q"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        _ = try Self.run(["build", basic.path, "--out", b.path, "-q"], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(TestSite.contents(of: a) == TestSite.contents(of: b))
        #expect(TestSite.text(a, "index.html").contains("2023-11-14"))
    }

    @Test func templatesOverrideOneFileAtATime() throws {
        let custom = TestSite.temporaryDirectory()
        let template = MarkedText("## Custom overview\n\n```{project-list}\n```\n\n1️⃣```{no-such-thing}\n```\n")
        try Data(template.text.utf8).write(to: custom.appendingPathComponent("index.md"))
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let result = try Self.run(["build", basic.path, "--out", out.path, "--templates", custom.path])
        #expect(result.status == 0)
        let index = TestSite.text(out, "index.html")
        #expect(index.contains("Custom overview"))
        #expect(index.contains("rs-directive-error"))
        #expect(result.stderr.contains("index.md:\(template["1️⃣"]): warning: unknown directive 'no-such-thing'"), "\(result.stderr)")
        #expect(TestSite.text(out, "basic/index.html").contains("rs-runs"), "project page still uses the default template")
    }

    @Test func diagnosticsQuotingInputCannotDriveTheTerminal() throws {
        let input = TestSite.temporaryDirectory()
        let run = input.appendingPathComponent("r")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: run.appendingPathComponent("runsite.json"))
        // A metric key with an escape sequence (clear screen, set the window title) and a bell,
        // and one that is a megabyte long; both values are not numbers, so both keys are quoted.
        let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}\nb\u{9B}31m"
        let long = String(repeating: "k", count: 1_000_000)
        let line1 = "{\"step\": 1, \"\\u001b[2J\\u001b]0;pwned\\u0007\\nb\\u009b31m\": \"x\"}\n"
        let line2 = "{\"step\": 2, \"\(long)\": \"x\"}\n"
        try Data((line1 + line2).utf8).write(to: run.appendingPathComponent("metrics.jsonl"))
        let out = TestSite.temporaryDirectory().appendingPathComponent("site").path
        let result = try Self.run(["build", input.path, "--out", out])
        #expect(result.status == 0)
        let controls = result.stderr.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty, "control characters reached the terminal: \(controls.map(\.value))")
        #expect(!result.stderr.contains(hostile))
        #expect(result.stderr.contains("\\u{1B}[2J"), "\(result.stderr.prefix(2000))")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count < 2000 }, "a diagnostic line of \(lines.map(\.count).max() ?? 0) characters")
    }

    @Test func unknownInputFormatIsAUsageError() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        for command in [["build", basic.path, "--out", out.path, "--format", "nope"],
                        ["export", "summary", basic.path, "--input-format", "nope"],
                        ["export", "table", basic.path, "--input-format", "nope"]] {
            let result = try Self.run(command)
            #expect(result.status == 64, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("unknown") && result.stderr.contains("'nope'"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path), "a usage error must not write a site")
    }

    @Test func strictQuietStillSaysWhyItFailed() throws {
        let input = try brokenInput()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site").path
        let result = try Self.run(["build", input.path, "--out", out, "--strict", "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("r/metrics.jsonl:\(Self.brokenLines["1️⃣"]): warning:"), "\(result.stderr)")
        #expect(result.stderr.contains("--strict"), "\(result.stderr)")
        let quiet = try Self.run(["build", input.path, "--out", out, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    @Test func aFileWhereAFolderIsExpectedGetsAPlainMessage() throws {
        let file = TestSite.temporaryDirectory().appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: file)
        let initInto = try Self.run(["templates", "init", file.path])
        #expect(initInto.status == 1)
        #expect(initInto.stderr.contains("is a file, not a folder"), "\(initInto.stderr)")
        #expect(!initInto.stderr.contains("NSCocoaErrorDomain"), "\(initInto.stderr)")
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let templates = try Self.run(["build", basic.path, "--out", out.path, "--templates", file.path])
        #expect(templates.status == 1, "--templates FILE was silently ignored: \(templates.stderr)")
        #expect(templates.stderr.contains("is a file, not a folder"), "\(templates.stderr)")
    }

    @Test func aMissingInputLeavesTheExistingSiteAlone() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        #expect(try Self.run(["build", basic.path, "--out", out.path, "-q"]).status == 0)
        let before = TestSite.contents(of: out)
        #expect(before["basic/runs/a/index.html"] != nil)
        let typo = basic.deletingLastPathComponent().appendingPathComponent("basik").path
        let result = try Self.run(["build", typo, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("basik: error: input is not a directory"), "\(result.stderr)")
        #expect(TestSite.contents(of: out) == before, "a typo in the input replaced the site with an empty one")
    }

    @Test func aReportFileNameThatIsNotURLSafeStillGivesAWorkingLink() throws {
        let reports = TestSite.temporaryDirectory()
        try Data("# Odd\n".utf8).write(to: reports.appendingPathComponent("sweep #2 (50%?).md"))
        try Data("# Plain\n".utf8).write(to: reports.appendingPathComponent("plain_v1.2.md"))
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let result = try Self.run(["build", basic.path, "--out", out.path, "--reports", reports.path, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = TestSite.contents(of: out)
        #expect(files["reports/sweep-2-50.html"] != nil, "\(files.keys.filter { $0.hasPrefix("reports/") })")
        #expect(files["reports/plain_v1.2.html"] != nil)
        // A '#' or '?' in an href would cut the link short: every report link must name its file.
        #expect(TestSite.text(out, "index.html").contains("href=\"reports/sweep-2-50.html\""))
    }

    @Test func theBuildSummaryCountsInTheSingular() throws {
        let input = try brokenInput()
        let out = TestSite.temporaryDirectory().appendingPathComponent("site").path
        let result = try Self.run(["build", input.path, "--out", out])
        #expect(result.stderr.contains(" for 1 run in 1 project to "), "\(result.stderr)")
    }

    @Test func overlappingInputsAreReadOnce() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let runs = basic.appendingPathComponent("runs")
        for extra in [basic.path, runs.path] {
            let result = try Self.run(["export", "summary", basic.path, extra])
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            let ids = (json?["runs"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == ["runs/a", "runs/b", "runs/c"], "\(extra): \(ids ?? [])")
            #expect(result.stderr.contains("[input.overlap]"), "\(result.stderr)")
        }
    }

    @Test func aNegativeArtifactSizeLimitIsNamedAsTheProblem() throws {
        let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let result = try Self.run(["build", basic.path, "--out", out.path, "--max-artifact-size", "-5"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-artifact-size must be 0 or more"), "\(result.stderr)")
    }
}


@Suite struct TemplatesInitTests {
    @Test func initCopiesTheDefaultsAndABuildUsesThem() throws {
        let folder = TestSite.temporaryDirectory().appendingPathComponent("mine")
        let result = try CommandLineTests.run(["templates", "init", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        // The script comes as its modules (assets/js/), which a build joins into runsite.js.
        for name in ["index.md", "project.md", "run.md", "layout.html", "assets/runsite.css", "assets/js/20-table.js", "assets/js/90-start.js"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "missing \(name)")
        }
        let index = folder.appendingPathComponent("index.md")
        try Data(("# Our lab\n\n" + (try String(contentsOf: index, encoding: .utf8))).utf8).write(to: index)
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let build = try CommandLineTests.run(["build", TestSite.fixtures.appendingPathComponent("runsite/basic").path,
                                              "--out", out.path, "--templates", folder.path, "-q"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(TestSite.text(out, "index.html").contains("Our lab"))
        #expect(TestSite.text(out, "assets/runsite.js") == TestSite.script)
        let again = try CommandLineTests.run(["templates", "init", folder.path])
        #expect(again.status != 0, "a non-empty folder is refused")
    }
}
