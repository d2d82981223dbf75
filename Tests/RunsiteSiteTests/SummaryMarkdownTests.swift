import Foundation
import RunsiteModel
@testable import RunsiteSite
import Testing

/// `export summary --format markdown`: the report of a CI job, and the escaping of run data in it.
@Suite struct SummaryMarkdownTests {
    static func record(_ id: String, _ name: String? = nil, project: String = "demo", path: String = "", status: RunStatus = .finished,
                       params: [(String, ParamValue)] = [], metrics: [String: (min: Double, max: Double)] = [:]) -> RunRecord {
        var p = Params()
        for (k, v) in params { p[k] = v }
        return RunRecord(id: RunID(id), project: project, projectPath: path, name: name ?? id, status: status, params: p,
                         metrics: metrics.mapValues { MetricRecord(count: 3, last: $0.max, min: $0.min, max: $0.max, lastStep: 20) })
    }

    @Test func markdownEscapesEveryMarkupCharacterFromRunData() {
        #expect(MarkdownText.escape("a*b_c[d](e)<f>|g`h") == "a\\*b\\_c\\[d\\](e)\\<f\\>\\|g\\`h")
        #expect(MarkdownText.escape("@team #12 $x$ :smile: ~~s~~ &amp; !") == "\\@team \\#12 \\$x\\$ \\:smile\\: \\~\\~s\\~\\~ \\&amp; \\!")
        #expect(MarkdownText.escape("two\nlines\r\tand\u{1B}[31m") == "two lines  and \\[31m")
        // Line-start markers only at the start; numbers inside stay readable.
        #expect(MarkdownText.escape("- item") == "\\- item")
        #expect(MarkdownText.escape("1. first") == "1\\. first")
        #expect(MarkdownText.escape("lr-0.001") == "lr-0.001")
        #expect(MarkdownText.escape("0.001") == "0.001")
    }

    @Test func summaryMarkdownListsStatusesBestRunsWithVaryingParamsAndRunningRuns() {
        let runs = [
            Self.record("a", "a*1", params: [("lr", .double(0.1)), ("seed", .int(1))], metrics: ["val/loss": (0.4, 1.0), "system/cpu": (1, 2)]),
            Self.record("b", status: .running, params: [("lr", .double(0.01)), ("seed", .int(1))], metrics: ["val/loss": (0.3, 1.0)]),
            Self.record("c", status: .failed, params: [("lr", .double(0.001)), ("seed", .int(1))], metrics: ["val/loss": (0.5, 1.0)]),
        ]
        let text = SummaryMarkdown.render(runs, top: 2)
        #expect(text == """
        ## Runs

        3 runs in 1 project: 1 running, 1 finished, 1 failed.

        ### demo

        3 runs: 1 running, 1 finished, 1 failed.

        | Objective | # | Run | Best | Key params |
        |---|---:|---|---:|---|
        | val/loss (min) | 1 | b | 0.3 | lr=0.01 |
        |  | 2 | a\\*1 | 0.4 | lr=0.1 |

        Still running:

        - b (step 20)

        """)
        #expect(SummaryMarkdown.render([]) == "## Runs\n\nNo runs were found.\n")
    }

    @Test func projectTitlesAreTheSitesWhereNamesRepeat() {
        let runs = [Self.record("x/1", project: "logs", path: "x"), Self.record("y/1", project: "logs", path: "y")]
        let text = SummaryMarkdown.render(runs)
        #expect(text.contains("### logs (x)\n") && text.contains("### logs (y)\n"), "\(text)")
    }
}
