import Foundation
import Testing

/// The example CI pipelines of examples/ci/ run their shell steps here (scripts/test-ci-examples.sh),
/// against the runsite these tests built, so that the examples cannot rot.
@Suite struct CIExamplesTests {
    static let python3: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: python3 != nil, "the toy model is a Python script")) func theWorkflowStepsRunAndPass() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", TestSite.packageRoot.appendingPathComponent("scripts/test-ci-examples.sh").path, CommandLineTests.executable.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("the GitHub and GitLab steps ran and passed"))
    }
}
