import Foundation
import Testing
@testable import RunsiteBuild

/// `runsite watch`: a build, then a rebuild after each change, and pages that reload themselves.
@Suite(.serialized) struct WatchTests {
    /// A run folder in the runsite format under a fresh input.
    static func input() throws -> URL {
        let input = TestSite.temporaryDirectory("runsite-watch").appendingPathComponent("in")
        for name in ["a", "b"] {
            let run = input.appendingPathComponent("p/" + name)
            try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
            try Data("{\"status\": \"running\"}".utf8).write(to: run.appendingPathComponent("runsite.json"))
            try Data("{\"step\": 0, \"loss\": 1}\n".utf8).write(to: run.appendingPathComponent("metrics.jsonl"))
        }
        return input
    }

    /// Runs a watch in the background until `body` returns; `rounds` holds each round's runs.json.
    static func watching(_ input: URL, polling: Bool, _ body: (URL, () -> [String]) throws -> Void) throws {
        let site = input.deletingLastPathComponent().appendingPathComponent("site")
        var watch = WatchRequest(build: TestSite.request(inputs: [input], output: site))
        watch.polling = polling
        watch.pollInterval = 0.2
        let state = WatchState()
        let request = watch
        let thread = Thread {
            request.run(onRound: { round in
                state.append(round.error ?? TestSite.text(site, "runs.json"))
            }, shouldStop: { state.stopped })
            state.finish()
        }
        thread.start()
        defer { state.stop(); state.waitUntilFinished() }
        try body(site, { state.rounds })
    }

    /// Waits up to 30 s for `condition`.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline { if condition() { return true }; Thread.sleep(forTimeInterval: 0.1) }
        return false
    }

    @Test(arguments: [false, true])
    func rebuildsAfterAnAppendAndADeletion(polling: Bool) throws {
        let input = try Self.input()
        try Self.watching(input, polling: polling) { site, rounds in
            #expect(Self.eventually { rounds().count == 1 }, "first build")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("live.js").path))
            let page = TestSite.text(site, "p/a/index.html")
            #expect(page.contains("<script src=\"../../live.js\" defer></script>"))
            let handle = try FileHandle(forWritingTo: input.appendingPathComponent("p/a/metrics.jsonl"))
            handle.seekToEndOfFile()
            handle.write(Data("{\"step\": 7, \"loss\": 0.5}\n".utf8))
            try handle.close()
            #expect(Self.eventually { rounds().last?.contains("\"last_step\": 7") == true }, "rebuilt after an append: \(rounds().count) rounds")
            try FileManager.default.removeItem(at: input.appendingPathComponent("p/b"))
            #expect(Self.eventually { rounds().last.map { !$0.contains("\"p/b\"") && $0.contains("\"p/a\"") } == true }, "rebuilt after a deletion")
        }
    }

    static let python = ChartScriptTests.tool(["python3"])
    static let driverReady: Bool = {
        guard let python, ChartScriptTests.tool(["chromedriver"]) != nil, ChartScriptTests.chromium != nil else { return false }
        return (try? ChartScriptTests.run(python, ["-c", "import selenium"]).status) == 0
    }()

    @Test(.enabled(if: driverReady, "needs Chromium, chromedriver and selenium"))
    func openPagesReloadThemselvesAndKeepTheirPlace() throws {
        let input = try Self.input()
        // A long page, so that there is somewhere to scroll to.
        try Data(String(repeating: "{\"step\": 0, \"loss\": 1, \"acc\": 0.1, \"f1\": 0.2, \"auc\": 0.3}\n", count: 1).utf8)
            .write(to: input.appendingPathComponent("p/a/metrics.jsonl"))
        try Self.watching(input, polling: false) { site, rounds in
            #expect(Self.eventually { rounds().count == 1 })
            let script = TestSite.packageRoot.appendingPathComponent("scripts/live-reload-check.py").path
            let result = try ChartScriptTests.run(try #require(Self.python), [script, site.appendingPathComponent("p/a/index.html").absoluteString,
                                                                          input.appendingPathComponent("p/a/metrics.jsonl").path,
                                                                          "{\"step\": 3, \"loss\": 0.25}"])
            #expect(result.status == 0 && result.out.contains("reloaded"), "\(result.out) \(result.err)")
            #expect(result.out.contains("reloaded 300"), "the scroll position is kept: \(result.out)")
        }
    }
}

/// What the watch thread reports to the test, behind a lock.
final class WatchState: @unchecked Sendable {
    private let lock = NSCondition()
    private var list: [String] = []
    private var stopFlag = false
    private var done = false

    var rounds: [String] { lock.lock(); defer { lock.unlock() }; return list }
    var stopped: Bool { lock.lock(); defer { lock.unlock() }; return stopFlag }
    func append(_ round: String) { lock.lock(); list.append(round); lock.unlock() }
    func stop() { lock.lock(); stopFlag = true; lock.unlock() }
    func finish() { lock.lock(); done = true; lock.broadcast(); lock.unlock() }
    func waitUntilFinished() { lock.lock(); while !done { lock.wait() }; lock.unlock() }
}
