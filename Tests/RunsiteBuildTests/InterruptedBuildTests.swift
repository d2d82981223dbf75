import Foundation
import Testing

/// SIGINT and SIGTERM during a build remove its staging tree and leave `--out` as it was.
@Suite struct InterruptedBuildTests {
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSignalRemovesTheUnfinishedSite(signal: Int32, status: Int32) throws {
        let parent = TestSite.temporaryDirectory()
        let input = parent.appendingPathComponent("input")
        for i in 0..<400 {
            try TestSite.writeRun(in: input, i, header: "step,loss", rows: (0..<200).map { "\($0),\(Double($0) / 7)" })
        }
        let out = parent.appendingPathComponent("site")
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", input.path, "--out", out.path, "--quiet"]
        var env = ProcessInfo.processInfo.environment
        env["RUNSITE_HOME"] = TestSite.packageRoot.path
        process.environment = env
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = parent.appendingPathComponent(".site.runsite-tmp-\(process.processIdentifier)")
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: staging.path) && process.isRunning && Date() < deadline { usleep(2_000) }
        try #require(process.isRunning, "the build ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == status)
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        #expect(left == [".site.runsite-lock", "input"])
    }
}
