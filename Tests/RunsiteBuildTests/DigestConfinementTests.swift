import Foundation
@testable import RunsiteBuild
import RunsiteCore
import RunsiteModel
import Testing

/// Files a digest names are copied only from inside the run folder the digest records.
@Suite struct DigestConfinementTests {
    let basic = TestSite.fixtures.appendingPathComponent("runsite/basic")

    @Test func aDigestNamingAFileOutsideItsRunCopiesNothingOfIt() throws {
        let parent = TestSite.temporaryDirectory()
        let secret = parent.appendingPathComponent("secret.txt")
        try Data("top secret".utf8).write(to: secret)
        var projects = try Pipeline.readProjects([basic], format: nil, options: .init(), log: DiagnosticLog(), compact: true)
        let p = try #require(projects.firstIndex { $0.runs.contains { !$0.artifacts.isEmpty } })
        let r = try #require(projects[p].runs.firstIndex { !$0.artifacts.isEmpty })
        projects[p].runs[r].artifacts[0].sourceFile = secret.path
        projects[p].runs[r].artifacts[0].sha256 = nil
        projects[p].runs[r].images.append(RunImage(name: "x.png", content: .file(secret.path)))
        let digests = parent.appendingPathComponent("digests")
        try DigestStore.write(projects, to: digests)
        let log = DiagnosticLog()
        var request = TestSite.request(inputs: [], output: parent.appendingPathComponent("site"))
        request.digests = [digests]
        try Pipeline.build(request, log: log)
        let published = TestSite.contents(of: parent.appendingPathComponent("site"))
        #expect(!published.values.contains(Data("top secret".utf8)))
        #expect(log.sorted.filter { $0.id == "digest.file-outside-run" }.count == 2)
    }

    @Test func aRunFolderThatIsTheRootConfinesNothing() {
        var run = Run(id: "r", source: "runsite", project: "p", name: "r", directory: "/")
        run.artifacts = [Artifact(path: "passwd", size: 1, sha256: nil, sourceFile: "/etc/passwd")]
        let log = DiagnosticLog()
        #expect(DigestConfinement.confine(run, digest: URL(fileURLWithPath: "/tmp/d.json"), log: log).artifacts.isEmpty)
    }
}
