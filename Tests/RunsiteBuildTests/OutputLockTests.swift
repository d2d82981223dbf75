import Foundation
@testable import RunsiteBuild
import RunsiteCore
import Testing

/// Two builds into one `--out` cannot run at once: the second is refused with a clear message.
@Suite struct OutputLockTests {
    @Test func aSecondLockOnTheSameOutputIsRefused() throws {
        let out = TestSite.temporaryDirectory().appendingPathComponent("site")
        let first = try OutputLock.take(for: out)
        #expect {
            _ = try OutputLock.take(for: out)
        } throws: { error in
            "\(error)".contains("another runsite build is writing")
        }
        first.release()
        _ = try OutputLock.take(for: out)
    }

    @Test func aBuildIntoAnOutputBeingBuiltIsRefusedAndTouchesNothing() throws {
        let parent = TestSite.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        let held = try OutputLock.take(for: out)
        defer { held.release() }
        #expect(throws: SiteWriter.Failure.self) {
            try Pipeline.build(TestSite.request(inputs: [TestSite.fixtures.appendingPathComponent("runsite/basic")], output: out), log: DiagnosticLog())
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [".site.runsite-lock"])
    }

    @Test func theLockFileIsBesideTheOutputNotInIt() {
        let out = URL(fileURLWithPath: "/srv/www/site")
        #expect(OutputLock.path(for: out).path == "/srv/www/.site.runsite-lock")
    }
}
