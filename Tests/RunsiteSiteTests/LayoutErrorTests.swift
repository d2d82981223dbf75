import RunsiteCore
import RunsiteModel
import Testing
@testable import RunsiteSite

/// A broken `layout.html` is reported in words at its line and column, and pages still get written.
@Suite struct LayoutErrorTests {
    @Test func unclosedTagIsReportedWhereItIs() {
        let layout = Layout(source: "<html>\n<body>\n{{{content}}\n</body>\n")
        #expect(layout.error?.contains("a tag is not closed with }}") == true, "\(layout.error ?? "")")
        #expect(layout.error?.contains("ParserError") == false)
        #expect(layout.errorLine == 3)
    }

    @Test func unclosedSectionIsNamed() {
        let layout = Layout(source: "{{#has_reports}}\n{{{content}}}\n")
        #expect(layout.error?.contains("is never closed") == true, "\(layout.error ?? "")")
    }

    @Test func buildLogsTheErrorWithItsLocationAndStillWritesPages() {
        let files: [String: (path: String, text: String)] = [
            "index.md": ("index.md", "# Hello"), "project.md": ("project.md", ""), "run.md": ("run.md", ""),
            "layout.html": ("templates/layout.html", "<body>\n{{#x}}\n{{{content}}}\n"),
        ]
        let log = DiagnosticLog()
        let output = SiteBuilder(templates: TemplateSet(files: files, assets: [:]), options: SiteOptions()).build([], log: log)
        let error = log.sorted.first { $0.id == "template.bad-layout" }
        #expect(error?.location?.file == "templates/layout.html")
        #expect(error?.location?.line != nil)
        #expect(output.contains { $0.path == "index.html" })
    }
}
