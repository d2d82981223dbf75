import RunsiteModel
import Testing
@testable import RunsiteSite

/// Colours follow the order runs started (then their ids, numbers by value), so that a new run
/// takes the next colour and every other run keeps its own.
@Suite struct ColorOrderTests {
    func run(_ id: String, start: Double? = nil) -> Run {
        var run = Run(id: RunID(id), source: "runsite", project: "p", name: id, directory: "/")
        run.start = start
        return run
    }

    @Test func runsAreColouredInTheOrderTheyStarted() {
        let runs = [run("a", start: 30), run("b", start: 10), run("c", start: 20)]
        #expect(ColorOrder.indices(of: runs) == [2, 0, 1])
    }

    @Test func idsCompareTheirNumbersByValue() {
        let runs = ["version_10", "version_2", "version_1", "version_200", "version_20"].map { run($0) }
        #expect(ColorOrder.indices(of: runs) == [2, 1, 0, 4, 3])
        #expect(ColorOrder.numericCompare("run-02", "run-2") == .same)
        #expect(ColorOrder.numericCompare("run-9b", "run-10a") == .less)
        #expect(ColorOrder.numericCompare("a", "ab") == .less)
    }

    @Test func runsWithoutAStartComeAfterThoseWithOne() {
        let runs = [run("a"), run("b", start: 5), run("c")]
        #expect(ColorOrder.indices(of: runs) == [1, 0, 2])
    }

    @Test func aRunThatStartsLastKeepsEveryOtherColour() {
        var runs = (0..<12).map { run(String(format: "run-%02d", $0), start: Double(100 - $0)) }
        let before = Dictionary(uniqueKeysWithValues: zip(runs.map(\.id), ColorOrder.indices(of: runs)))
        runs.insert(run("run-00a", start: 1_000), at: 1)   // sorts among the others by id, but started last
        let after = Dictionary(uniqueKeysWithValues: zip(runs.map(\.id), ColorOrder.indices(of: runs)))
        for (id, color) in before { #expect(after[id] == color, "\(id) changed colour") }
        #expect(after["run-00a"] == 12)
    }

    @Test func theSiteMapUsesTheOrder() {
        let map = SiteMap(projects: [Project(name: "p", runs: [run("a", start: 2), run("b", start: 1)])])
        #expect(map.color(RunPlace(project: 0, run: 0)) == 1 && map.color(RunPlace(project: 0, run: 1)) == 0)
    }
}
