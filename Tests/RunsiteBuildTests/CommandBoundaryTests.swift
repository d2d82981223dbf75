import Foundation
import Testing

/// The command line is a thin layer over `RunsiteBuild`'s requests: it imports no other library
/// module of the package (system and toolchain modules such as Synchronization are fine).
@Suite struct CommandBoundaryTests {
    @Test func theCommandLineImportsRunsiteBuildAlone() throws {
        let folder = TestSite.packageRoot.appendingPathComponent("Sources/runsite")
        let allowed: Set<String> = ["ArgumentParser", "Foundation", "RunsiteBuild", "RunsiteAllocator", "Glibc", "Darwin", "Synchronization"]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                let module = String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces)
                #expect(allowed.contains(module), "\(name) imports \(module)")
            }
        }
    }
}
