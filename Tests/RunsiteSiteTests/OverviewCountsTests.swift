import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// The overview's status columns cover every status, so each project's counts add up to its runs.
@Suite struct OverviewCountsTests {
    @Test func statusCountsAddUpToTheRuns() throws {
        let runs = RunStatus.allCases.enumerated().map { i, status in
            var run = Run(id: RunID("r\(i)"), source: "runsite", project: "p", name: "r\(i)", directory: "r\(i)")
            run.status = status
            return run
        } + [Run(id: "extra", source: "runsite", project: "p", name: "extra", directory: "extra")]
        let files: [String: (path: String, text: String)] = [
            "index.md": ("index.md", "```{project-list}\n```\n"), "project.md": ("project.md", ""), "run.md": ("run.md", ""),
            "layout.html": ("layout.html", "{{{content}}}"),
        ]
        let output = SiteBuilder(templates: TemplateSet(files: files, assets: [:]), options: SiteOptions())
            .build([Project(name: "p", runs: runs)], log: DiagnosticLog())
        let index = try #require(output.first { $0.path == "index.html" })
        guard case .text(let page) = index.content else { Issue.record("index.html is not text"); return }
        let row = try #require(page.components(separatedBy: "<tbody>").last?.components(separatedBy: "</tr>").first)
        let numbers = row.components(separatedBy: "<td class=\"rs-num\">").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        // Runs, then one count per status (the disk size cell is not a bare number).
        let counts = Array(numbers.dropFirst().prefix(RunStatus.allCases.count))
        #expect(numbers.first == runs.count)
        #expect(counts.count == RunStatus.allCases.count && counts.reduce(0, +) == runs.count, "\(numbers)")
        for status in RunStatus.allCases {
            #expect(page.contains(">\(status.rawValue.prefix(1).uppercased() + status.rawValue.dropFirst())</th>"), "a column for \(status)")
        }
    }
}
