import Foundation
import RunsiteCore
import RunsiteModel
@testable import RunsiteReaders
import Testing

@Suite("W&B reader")
struct WandBReaderTests {
    // MARK: Fidelity with wandb's own DataStore reader and protobufs

    @Test func fixturesMatchWandbDataStore() {
        let input = SummaryComparison.fixture("wandb")
        let (runs, log) = SummaryComparison.read(input)
        let problems = SummaryComparison.mismatches(runs, expected: input.appendingPathComponent("expected-summary.json"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(runs.count == 3)
        #expect(log.count(of: .warning) == 0, "\(log.sorted.map(\.formatted))")
    }
}
