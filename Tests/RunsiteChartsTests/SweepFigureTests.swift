import RunsiteMarkup
import Testing
@testable import RunsiteCharts

/// Parallel coordinates and scatter plots, read as structure.
@Suite struct SweepFigureTests {
    static let lines = [
        ParallelCoordinates.Line(label: "a", values: [.number(0.001), .category("adam"), .number(0.4)], color: 0.4),
        ParallelCoordinates.Line(label: "b", values: [.number(0.1), .category("sgd"), .number(0.9)], color: 0.9),
        ParallelCoordinates.Line(label: "c", values: [.missing, .category("adam"), .number(0.5)], color: nil),
    ]

    @Test func everyRunIsALineAndMissingValuesHaveTheirPlace() {
        let chart = ParallelCoordinates(title: "PC", axes: ["lr", "optimizer", "loss"], lines: Self.lines, colorTitle: "loss")
        let svg = chart.svg()
        let paths = svg.elements { $0.classes.contains("rs-pc-line") }
        // A line names its run in its <title> ("a — loss: 0.4"; "c" has no colour value).
        func run(_ path: FoundElement) -> String? {
            for case .element("title", _, let children) in path.children {
                return FoundElement(name: "title", attributes: [], children: children).text.components(separatedBy: " — ").first
            }
            return nil
        }
        #expect(paths.count == 3)
        #expect(Set(paths.compactMap(run)) == ["a", "b", "c"])
        #expect(svg.elements { $0.classes.contains("rs-pc-missing") }.count == 3, "a missing mark under each axis")
        #expect(svg.elements { $0.name == "text" && $0.text == "missing" }.count == 1)
        let grey = paths.first { run($0) == "c" }?.value("stroke")
        #expect(grey == "#9A9A9A", "no colour value: grey")
        #expect(paths.first { run($0) == "a" }?.value("stroke") == ViridisColor.hex(0))
        #expect(paths.first { run($0) == "b" }?.value("stroke") == ViridisColor.hex(1))
        // The best (lowest) drawn last, on top.
        #expect(paths.last.flatMap(run) == "a")
    }

    @Test func paramsSpanningTwoDecadesGetALogAxisAndCategoriesEvenPlaces() {
        let chart = ParallelCoordinates(title: "PC", axes: ["lr", "optimizer", "loss"], lines: Self.lines, colorTitle: "loss")
        guard case .scale(let lr) = chart.placement(0, top: 50, bottom: 300) else { Issue.record("lr is not a scale"); return }
        #expect(lr.kind == .log)
        guard case .scale(let loss) = chart.placement(2, top: 50, bottom: 300) else { Issue.record("loss is not a scale"); return }
        #expect(loss.kind == .linear)
        guard case .categories(let names) = chart.placement(1, top: 50, bottom: 300) else { Issue.record("optimizer is not categorical"); return }
        #expect(names == ["adam", "sgd"])
    }

    @Test func categoricalScatterJittersTheSameWayEveryTime() {
        let points = (0..<6).map { ScatterPlot.Point(label: "r\($0)", id: "p/r\($0)", x: .category($0 % 2 == 0 ? "adam" : "sgd"), y: Double($0), color: nil) }
        let plot = ScatterPlot(title: "S", xTitle: "optimizer", yTitle: "loss", colorTitle: nil, points: points)
        let dots = plot.svg().elements { $0.classes.contains("rs-dot") }
        #expect(dots.count == 6)
        let xs = dots.compactMap { $0.value("cx") }
        #expect(Set(xs).count == 6, "jittered apart")
        #expect(plot.svg().elements { $0.classes.contains("rs-dot") }.compactMap { $0.value("cx") } == xs, "the same places again")
        #expect(Serializer.xml(plot.svg()) == Serializer.xml(plot.svg()))
    }
}
