import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// `{param-effects}` against SciPy's `spearmanr` and the textbook η (`Tests/Fixtures/param-effects/make_expected.py`).
@Suite struct ParamEffectsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/param-effects")

    /// A JSON scalar as the param it would be: bool, int, double or string, tried in that order.
    struct Scalar: Decodable {
        var value: ParamValue
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { value = .bool(b) }
            else if let i = try? c.decode(Int64.self) { value = .int(i) }
            else if let d = try? c.decode(Double.self) { value = .double(d) }
            else { value = .string(try c.decode(String.self)) }
        }
    }

    static func runs() throws -> [Run] {
        let items = try JSONDecoder().decode([[String: Scalar]].self, from: Data(contentsOf: fixtures.appendingPathComponent("runs.json")))
        return try items.enumerated().map { i, item in
            var run = Run(id: RunID("r\(i)"), source: "runsite", project: "p", name: "r\(i)", directory: "/r\(i)")
            for (key, scalar) in item where key != "y" { run.params[key] = scalar.value }
            let y = try #require(item["y"]?.value.number)
            run.metrics = [MetricSeries(key: "val/loss", steps: [0], values: [y])]
            return run
        }
    }

    struct Expected: Decodable { var measure: String; var value: Double; var runs: Int }

    @Test func effectsEqualSciPyAndTheTextbookEta() throws {
        let expected = try JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("expected.json")))
        let result = ParamEffects(runs: try Self.runs(), metric: .metric("val/loss", .last))
        #expect(Set(result.effects.map(\.param)) == Set(expected.keys))
        for effect in result.effects {
            let want = try #require(expected[effect.param])
            #expect(want.measure == (effect.measure == .spearman ? "spearman" : "eta"), "\(effect.param)")
            #expect(abs(effect.value - want.value) <= 1e-9, "\(effect.param): \(effect.value)")
            #expect(effect.runs == want.runs, "\(effect.param)")
        }
        let sizes = result.effects.map { abs($0.value) }
        #expect(sizes == sizes.sorted(by: >), "largest effect first")
    }

    @Test func theTableShowsOnlyWhenThereAreEnoughRunsAndParams() throws {
        let runs = try Self.runs()
        func page(_ options: String, _ runs: [Run]) throws -> String {
            let site = ChartDirectiveTests.site(project: "```{param-effects}\n\(options)```\n", runs: runs)
            return try #require(site.files["p/index.html"])
        }
        let shown = try page(":metric: val/loss:last\n:heading: Param effects\n", runs)
        #expect(shown.contains("<h2>Param effects</h2>") && shown.contains("class=\"rs-effects\""))
        #expect(shown.contains("<th scope=\"row\">lr</th><td>Spearman ρ</td>"))
        let lr = try #require(shown.range(of: ">lr</th>")), seed = try #require(shown.range(of: ">seed</th>"))
        #expect(lr.lowerBound < seed.lowerBound)
        #expect(!(try page(":min-runs: 9\n:heading: Param effects\n", runs)).contains("Param effects"))
        #expect(!(try page(":min-params: 7\n", runs)).contains("rs-effects"))
    }
}
