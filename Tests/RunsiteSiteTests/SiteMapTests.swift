import RunsiteModel
import Testing
@testable import RunsiteSite

/// Pages address runs by their place in the site map; a RunID finds its place.
@Suite struct SiteMapTests {
    func run(_ id: RunID, directory: String) -> Run {
        Run(id: id, source: "runsite", project: "p", name: id.path, directory: directory)
    }

    @Test func aRunIDFindsThePlaceOfItsRun() {
        let map = SiteMap(projects: [Project(name: "p", runs: [run("p/a", directory: "/in/p/a"), run("p/b", directory: "/in/p/b")])])
        let place = map.place(ofRun: "p/b")
        #expect(place == RunPlace(project: 0, run: 1))
        #expect(place.map(map.run)?.id == "p/b")
        #expect(map.place(ofRun: "p/c") == nil)
    }

    /// Two INPUTs that hold the same path give two runs with one RunID: each keeps a page of its own.
    @Test func runsThatShareARunIDKeepAPageEach() {
        let map = SiteMap(projects: [Project(name: "p", runs: [run("p/a", directory: "/one/p/a"), run("p/a", directory: "/two/p/a")])])
        let pages = map.places(inProject: 0).map(map.runPath)
        #expect(Set(pages).count == 2, "\(pages)")
        #expect(map.place(ofRun: "p/a") == RunPlace(project: 0, run: 0))
    }
}
