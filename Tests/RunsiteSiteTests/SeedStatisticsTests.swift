import Foundation
import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// Seed statistics against NumPy and SciPy (`Tests/Fixtures/seed-stats/make_expected.py`).
@Suite struct SeedStatisticsTests {
    struct Group: Decodable {
        var values: [Double]
        var mean, std, sem, median, q1, q3, iqm: Double
        var ci_low_range, ci_high_range: [Double]
        var welch_p: Double?
    }
    struct Expected: Decodable { var baseline: String; var groups: [String: Group] }

    static func expected() throws -> Expected {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/seed-stats/expected.json")
        return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    }

    @Test func pointEstimatesEqualNumPyAndSciPy() throws {
        for (name, group) in try Self.expected().groups {
            let x = group.values, sorted = x.sorted()
            #expect(SampleStatistics.mean(x) == group.mean, "\(name) mean")
            #expect(abs(SampleStatistics.std(x)! - group.std) <= 1e-15, "\(name) std")
            #expect(abs(SampleStatistics.sem(x)! - group.sem) <= 1e-15, "\(name) sem")
            #expect(SampleStatistics.percentile(sorted: sorted, 0.5) == group.median, "\(name) median")
            #expect(abs(SampleStatistics.percentile(sorted: sorted, 0.25) - group.q1) <= 1e-15, "\(name) q1")
            #expect(abs(SampleStatistics.percentile(sorted: sorted, 0.75) - group.q3) <= 1e-15, "\(name) q3")
            #expect(abs(SampleStatistics.interquartileMean(sorted: sorted) - group.iqm) <= 1e-15, "\(name) iqm")
        }
    }

    /// The IQM of a handful of seeds takes few values, so its bootstrap distribution is discrete:
    /// another generator may land on the neighbouring attainable value at the 2.5th or 97.5th
    /// percentile. The interval must lie within the range of SciPy's intervals over 20 seeds,
    /// widened by a tenth of the sample's range on each side.
    @Test func bootstrapIntervalsAgreeWithSciPyWithinMonteCarloError() throws {
        for (name, group) in try Self.expected().groups {
            let summary = SeedStatistic.iqmCI.summarise(group.values, ids: group.values.indices.map { "\(name)/\($0)" })
            guard case .interval(let low, let high)? = summary.spread else { Issue.record("\(name): no interval"); continue }
            let tolerance = (group.values.max()! - group.values.min()!) / 10
            #expect(low >= group.ci_low_range[0] - tolerance && low <= group.ci_low_range[1] + tolerance, "\(name) low \(low)")
            #expect(high >= group.ci_high_range[0] - tolerance && high <= group.ci_high_range[1] + tolerance, "\(name) high \(high)")
            #expect(summary.center == SampleStatistics.interquartileMean(sorted: group.values.sorted()))
            // Seeded from the run ids: the same ids give the same interval.
            #expect(SeedStatistic.iqmCI.summarise(group.values, ids: group.values.indices.map { "\(name)/\($0)" }) == summary)
        }
    }

    /// Scores of two tasks, each constant within its task: resampled within each task (as
    /// `rliable` does across tasks) every resample holds the same values, so the interval is the
    /// point; resampled across tasks it is wide.
    @Test func stratifiedResamplingStaysWithinEachTask() {
        let values = [1.0, 1, 1, 1, 3, 3, 3, 3], ids = (0..<8).map { "r\($0)" }
        let strata = ["a", "a", "a", "a", "b", "b", "b", "b"]
        let pooled = SeedStatistic.iqmCI.summarise(values, ids: ids)
        let stratified = SeedStatistic.iqmCI.summarise(values, ids: ids, strata: strata)
        #expect(stratified.center == 2 && stratified.spread == .interval(2, 2), "\(stratified)")
        guard case .interval(let low, let high)? = pooled.spread else { Issue.record("no interval"); return }
        #expect(low < 2 && high > 2, "across tasks the resamples vary: \(pooled)")
    }

    @Test func welchPValuesEqualSciPy() throws {
        let expected = try Self.expected()
        let baseline = try #require(expected.groups[expected.baseline]).values
        for (name, group) in expected.groups {
            guard let want = group.welch_p else { continue }
            let p = try #require(WelchTest.p(group.values, baseline))
            #expect(abs(p - want) <= 1e-9, "\(name): \(p) vs \(want)")
        }
    }

    @Test func numbersAreRoundedAsPapersPrintThem() {
        #expect(PaperRounding.text(.init(center: 0.837937, spread: .plusMinus(0.00530999), n: 5)) == "0.8379 ± 0.0053")
        #expect(PaperRounding.text(.init(center: 84.2149, spread: .interval(83.0711, 85.0344), n: 5)) == "84.2 [83.1, 85.0]")
        #expect(PaperRounding.text(.init(center: 1234.7, spread: .plusMinus(56.7), n: 3)) == "1235 ± 57")
        #expect(PaperRounding.text(.init(center: 0.5, spread: nil, n: 1)) == "0.5")
    }

    @Test func groupedTablesShowTheStatisticTheBaselineTestAndN() throws {
        let expected = try Self.expected()
        var runs: [Run] = []
        for (name, group) in expected.groups.sorted(by: { $0.key < $1.key }) {
            for (i, value) in group.values.enumerated() {
                var run = Run(id: RunID("\(name)-\(i)"), source: "runsite", project: "p", name: "\(name)-\(i)", directory: "/\(name)-\(i)")
                run.params["optimizer"] = .string(name)
                run.metrics = [MetricSeries(key: "val/acc", steps: [0], values: [value])]
                runs.append(run)
            }
        }
        let model = TableModel(runs: runs, columns: [.metric("val/acc", .last)], groupBy: GroupKey(parsing: "param:optimizer"),
                               statistic: .iqmCI, baseline: "sgd")
        let adam = try #require(model.rows.first { $0.group == "adam" })
        #expect(adam.size == 5 && adam.cells[0].text.hasSuffix(" †") && adam.cells[0].text.contains("["), "\(adam.cells[0].text)")
        #expect(model.rows.first { $0.group == "sgd" }?.cells[0].pValue == nil)
        let csv = TableExport.csv(model)
        #expect(csv.hasPrefix("optimizer,n,val/acc (last),val/acc (last) ci_low,val/acc (last) ci_high,val/acc (last) p,val/acc (last)_text\n"), "\(csv)")
        let latex = TableExport.latex(model)
        #expect(latex.contains("$^\\dagger$") && latex.contains("IQM [95 % bootstrap CI]"))
        let welch = TableModel(runs: runs, columns: [.metric("val/acc", .last)], groupBy: GroupKey(parsing: "param:optimizer"), statistic: .meanStd, baseline: "sgd")
        let p = try #require(welch.rows.first { $0.group == "adam" }?.cells[0].pValue)
        #expect(abs(p - expected.groups["adam"]!.welch_p!) <= 1e-9)
        #expect(welch.caption?.contains("Welch") == true)
    }
}
