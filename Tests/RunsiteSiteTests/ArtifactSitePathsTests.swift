@testable import RunsiteSite
import RunsiteModel
import Testing

/// Every artifact of a run gets its own site path, the same on every build, and active types a
/// neutral one.
@Suite struct ArtifactSitePathsTests {
    private func run(_ artifacts: [(path: String, source: String)]) -> Run {
        var run = Run(id: "r", source: "dvclive", project: "p", name: "r", directory: "/in/repo/dvclive")
        run.artifacts = artifacts.map { Artifact(path: $0.path, size: 1, sha256: nil, sourceFile: $0.source) }
        return run
    }

    @Test func oneNameFromTwoSourcesGivesTwoPaths() {
        let paths = ArtifactSitePaths.paths(for: run([("artifacts/model.pt", "/in/repo/dvclive/artifacts/model.pt"),
                                                      ("artifacts/model.pt", "/in/repo/artifacts/model.pt")]))
        #expect(paths[0] != paths[1])
        #expect(paths.allSatisfy { $0.hasPrefix("files/") && $0.hasSuffix("/artifacts/model.pt") })
    }

    @Test func pathsDoNotDependOnWhereTheInputLies() {
        let here = ArtifactSitePaths.paths(for: run([("a.pt", "/in/repo/dvclive/a.pt"), ("a.pt", "/in/repo/a.pt")]))
        var moved = run([("a.pt", "/elsewhere/x/repo/dvclive/a.pt"), ("a.pt", "/elsewhere/x/repo/a.pt")])
        moved.directory = "/elsewhere/x/repo/dvclive"
        #expect(ArtifactSitePaths.paths(for: moved) == here)
    }

    @Test func uniqueNamesKeepTheirPath() {
        #expect(ArtifactSitePaths.paths(for: run([("weights/final model.pt", "/in/repo/dvclive/weights/final model.pt")]))
            == ["files/weights/final model.pt"])
    }

    @Test func activeTypesGetANeutralName() {
        let names = ["report.html", "page.SHTML", "a.xht", "b.mhtml", "c.mht", "d.svg", "e.xml", "f.js"]
        let paths = ArtifactSitePaths.paths(for: run(names.map { ($0, "/in/repo/dvclive/" + $0) }))
        #expect(paths == names.map { "files/" + $0 + ".txt" })
    }

    @Test func neutralNameDoesNotCollideWithATextFile() {
        let paths = ArtifactSitePaths.paths(for: run([("report.html", "/in/repo/dvclive/report.html"),
                                                      ("report.html.txt", "/in/repo/dvclive/report.html.txt")]))
        #expect(Set(paths.map { $0.lowercased() }).count == 2)
    }

    @Test func aFileAndAFolderOfOneNameStayApart() {
        let paths = ArtifactSitePaths.paths(for: run([("ckpt", "/in/repo/dvclive/ckpt"), ("ckpt/1.pt", "/in/repo/ckpt/1.pt")]))
        #expect(paths[1] == "files/ckpt/1.pt")
        #expect(paths[0] != "files/ckpt" && !paths[1].hasPrefix(paths[0] + "/"))
    }

    @Test func namesThatDifferOnlyInCaseStayApart() {
        let paths = ArtifactSitePaths.paths(for: run([("Model.pt", "/in/repo/dvclive/Model.pt"), ("model.pt", "/in/repo/dvclive/model.pt")]))
        #expect(paths[0].lowercased() != paths[1].lowercased())
    }

    @Test func dotSegmentsCannotMergeTwoFiles() {
        let paths = ArtifactSitePaths.paths(for: run([("a/../b.pt", "/in/repo/x/b.pt"), ("a/b.pt", "/in/repo/dvclive/a/b.pt"), ("b.pt", "/in/repo/dvclive/b.pt")]))
        #expect(Set(paths).count == 3)
        #expect(paths.allSatisfy { !$0.contains("..") })
    }
}
