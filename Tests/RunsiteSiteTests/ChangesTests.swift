import Foundation
import RunsiteModel
@testable import RunsiteSite
import Testing

/// The change list (`runsite diff`, `{changes}`) and `--fail-if` checks, on records written here.
@Suite struct ChangesTests {
    static func record(_ id: String, _ name: String? = nil, project: String = "demo", path: String = "", status: RunStatus = .finished,
                       params: [(String, ParamValue)] = [], metrics: [String: (min: Double, max: Double)] = [:]) -> RunRecord {
        SummaryMarkdownTests.record(id, name, project: project, path: path, status: status, params: params, metrics: metrics)
    }

    static let old: [RunRecord] = [
        record("a", params: [("lr", .double(0.1)), ("seed", .int(1))], metrics: ["val/acc": (0.5, 0.9), "val/loss": (0.4, 1.0)]),
        record("b", status: .running, params: [("lr", .double(0.01)), ("seed", .int(1))], metrics: ["val/acc": (0.5, 0.8), "val/loss": (0.5, 1.0)]),
        record("c", status: .running, metrics: ["val/acc": (0.1, 0.2)]),
        record("gone", status: .failed),
    ]
    static let new: [RunRecord] = [
        record("a", params: [("lr", .double(0.1)), ("seed", .int(1))], metrics: ["val/acc": (0.5, 0.9), "val/loss": (0.4, 1.0)]),
        record("b", status: .finished, params: [("lr", .double(0.01)), ("seed", .int(1))], metrics: ["val/acc": (0.5, 0.91), "val/loss": (0.35, 1.0)]),
        record("c", status: .failed, metrics: ["val/acc": (0.1, 0.2)]),
        record("fresh", status: .running, metrics: ["val/acc": (0.1, 0.3), "system/gpu": (1, 99)]),
    ]

    @Test func diffFindsNewRemovedFinishedStatusAndBestChangesExactly() {
        let diff = SummaryDiff(old: Self.old, new: Self.new)
        #expect(diff.added.map(\.id) == ["fresh"])
        #expect(diff.removed.map(\.id) == ["gone"])
        #expect(diff.finished.map(\.id) == ["b"])
        #expect(diff.statusChanges.map { "\($0.id) \($0.old!.rawValue) \($0.new!.rawValue)" } == ["c running failed"])
        // System metrics are not objectives; 0.91 − 0.9 is exactly 0.01.
        #expect(diff.best.map { "\($0.metric) \($0.deltaText ?? "-")" } == ["val/acc +0.01", "val/loss -0.05"])
        #expect(diff.best[0].delta == Decimal(string: "0.01"))
        #expect(SummaryDiff(old: Self.new, new: Self.new).isEmpty)
    }

    @Test func diffTextJSONAndMarkdown() {
        let diff = SummaryDiff(old: Self.old, new: Self.new)
        #expect(diff.render(.text) == """
        New runs (1):
          demo / fresh: running
        Removed runs (1):
          demo / gone: failed
        Finished (1):
          demo / b: running → finished
        Status changes (1):
          demo / c: running → failed
        Best values (2):
          demo / val/acc (max): 0.9 → 0.91 (+0.01), best run b
          demo / val/loss (min): 0.4 → 0.35 (-0.05), best run b

        """)
        let json = diff.render(.json)
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let best = object?["best"] as? [[String: Any]]
        #expect(best?.first?["delta"] as? Double == 0.01)
        #expect(json.contains("\"delta\": 0.01,") || json.contains("\"delta\":0.01"), "\(json)")
        let markdown = diff.render(.markdown, failures: ["x"])
        #expect(markdown.contains("| demo | val/acc (max) | 0.9 | 0.91 | +0.01 | b |"), "\(markdown)")
        #expect(markdown.hasSuffix("### Failed checks\n\n- x\n"))
    }

    @Test func diffOfUntrustedNamesEscapesMarkdownAndTerminalControls() {
        let evil = [Self.record("e", "<img src=x>\u{1B}[2J|*", status: .running)]
        let diff = SummaryDiff(old: [], new: evil)
        #expect(diff.render(.markdown).contains("- demo / \\<img src=x\\> \\[2J\\|\\*: running"))
        #expect(diff.render(.text).contains("<img src=x>\\u{1B}[2J|*"))
    }

    @Test func gatesParseAndFailOnRegressionOnly() throws {
        let gate = try DiffGate("metric:val/acc:max < -0.01")
        #expect(gate.metric == "val/acc" && gate.direction == .maximize && gate.comparison == .less)
        #expect(gate.failures(old: Self.old, new: Self.new).isEmpty)
        #expect(gate.failures(old: Self.new, new: Self.old).isEmpty)   // −0.01 is not below −0.01
        let strict = try DiffGate("metric:val/acc <= -0.01")
        #expect(strict.failures(old: Self.new, new: Self.old) == [
            "--fail-if 'metric:val/acc <= -0.01': val/acc (max) in demo went from 0.91 to 0.9 (-0.01, <= -0.01)",
        ])
        let loss = try DiffGate("metric:val/loss:min > 0.02")
        #expect(loss.failures(old: Self.new, new: Self.old).count == 1)
        #expect(try DiffGate("metric:val/los < 0").failures(old: Self.old, new: Self.new) == [
            "--fail-if 'metric:val/los < 0': no run in either summary logs 'val/los'",
        ])
        for bad in ["val/acc < 1", "metric:val/acc", "metric:val/acc < x", "metric: < 1", "metric:a < 1e999", "metric:a < 1abc"] {
            #expect(throws: DiffGate.Invalid.self) { try DiffGate(bad) }
        }
    }

    @Test func exactDifferenceFallsBackOutsideDecimal() {
        #expect(ExactDifference.text(0.3, 0.1) == "+0.2")
        #expect(ExactDifference.text(1e-7, 2e-7) == "-0.0000001")
        #expect(ExactDifference.text(1e300, 1e-300).hasPrefix("+1e+300") || ExactDifference.text(1e300, 1e-300).hasPrefix("+"))
    }
}
